package org.winformusic.events.admin;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff passwords: one-time passwords and a staff member changing their own. A one-time
 * password is returned to be shown once and is never stored in clear, logged or audited.
 */
@Service
class StaffPasswords {

	static final int MIN_PASSWORD_LENGTH = 12;

	/** The most a password may have, in characters (bcrypt sees a pre-hash of it). */
	static final int MAX_PASSWORD_LENGTH = 200;

	private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock;

	StaffPasswords(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Changes one's own password.
	 * @return false when the current password is wrong
	 */
	@Transactional
	public boolean changeOwn(String email, String currentPassword, String newPassword) {
		String hash = passwordHash(email).orElse(null);
		if (hash == null || !this.passwordEncoder.matches(currentPassword, hash)) {
			return false;
		}
		setPassword(email, newPassword);
		this.audit.recordForCurrentUser("PASSWORD_CHANGED", null, null, null);
		return true;
	}

	private Optional<String> passwordHash(String email) {
		return this.jdbc.sql("select password_hash from staff_user where lower(email) = lower(?)")
			.param(email)
			.query(String.class)
			.optional();
	}

	private void setPassword(String email, String password) {
		this.jdbc.sql("update staff_user set password_hash = ?, password_changed_at = ? where lower(email) = lower(?)")
			.params(this.passwordEncoder.encode(password), Timestamp.from(this.clock.instant()), email)
			.update();
	}

	static String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

}
