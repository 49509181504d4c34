package org.winformusic.events.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.winformusic.events.registration.AppSecrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing, across every instance (the attempts live in PostgreSQL): after
 * {@code app.login-max-failures} failures for one account or one address within
 * {@code app.login-window}, attempts are refused until a cooldown has passed since the
 * last failure. The cooldown doubles with each further failure, capped, and refused
 * attempts do not count, so nobody can keep an account locked for ever. An attempt keeps
 * neither the name typed (often a password in the wrong field) nor the address: only
 * their HMAC-SHA256 under a key of {@link AppSecrets}, all the counting needs.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final AdminProperties properties;

	private final Clock clock;

	private final AppSecrets secrets;

	/** The {@link AppSecrets} key of the attempts' account and address keys. */
	static final String KEY_NAME = "login-attempt";

	LoginThrottle(JdbcClient jdbc, AdminProperties properties, Clock clock, AppSecrets secrets) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.secrets = secrets;
	}

	/** Whether an attempt for this account or from this address must be refused now. */
	@Transactional(readOnly = true)
	boolean refuses(String username, String ip) {
		Instant now = this.clock.instant();
		Timestamp since = Timestamp.from(now.minus(this.properties.loginWindow()));
		Failures byAccount = this.jdbc.sql("""
				select count(*) as failures, max(at) as last from login_attempt
				 where account_key = :account and not success and at > :since
				   and at > coalesce((select max(at) from login_attempt
				                       where account_key = :account and success), '-infinity')
				""")
			.param("account", accountKey(username))
			.param("since", since)
			.query(LoginThrottle::failures)
			.single();
		Failures byAddress = this.jdbc
			.sql("select count(*) as failures, max(at) as last from login_attempt"
					+ " where address_key = :address and not success and at > :since")
			.param("address", addressKey(ip))
			.param("since", since)
			.query(LoginThrottle::failures)
			.single();
		return blocked(byAccount, now) || blocked(byAddress, now);
	}

	@Transactional
	void record(String username, String ip, boolean success) {
		this.jdbc.sql("insert into login_attempt (at, account_key, address_key, success) values (?, ?, ?, ?)")
			.params(Timestamp.from(this.clock.instant()), accountKey(username), addressKey(ip), success)
			.update();
	}

	/** The name typed, as the key it is counted under: capitals aside. */
	private byte[] accountKey(String username) {
		return this.secrets.mac(KEY_NAME, "account:" + username.toLowerCase(Locale.ROOT));
	}

	private byte[] addressKey(String ip) {
		return this.secrets.mac(KEY_NAME, "address:" + ip);
	}

	/**
	 * Old attempts matter to nobody: after a day the attempts go, and so does the address
	 * of the audit log's sign-in entries (who and when stay).
	 */
	@Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
	@Transactional
	public void forgetOldAttempts() {
		Timestamp dayAgo = Timestamp.from(this.clock.instant().minus(Duration.ofDays(1)));
		this.jdbc.sql("delete from login_attempt where at < ?").param(dayAgo).update();
		this.jdbc.sql("""
				update audit_log set ip = null
				 where at < ? and ip is not null and action in ('LOGIN', 'LOGIN_FAILED', 'LOGIN_THROTTLED')
				""").param(dayAgo).update();
	}

	private boolean blocked(Failures failures, Instant now) {
		int max = this.properties.loginMaxFailures();
		if (failures.count() < max) {
			return false;
		}
		int extra = (int) Math.min(failures.count() - max, 10);
		Duration cooldown = this.properties.loginCooldown().multipliedBy(1L << extra);
		if (cooldown.compareTo(this.properties.loginMaxCooldown()) > 0) {
			cooldown = this.properties.loginMaxCooldown();
		}
		return now.isBefore(failures.last().plus(cooldown));
	}

	private static Failures failures(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp last = rs.getTimestamp("last");
		return new Failures(rs.getLong("failures"), (last != null) ? last.toInstant() : null);
	}

	private record Failures(long count, Instant last) {

	}

}
