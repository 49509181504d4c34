package org.winformusic.events.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.flywaydb.core.internal.exception.sqlExceptions.FlywaySqlUnableToConnectToDbException;
import org.flywaydb.core.internal.strategy.BackoffStrategy;
import org.junit.jupiter.api.Test;
import org.winformusic.events.EventsApplication;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A production start whose database refuses connections gives up within a bounded time
 * and says why in one report: while Flyway waits for its first connection the process
 * cannot act on SIGTERM, so the wait must not run for minutes.
 */
class StartWithoutDatabaseTests {

	@Test
	void theConfiguredRetriesWaitForADatabaseStartingAlongsideButGiveUpWithinAMinute() throws IOException {
		Properties settings = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		int retries = Integer.parseInt(settings.getProperty("spring.flyway.connect-retries"));
		Duration longest = DurationStyle.detectAndParse(settings.getProperty("spring.flyway.connect-retries-interval"));
		// Flyway's own schedule between attempts (JdbcUtils.openConnection): 1 s,
		// doubling,
		// at most the interval.
		BackoffStrategy backoff = new BackoffStrategy(1, 2, (int) longest.toSeconds());
		int waited = 0;
		for (int i = 0; i < retries; i++) {
			waited += backoff.next();
		}
		assertThat(waited).as("seconds spent waiting for the database before start-up stops").isBetween(30, 50);
	}

	@Test
	void aDatabaseThatRefusesConnectionsStopsStartUpWithOneReportNamingTheSettings() throws IOException {
		int refused = freePort();
		long started = System.nanoTime();
		Throwable failure = catchThrowable(() -> EventsApplication.application()
			.run("--spring.profiles.active=test",
					"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + refused + "/winevents?password=s3cret",
					"--spring.datasource.username=winevents", "--server.port=0", "--server.address=127.0.0.1",
					// The schedule above, shortened: two attempts one second apart.
					"--spring.flyway.connect-retries=1", "--spring.flyway.connect-retries-interval=1s")
			.close());
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(failure).isNotNull();
		// It gives up instead of waiting on (the production schedule's length is checked
		// above; this bound only leaves room for a start-up on a loaded machine).
		assertThat(took).isLessThan(Duration.ofSeconds(90));
		FailureAnalysis report = new DatabaseUnreachableFailureAnalyzer().analyze(failure);
		assertThat(report).isNotNull();
		assertThat(report.getDescription())
			.startsWith("Start-up gave up waiting for the database (SPRING_DATASOURCE_URL): Connection to 127.0.0.1:"
					+ refused + " refused")
			.doesNotContain("s3cret");
		assertThat(report.getAction()).contains("SPRING_DATASOURCE_URL")
			.contains("SPRING_DATASOURCE_PASSWORD")
			.contains("When the database goes away");
	}

	@Test
	void aLoginTheDatabaseRefusedIsToldAsSuchNotAsAnUnreachableDatabase() {
		SQLException refused = new SQLException("FATAL: password authentication failed for user \"winevents\"",
				"28P01");
		FailureAnalysis report = new DatabaseUnreachableFailureAnalyzer()
			.analyze(new FlywaySqlUnableToConnectToDbException(refused, null));
		assertThat(report.getDescription()).startsWith(
				"Start-up stopped: the database refused the login (SPRING_DATASOURCE_USERNAME and _PASSWORD): FATAL: "
						+ "password authentication failed");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
