package org.winformusic.events.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winformusic.events.EventsApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away and comes back while the application runs: a PostgreSQL server
 * of this test's own (same data directory and port across the restart), and the
 * application configured as in production (the pool settings of application.properties).
 */
class DatabaseOutageTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dataDirectory;

	@Test
	void withoutTheDatabaseVisitorsGetA503WithRetryAfterReadinessGoesDownAndEverythingRecovers() throws Exception {
		int pgPort = freePort();
		EmbeddedPostgres postgres = start(pgPort);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database outage");
		}
		String url = postgres.getJdbcUrl("postgres", "outage");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EventsApplication.class).profiles("test")
			.properties("spring.datasource.url=" + url, "spring.datasource.username=postgres", "server.port=0",
					"server.address=127.0.0.1")
			.run()) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long events = jdbc.sql("select count(*) from event").query(Long.class).single();
			HttpResponse<String> ready = get(base + "/actuator/health/readiness");
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
			assertThat(get(base + "/events/mexico-workshop/register").statusCode()).isEqualTo(200);

			postgres.close();
			long stopped = System.nanoTime();
			long down = waitFor(base + "/actuator/health/readiness", 503);
			System.out.printf("database-outage: readiness DOWN %d ms after the database stopped%n",
					(down - stopped) / 1_000_000);
			assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
			HttpResponse<String> page = get(base + "/events/mexico-workshop/register");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).contains("30");
			assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
			assertThat(page.body()).contains("El sitio está ocupado por un momento").doesNotContain("Exception");
			// The overall health answers too (DOWN), bounded by the pool's timeout.
			assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(503);

			postgres = start(pgPort);
			long restarted = System.nanoTime();
			long up = waitFor(base + "/actuator/health/readiness", 200);
			System.out.printf("database-outage: readiness UP %d ms after the database was back%n",
					(up - restarted) / 1_000_000);
			assertThat(get(base + "/events/mexico-workshop/register").statusCode()).isEqualTo(200);
			assertThat(jdbc.sql("select count(*) from event").query(Long.class).single()).isEqualTo(events);
		}
		finally {
			postgres.close();
		}
	}

	private EmbeddedPostgres start(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory.resolve("pgdata"))
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	/**
	 * Polls (every 100 ms, at most 60 s) until the URL answers the status; returns when.
	 */
	private long waitFor(String url, int status) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (get(url).statusCode() == status) {
				return System.nanoTime();
			}
			Thread.sleep(100);
		}
		throw new AssertionError(url + " did not answer " + status + " within 60 s");
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		// A request that hangs (the 30 s of the default pool) fails the test.
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "text/html,*/*;q=0.8")
			.header("Accept-Language", "es-MX")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
