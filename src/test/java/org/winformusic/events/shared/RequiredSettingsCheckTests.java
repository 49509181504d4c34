package org.winformusic.events.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.winformusic.events.EventsApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredSettingsCheckTests {

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

	private static void start(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(EventsApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		application.addListeners(new RequiredSettingsCheck());
		application.run().close();
	}

}
