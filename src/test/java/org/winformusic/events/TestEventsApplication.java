package org.winformusic.events;

import org.springframework.boot.SpringApplication;

/**
 * The local mode: {@code ./mvnw spring-boot:test-run} starts the application with an
 * embedded PostgreSQL whose data stays in {@code .local-data/} and an in-process SMTP
 * server. Lives in the test sources so none of it reaches the production jar.
 */
public class TestEventsApplication {

	public static void main(String[] args) {
		SpringApplication.from(EventsApplication::main)
			.with(LocalDevConfiguration.class)
			.withAdditionalProfiles("local")
			.run(args);
	}

}
