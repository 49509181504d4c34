package org.winformusic.events.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a staff member's sessions everywhere. A session keeps the roles it was granted at
 * login, so a disabled or demoted account must not keep one; nor may an account whose
 * password an admin has just replaced. Sessions live in PostgreSQL, so this reaches every
 * instance. Runs in the caller's transaction.
 */
@Component
class StaffSessions {

	private final JdbcClient jdbc;

	StaffSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void endAll(String email) {
		this.jdbc.sql("delete from spring_session where lower(principal_name) = lower(?)").param(email).update();
	}

}
