package org.winformusic.events.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.winformusic.events.shared.Audited;
import org.winformusic.events.shared.RequiredSettingsCheck;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Staff accounts: the first ADMIN from the environment, creation with a one-time
 * password, role changes and disabling. Passwords are {@link StaffPasswords}' concern.
 */
@Service
class StaffUsers {

	private static final Log logger = LogFactory.getLog(StaffUsers.class);

	/**
	 * The advisory lock that serializes changes to who is an enabled ADMIN: the first
	 * admin's creation, and role changes and disabling, so two admins demoting each other
	 * at once cannot both succeed.
	 */
	private static final long ADMINS_LOCK = 5005;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AdminProperties properties;

	private final AuditLog audit;

	private final StaffSessions sessions;

	private final StaffApiTokens tokens;

	private final Clock clock;

	StaffUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder, AdminProperties properties, AuditLog audit,
			StaffSessions sessions, StaffApiTokens tokens, Clock clock) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		this.audit = audit;
		this.sessions = sessions;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Creates the first ADMIN from {@code app.admin-email} / {@code app.admin-password}
	 * when no staff user exists. Safe when several instances start at once: the insert is
	 * conditional and a concurrent duplicate is ignored by the unique index. Not flagged
	 * to change its password: the operator chose it, no admin was shown it. Without them
	 * and without any staff user, a production start ({@code app.first-admin-required},
	 * set by {@code main}) stops naming the setting: nobody could log in. Once an admin
	 * exists, both may be left out.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void createFirstAdmin() {
		String email = this.properties.adminEmail();
		String password = this.properties.adminPassword();
		if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
			if (count() == 0 && this.properties.firstAdminRequired()) {
				throw RequiredSettingsCheck.firstAdminMissing(!StringUtils.hasText(email));
			}
			if (count() == 0) {
				logger
					.warn("No staff user exists: set APP_ADMIN_EMAIL and APP_ADMIN_PASSWORD to create the first admin");
			}
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		// Instances starting at once queue here, so only the first one creates the admin.
		lockAdmins();
		int created = this.jdbc
			.sql("""
					insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at)
					select ?, ?, ?, 'ADMIN', true, ?, ?
					 where not exists (select 1 from staff_user)
					on conflict do nothing
					""")
			.params(email.strip(), "Admin", this.passwordEncoder.encode(password), now, now)
			.update();
		if (created > 0) {
			this.audit.record(Audited.SYSTEM, "STAFF_USER_BOOTSTRAPPED", null, null, null, null);
			logger.info("Created the first admin user from APP_ADMIN_EMAIL");
		}
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.sql("select count(*) from staff_user").query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public Optional<StaffUser> findByEmail(String email) {
		return this.jdbc.sql("select * from staff_user where lower(email) = lower(?)")
			.param(email)
			.query(StaffUsers::staffUser)
			.optional();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<StaffUser> list() {
		return this.jdbc.sql("select * from staff_user order by lower(email)").query(StaffUsers::staffUser).list();
	}

	/**
	 * The names of an account's API tokens that still work, oldest first (none for an
	 * unknown account).
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public List<String> activeTokenNames(long id) {
		return this.tokens.activeNames(id);
	}

	/** How many API tokens that still work each account has; none are absent. */
	@PreAuthorize("hasRole('ADMIN')")
	public Map<Long, Integer> activeTokens() {
		return this.tokens.activeCounts();
	}

	/**
	 * Creates a staff user and returns the one-time password to hand over (shown once,
	 * never stored in clear). The admin has seen it, so the account must choose its own
	 * before anything else (see {@link OwnPasswordFirst}).
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public String create(String email, String displayName, StaffRole role) {
		String password = StaffPasswords.oneTimePassword();
		Instant now = this.clock.instant();
		Long id = this.jdbc
			.sql("""
					insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at,
					                        must_change_password)
					values (?, ?, ?, ?, true, ?, ?, true)
					on conflict do nothing
					returning id
					""")
			.params(email.strip(), displayName.strip(), this.passwordEncoder.encode(password), role.name(),
					Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RefusedChange("admin.users.duplicate"));
		this.audit.recordForCurrentUser("STAFF_USER_CREATED", null, null, "user=" + id + " role=" + role);
		return password;
	}

	/**
	 * Changes another account's role. Nobody changes their own (an admin could lock
	 * themselves out), and no change may leave no enabled ADMIN.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void changeRole(long id, StaffRole role, String currentEmail) {
		lockAdmins();
		StaffUser user = find(id);
		if (user.email().equalsIgnoreCase(currentEmail)) {
			throw new RefusedChange("admin.users.notYourOwnRole");
		}
		if (role != StaffRole.ADMIN) {
			requireAnotherEnabledAdmin(user);
		}
		this.jdbc.sql("update staff_user set role = ? where id = ?").params(role.name(), id).update();
		this.sessions.endAll(user.email());
		this.audit.recordForCurrentUser("STAFF_USER_ROLE_CHANGED", null, null,
				"user=" + id + " role: " + user.role() + " -> " + role);
	}

	/**
	 * Disables or re-enables an account; nobody can disable their own, and the last
	 * enabled ADMIN cannot be disabled. Disabling ends the account's sessions and revokes
	 * its API tokens, so re-enabling it later brings back neither.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void setEnabled(long id, boolean enabled, String currentEmail) {
		lockAdmins();
		StaffUser user = find(id);
		if (!enabled && user.email().equalsIgnoreCase(currentEmail)) {
			throw new RefusedChange("admin.users.notYourself");
		}
		if (!enabled) {
			requireAnotherEnabledAdmin(user);
		}
		this.jdbc.sql("update staff_user set enabled = ? where id = ?").params(enabled, id).update();
		this.audit.recordForCurrentUser(enabled ? "STAFF_USER_ENABLED" : "STAFF_USER_DISABLED", null, null,
				"user=" + id);
		if (!enabled) {
			this.sessions.endAll(user.email());
			this.tokens.revokeAll(id);
		}
	}

	/**
	 * Revokes every API token of an account that still works, nothing else: for a token
	 * that may have leaked, without locking the person out. Each is audited.
	 * @return how many were revoked
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public int revokeTokens(long id) {
		return this.tokens.revokeAll(find(id).id());
	}

	private void lockAdmins() {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(ADMINS_LOCK).query((rs) -> {
		});
	}

	/**
	 * Refuses to take {@code user} out of the enabled ADMINs when nobody else is one:
	 * nobody could manage staff any more. Called under {@link #lockAdmins()}.
	 */
	private void requireAnotherEnabledAdmin(StaffUser user) {
		if (user.role() != StaffRole.ADMIN || !user.enabled()) {
			return;
		}
		long others = this.jdbc.sql("select count(*) from staff_user where role = 'ADMIN' and enabled and id <> ?")
			.param(user.id())
			.query(Long.class)
			.single();
		if (others == 0) {
			throw new RefusedChange("admin.users.lastAdmin");
		}
	}

	private StaffUser find(long id) {
		return this.jdbc.sql("select * from staff_user where id = ?")
			.param(id)
			.query(StaffUsers::staffUser)
			.optional()
			.orElseThrow(org.winformusic.events.shared.NotFoundException::new);
	}

	private static StaffUser staffUser(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new StaffUser(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				StaffRole.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("password_changed_at").toInstant(),
				rs.getString("password_hash"), rs.getBoolean("must_change_password"));
	}

	/**
	 * A staff account. The hash never leaves this package. {@code mustChangePassword}:
	 * its password is one an admin has seen (see {@link OwnPasswordFirst}).
	 */
	public record StaffUser(long id, String email, String displayName, StaffRole role, boolean enabled,
			Instant createdAt, Instant passwordChangedAt, String passwordHash, boolean mustChangePassword) {

		@Override
		public String toString() {
			return "StaffUser[id=" + this.id + ", role=" + this.role + "]";
		}

	}

	/**
	 * A change to the staff accounts that is refused: the email is taken, an admin's own
	 * role, account or password (a reset), the last enabled ADMIN. {@code messageKey}
	 * tells the admin why.
	 */
	static class RefusedChange extends RuntimeException {

		private final String messageKey;

		RefusedChange(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

}
