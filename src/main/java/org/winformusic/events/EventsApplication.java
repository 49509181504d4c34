package org.winformusic.events;

import java.util.Map;

import org.winformusic.events.shared.RequiredSettingsCheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EventsApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application as production starts it: start-up stops on a missing or unusable
	 * setting ({@link RequiredSettingsCheck}), and on a first start that could not create
	 * the first admin ({@code app.first-admin-required}). Tests start without both.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(EventsApplication.class);
		application.addListeners(new RequiredSettingsCheck());
		application.setDefaultProperties(Map.of("app.first-admin-required", "true"));
		return application;
	}

}
