package org.winformusic.events;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages of STYLE.md are modules: each talks to another only through the
 * types at that module's root package, only to the modules its {@code package-info.java}
 * allows, and no two depend on each other in a cycle. Each table has one owning module,
 * the only one whose SQL names it ({@link ArchitectureRules#TABLE_OWNERS}).
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(EventsApplication.class);

	static final JavaClasses mainClasses = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// Written by Spring AOT and CGLIB (a packaged build), not by us.
		.withImportOption((location) -> !location.contains("__") && !location.contains("$$"))
		.importPackages("org.winformusic.events");

	@Test
	void modulesTalkOnlyThroughTheirPublicApiToTheModulesTheyDeclareWithoutCycles() {
		modules.verify();
	}

	@Test
	void controllersArePackagePrivate() {
		ArchitectureRules.controllersArePackagePrivate().check(mainClasses);
	}

	@Test
	void everyPublicTypeHasAUserOutsideItsPackage() {
		ArchitectureRules.publicTypesHaveAUserOutsideTheirPackage().check(mainClasses);
	}

	@Test
	void onlyTheOwnerOfATableNamesItInSql() {
		Path sources = Path.of("src/main/java/org/winformusic/events");
		assertThat(ArchitectureRules.sqlNamingAnotherModulesTables(sources, ArchitectureRules.TABLE_OWNERS)).isEmpty();
	}

}
