package org.winformusic.events.shared;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.winformusic.events.EventsApplication;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(OutputCaptureExtension.class)
class RequiredSettingsCheckTests {

	private static final Map<String, Object> PRODUCTION = Map.of("spring.datasource.url",
			"jdbc:postgresql://127.0.0.1:1/none", "spring.mail.host", "localhost", "app.mail-from",
			"WIN Events <events@example.org>");

	@Test
	void productionStartWithoutDatabaseUrlStopsNamingTheSetting() {
		assertThatThrownBy(() -> start(Map.of("spring.mail.host", "localhost", "app.mail-from", "a@b.org")))
			.isInstanceOf(RequiredSettingsCheck.MissingSettingException.class)
			.hasMessage("Missing required setting SPRING_DATASOURCE_URL (property spring.datasource.url).");
	}

	@Test
	void productionStartWithoutSenderAddressStopsNamingTheSetting() {
		assertThatThrownBy(() -> start(
				Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/none", "spring.mail.host", "localhost")))
			.isInstanceOf(RequiredSettingsCheck.MissingSettingException.class)
			.hasMessageContaining("APP_MAIL_FROM");
	}

	@Test
	void senderWithoutAngleBracketsStopsStartUpWithOneLineNamingTheSetting() {
		Throwable failure = catchThrowable(() -> start(with("app.mail-from", "WIN Events events@example.org")));

		assertThat(failure).isInstanceOf(RequiredSettingsCheck.InvalidSettingException.class)
			.hasMessage("Setting APP_MAIL_FROM (property app.mail-from) is 'WIN Events events@example.org'; it must be"
					+ " an email address such as events@example.org or WIN Events <events@example.org>.");
		assertThat(report(failure).getAction()).isEqualTo("Correct APP_MAIL_FROM (see README.md, Configuration).");
	}

	@Test
	void databaseUrlThatIsNotJdbcStopsStartUpWithoutRepeatingIt() {
		Throwable failure = catchThrowable(
				() -> start(with("spring.datasource.url", "postgres://winevents:s3cret@db.example.org/winevents")));

		assertThat(failure).isInstanceOf(RequiredSettingsCheck.InvalidSettingException.class)
			.hasMessage("Setting SPRING_DATASOURCE_URL (property spring.datasource.url) must be a PostgreSQL JDBC URL"
					+ " such as jdbc:postgresql://db.example.org:5432/winevents.");
		assertThat(report(failure).getDescription()).doesNotContain("s3cret");
	}

	@Test
	void baseUrlWithoutSchemeStopsStartUpInsteadOfSendingBrokenLinks() {
		assertThatThrownBy(() -> start(with("app.base-url", "events.example.org")))
			.isInstanceOf(RequiredSettingsCheck.InvalidSettingException.class)
			.hasMessageContaining("APP_BASE_URL")
			.hasMessageContaining("https://events.example.org");
	}

	@Test
	void wellFormedSettingsPassTheCheck() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", with("app.base-url", "https://events.example.org/")));
		ApplicationEnvironmentPreparedEvent event = new ApplicationEnvironmentPreparedEvent(
				new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment);

		assertThatNoException().isThrownBy(() -> new RequiredSettingsCheck().onApplicationEvent(event));
	}

	@Test
	void aProductionStartWhoseEmailsWouldLinkToThisMachineSaysSoInTheLog(CapturedOutput output) {
		check(PRODUCTION);
		assertThat(output).contains("APP_BASE_URL is not set: the links in every email lead to http://localhost:8080");

		check(with("app.base-url", "http://127.0.0.1:8080"));
		assertThat(output).contains("APP_BASE_URL is 'http://127.0.0.1:8080': the links in every email lead to"
				+ " this machine, which registrants cannot open.");
	}

	@Test
	void aPublicBaseUrlStartsWithoutThatWarning(CapturedOutput output) {
		check(with("app.base-url", "https://events.example.org"));
		check(with("app.base-url", "https://127.example.org"));
		assertThat(output).doesNotContain("APP_BASE_URL");
	}

	@Test
	void aBaseUrlWithAnInternationalizedOrUnderscoredHostPassesTheCheck(CapturedOutput output) {
		assertThatNoException().isThrownBy(() -> check(with("app.base-url", "https://eventos.diseño.mx")));
		assertThatNoException().isThrownBy(() -> check(with("app.base-url", "https://registro_win.example.org:8443/")));
		assertThat(output).doesNotContain("APP_BASE_URL");
	}

	private static void check(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new RequiredSettingsCheck().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
				new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
	}

	private static Map<String, Object> with(String key, String value) {
		Map<String, Object> properties = new HashMap<>(PRODUCTION);
		properties.put(key, value);
		return properties;
	}

	private static FailureAnalysis report(Throwable failure) {
		return new MissingSettingFailureAnalyzer().analyze(failure);
	}

	private static void start(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(EventsApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		application.addListeners(new RequiredSettingsCheck());
		application.run().close();
	}

}
