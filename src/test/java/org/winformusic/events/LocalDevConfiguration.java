package org.winformusic.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The local mode's database and mail server. PostgreSQL keeps its data in
 * {@code ./.local-data/postgres} (delete the folder to start afresh); GreenMail accepts
 * every message on 127.0.0.1:3025 and the admin outbox page shows them.
 */
@TestConfiguration(proxyBeanMethods = false)
class LocalDevConfiguration {

	static final Path DATA_DIRECTORY = Path.of(".local-data", "postgres");

	@Bean(destroyMethod = "close")
	EmbeddedPostgres localPostgres() {
		try {
			Files.createDirectories(DATA_DIRECTORY);
			return EmbeddedPostgres.builder().setDataDirectory(DATA_DIRECTORY).setCleanDataDirectory(false).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the local PostgreSQL in " + DATA_DIRECTORY, ex);
		}
	}

	/**
	 * The pool with the settings production has ({@code spring.datasource.hikari.*} of
	 * {@code application.properties}), so the local mode behaves as the README says when
	 * the database goes away.
	 */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres localPostgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(localPostgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		return dataSource;
	}

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail localSmtpServer(@Value("${spring.mail.port}") int port) {
		return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/**
	 * Tells the person at the console where to go. Written to the console itself, not
	 * logged: the test sources' {@code logback-test.xml}, which this mode shares, shows
	 * only warnings on the console and sends INFO to {@code target/test-logs/}.
	 */
	@EventListener
	void printWhereToGo(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port", "8080");
		System.out.printf(
				"%n%n  WIN Events is running: http://localhost:%s/%n"
						+ "  Admin login:  http://localhost:%s/admin/login  as %s / %s%n"
						+ "  Mail: every message is caught by the local SMTP server; see /admin/outbox.%n"
						+ "  Data: %s (delete it to start afresh)%n%n",
				port, port, environment.getProperty("app.admin-email"), environment.getProperty("app.admin-password"),
				DATA_DIRECTORY.toAbsolutePath());
		System.out.flush();
	}

}
