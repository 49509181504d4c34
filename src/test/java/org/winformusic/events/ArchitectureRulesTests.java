package org.winformusic.events;

import java.nio.file.Path;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link ModularityTests} fail where they should: each is run on
 * {@code org.winformusic.archfixture}, a tiny application with one deliberate violation
 * of each rule and types that keep them.
 */
class ArchitectureRulesTests {

	static final String FIXTURE = "org.winformusic.archfixture";

	static final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

	@Test
	void aModuleUsingAModuleItDoesNotDeclareIsRefused() {
		ApplicationModules modules = ApplicationModules.of(FIXTURE, (location) -> true);

		assertThat(modules.detectViolations().getMessages()).singleElement()
			.asString()
			.contains("alpha")
			.contains("gamma");
	}

	@Test
	void aPublicControllerIsRefused() {
		EvaluationResult result = ArchitectureRules.controllersArePackagePrivate().evaluate(fixture);

		assertThat(result.getFailureReport().getDetails()).singleElement().asString().contains("PublicController");
	}

	@Test
	void aPublicTypeNobodyOutsideItsPackageUsesIsRefused() {
		EvaluationResult result = ArchitectureRules.publicTypesHaveAUserOutsideTheirPackage().evaluate(fixture);

		// GammaThing is public and used by alpha: not reported.
		assertThat(result.getFailureReport().getDetails()).hasSize(2)
			.anySatisfy((line) -> assertThat(line).contains("LonelyType"))
			.anySatisfy((line) -> assertThat(line).contains("PublicController"));
	}

	@Test
	void sqlNamingAnotherModulesTableIsRefusedAndTheOwnersOwnIsNot() {
		Path sources = Path.of("src/test/java/org/winformusic/archfixture");

		assertThat(ArchitectureRules.sqlNamingAnotherModulesTables(sources, Map.of("alpha_table", "alpha")))
			.containsExactly("beta/PublicController.java names table alpha_table of module alpha");
	}

}
