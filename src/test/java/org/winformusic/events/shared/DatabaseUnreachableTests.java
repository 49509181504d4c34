package org.winformusic.events.shared;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which database failures a visitor is answered with the "busy for a moment" 503 page:
 * the database out of reach or going away, however the failure was wrapped; not a
 * statement the database refused for its content.
 */
class DatabaseUnreachableTests {

	@Test
	void aDatabaseShuttingDownIsUnreachableNotAnError() {
		// PostgreSQL ends the connections of a stopping server with 57P01: a connection
		// validated an instant before gets it on its next statement (seen in CI as a
		// 500).
		for (String state : new String[] { "57P01", "57P02", "57P03", "08006", "08003" }) {
			assertThat(RequestGuard.databaseUnreachable(
					new DataAccessResourceFailureException("wrapped", new SQLException("gone", state))))
				.as(state)
				.isTrue();
		}
	}

	@Test
	void aStatementTheDatabaseRefusedIsNoOutage() {
		for (String state : new String[] { "23505", "42P01", "57014", "40001" }) {
			assertThat(RequestGuard.databaseUnreachable(new SQLException("refused", state))).as(state).isFalse();
		}
		assertThat(RequestGuard.databaseUnreachable(new IllegalStateException("no SQL"))).isFalse();
	}

}
