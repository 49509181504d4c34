package org.winformusic.events.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a staff member's sessions everywhere. A session keeps the roles it was granted at
 * login, so a disabled or demoted account must not keep one; nor may an account whose
 * password an admin has just replaced, nor, when its owner changes the password, a
 * browser signed in with the old one. Sessions live in PostgreSQL, so this reaches every
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

	/**
	 * Ends every session of {@code email} but {@code keptSessionId} (the one the owner is
	 * using; every one when null).
	 * @return how many ended
	 */
	int endAllBut(String email, String keptSessionId) {
		if (keptSessionId == null) {
			return this.jdbc.sql("delete from spring_session where lower(principal_name) = lower(?)")
				.param(email)
				.update();
		}
		return this.jdbc.sql("delete from spring_session where lower(principal_name) = lower(?) and session_id <> ?")
			.params(email, keptSessionId)
			.update();
	}

}
