package org.winformusic.events.shared;

import java.sql.SQLException;

import org.flywaydb.core.internal.exception.sqlExceptions.FlywaySqlUnableToConnectToDbException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start-up that gave up waiting for PostgreSQL (Flyway's first connection, retried for
 * about 45 s: {@code spring.flyway.connect-retries} and {@code -interval} in
 * {@code application.properties}) ends with Boot's short report naming the driver's
 * reason and the settings to check, not a stack trace. The URL is not repeated: it may
 * hold a password.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<FlywaySqlUnableToConnectToDbException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FlywaySqlUnableToConnectToDbException cause) {
		// The driver's own words (PSQLException: host, port and what to check), not the
		// socket's bare "Connection refused" below it.
		Throwable reason = cause;
		for (Throwable next = cause.getCause(); next != null; next = next.getCause()) {
			if (next instanceof SQLException) {
				reason = next;
			}
		}
		// 28P01, 28000: PostgreSQL answered, and refused the login.
		String state = (reason instanceof SQLException sql) ? sql.getSQLState() : null;
		String what = (state != null && state.startsWith("28"))
				? "Start-up stopped: the database refused the login (SPRING_DATASOURCE_USERNAME and _PASSWORD): "
				: "Start-up gave up waiting for the database (SPRING_DATASOURCE_URL): ";
		return new FailureAnalysis(what + reason.getMessage(),
				"Check that PostgreSQL runs and that this machine reaches it, and SPRING_DATASOURCE_URL, "
						+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (see README.md, "
						+ "When the database goes away); then start the application again.",
				cause);
	}

}
