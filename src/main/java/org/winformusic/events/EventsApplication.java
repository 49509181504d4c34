package org.winformusic.events;

import org.winformusic.events.shared.RequiredSettingsCheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EventsApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(EventsApplication.class);
		application.addListeners(new RequiredSettingsCheck());
		application.run(args);
	}

}
