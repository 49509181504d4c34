package org.winformusic.events.shared;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are measured ({@code http.server.requests}); Spring Security's filters are not
 * observed one by one, which cost every request a timer and events per filter.
 */
@IntegrationTest
class ObservationsTests {

	@Autowired
	ObservationRegistry registry;

	@Test
	void requestsAreObservedButNotEachSecurityFilter() {
		assertThat(Observation.start("spring.security.filterchains", this.registry).isNoop()).isTrue();
		assertThat(Observation.start("spring.security.authorizations", this.registry).isNoop()).isTrue();
		assertThat(Observation.start("http.server.requests", this.registry).isNoop()).isFalse();
	}

}
