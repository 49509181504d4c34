package org.winformusic.events.e2e;

import org.winformusic.events.admin.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Staff users for browser tests, stored as the admin feature stores them (a
 * {@code {bcrypt}} hash in staff_user), all with the same password.
 */
final class TestStaff {

	static final String PASSWORD = "browser-test-password";

	private static final String HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);

	private TestStaff() {
	}

	/** Creates the account unless it exists; returns its email. */
	static String create(JdbcClient jdbc, String email, String displayName, StaffRole role) {
		jdbc.sql(
				"""
						insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at)
						values (?, ?, ?, ?, true, now(), now())
						on conflict do nothing
						""")
			.params(email, displayName, HASH, role.name())
			.update();
		return email;
	}

}
