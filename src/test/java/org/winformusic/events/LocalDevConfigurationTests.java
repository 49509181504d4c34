package org.winformusic.events;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local mode ({@code ./mvnw spring-boot:test-run}) as README "Run it locally"
 * promises it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalDevConfigurationTests {

	@Test
	void localModeShowsTheAddressAndTheAdminLoginOnTheConsole(CapturedOutput output) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("local", Map.of("local.server.port", "18093", "app.admin-email",
					"admin@win.local", "app.admin-password", "local-admin-password")));

		new LocalDevConfiguration()
			.printWhereToGo(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));

		assertThat(output.getOut()).contains("WIN Events is running: http://localhost:18093/")
			.contains("http://localhost:18093/admin/login  as admin@win.local / local-admin-password");
	}

	@Test
	void localModeOnAnotherPortLinksEmailsToThatPort() throws IOException {
		StandardEnvironment environment = localMode(Map.of("server.port", "18093"));

		assertThat(environment.getProperty("app.base-url")).isEqualTo("http://localhost:18093");
	}

	@Test
	void localModeWithItsWellKnownAdminPasswordAnswersThisComputerOnly() throws IOException {
		assertThat(localMode(Map.of()).getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(localMode(Map.of("server.address", "0.0.0.0")).getProperty("server.address")).isEqualTo("0.0.0.0");
	}

	/** The local profile's settings under what the environment sets. */
	private static StandardEnvironment localMode(Map<String, Object> environmentVariables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new ResourcePropertySource("classpath:application-local.properties"));
		environment.getPropertySources().addFirst(new MapPropertySource("env", environmentVariables));
		return environment;
	}

}
