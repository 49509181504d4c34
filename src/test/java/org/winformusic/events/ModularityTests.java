package org.winformusic.events;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages of STYLE.md are modules: each talks to another only through the
 * types at that module's root package, and no two depend on each other in a cycle.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(EventsApplication.class);

	@Test
	void featurePackagesTalkOnlyThroughTheirPublicApiWithoutCycles() {
		modules.verify();
	}

}
