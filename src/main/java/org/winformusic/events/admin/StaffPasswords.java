package org.winformusic.events.admin;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.winformusic.events.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff passwords: one-time passwords, a staff member changing their own, and an ADMIN
 * setting a new one-time password for someone who lost theirs. A one-time password is
 * returned to be shown once and is never stored in clear, logged or audited.
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

	private final StaffSessions sessions;

	private final StaffApiTokens tokens;

	private final AuditLog audit;

	private final Clock clock;

	StaffPasswords(JdbcClient jdbc, PasswordEncoder passwordEncoder, StaffSessions sessions, StaffApiTokens tokens,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Replaces another staff member's password with a new one-time password, ends their
	 * sessions and revokes their API tokens, so whoever holds the old password, a session
	 * or a token made with either is out. The account must then choose its own password
	 * before anything else ({@link OwnPasswordFirst}); ending the sessions also ends any
	 * granted before the flag was set. An admin changes their own password on their
	 * profile, with the current one, instead.
	 * @return the account's email, its new one-time password, to be shown once, and how
	 * many API tokens were revoked
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public OneTimePassword reset(long id, String currentEmail) {
		String email = emailOf(id);
		if (email.equalsIgnoreCase(currentEmail)) {
			throw new StaffUsers.RefusedChange("admin.users.notYourOwnPassword");
		}
		String password = oneTimePassword();
		setPassword(email, password, true);
		this.sessions.endAll(email);
		this.audit.recordForCurrentUser("STAFF_USER_PASSWORD_RESET", null, null, "user=" + id + " email=" + email);
		int revokedTokens = this.tokens.revokeAll(id);
		return new OneTimePassword(email, password, revokedTokens);
	}

	/** The login name of another account, for the confirmation page of a reset. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public String emailOf(long id) {
		return this.jdbc.sql("select email from staff_user where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * Changes one's own password: one the owner chose, so no longer one an admin has
	 * seen, and the must-change flag goes. Every other session of the owner ends (a
	 * browser signed in with the old password, perhaps by whoever learnt it); the one
	 * they changed it in stays.
	 * @param currentSessionId the session the change was made in, kept
	 * @return false when the current password is wrong
	 */
	@Transactional
	public boolean changeOwn(String email, String currentPassword, String newPassword, String currentSessionId) {
		String hash = passwordHash(email).orElse(null);
		if (hash == null || !this.passwordEncoder.matches(currentPassword, hash)) {
			return false;
		}
		setPassword(email, newPassword, false);
		this.sessions.endAllBut(email, currentSessionId);
		this.audit.recordForCurrentUser("PASSWORD_CHANGED", null, null, null);
		return true;
	}

	/**
	 * Locked until the change commits: a reset at the same moment then comes after it and
	 * wins, flag and all, instead of being overwritten by the owner's change.
	 */
	private Optional<String> passwordHash(String email) {
		return this.jdbc.sql("select password_hash from staff_user where lower(email) = lower(?) for update")
			.param(email)
			.query(String.class)
			.optional();
	}

	private void setPassword(String email, String password, boolean mustChange) {
		this.jdbc.sql("""
				update staff_user set password_hash = ?, password_changed_at = ?, must_change_password = ?
				 where lower(email) = lower(?)
				""")
			.params(this.passwordEncoder.encode(password), Timestamp.from(this.clock.instant()), mustChange, email)
			.update();
	}

	static String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	/**
	 * A new one-time password for the account {@code email}, kept out of toString, and
	 * how many of its API tokens were revoked with the old one.
	 */
	record OneTimePassword(String email, String password, int revokedTokens) {

		@Override
		public String toString() {
			return "OneTimePassword[email=" + this.email + "]";
		}

	}

}
