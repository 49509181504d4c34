package org.winformusic.events.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.winformusic.events.admin.StaffApiTokens;
import org.winformusic.events.admin.StaffDirectory;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.shared.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a staff user creates them for scripts that download the export.
 * The token is 256 random bits, shown once; only its SHA-256 is stored. A token acts with
 * its own role, never higher than its owner's current one, and stops working when it is
 * revoked, when it expires, or when its owner is disabled. Creating and revoking one is
 * audited, naming the owner; an ADMIN's new one-time password for the owner, or disabling
 * them, revokes all of them ({@link StaffApiTokens}).
 */
@Service
class ApiTokens implements StaffApiTokens {

	static final String CREATED = "API_TOKEN_CREATED";

	static final String REVOKED = "API_TOKEN_REVOKED";

	/** Makes a leaked token easy to recognise (and to find with secret scanners). */
	static final String PREFIX = "winev_";

	static final int MAX_NAME_LENGTH = 80;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final StaffDirectory staff;

	private final ApplicationEventPublisher audit;

	ApiTokens(JdbcClient jdbc, Clock clock, StaffDirectory staff, ApplicationEventPublisher audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.staff = staff;
		this.audit = audit;
	}

	/** The staff user behind a login, if the account exists. */
	Optional<Owner> owner(String email) {
		return this.staff.byEmail(email)
			.map((account) -> new Owner(account.id(), account.email(), account.role(), account.enabled()));
	}

	/**
	 * Creates a token for {@code owner}.
	 * @param expiresOn the last day (UTC) the token works, or null for no expiry
	 * @return the token, to show once
	 */
	@Transactional
	String create(Owner owner, String name, StaffRole role, LocalDate expiresOn) {
		if (!owner.role().allows(role)) {
			throw new IllegalArgumentException("A token's role cannot be higher than its owner's");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = (expiresOn != null) ? expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : null;
		this.jdbc
			.sql("insert into api_token (name, token_hash, owner_user_id, role, created_at, expires_at)"
					+ " values (?, ?, ?, ?, ?, ?)")
			.params(name, hash(token), owner.id(), role.name(), Timestamp.from(this.clock.instant()),
					(expiresAt != null) ? Timestamp.from(expiresAt) : null)
			.update();
		audit(CREATED, owner.id(), owner.email(), name);
		return token;
	}

	/** The owner's tokens, newest first, without their secrets. */
	@Transactional(readOnly = true)
	List<TokenInfo> list(Owner owner) {
		return this.jdbc.sql("select * from api_token where owner_user_id = ? order by created_at desc, id desc")
			.param(owner.id())
			.query(this::info)
			.list();
	}

	/** Revokes one of the owner's own tokens; false when it is not theirs. */
	@Transactional
	boolean revoke(Owner owner, long tokenId) {
		Optional<String> revoked = this.jdbc
			.sql("update api_token set revoked_at = ? where id = ? and owner_user_id = ? and revoked_at is null"
					+ " returning name")
			.params(Timestamp.from(this.clock.instant()), tokenId, owner.id())
			.query(String.class)
			.optional();
		revoked.ifPresent((name) -> audit(REVOKED, owner.id(), owner.email(), name));
		return revoked.isPresent() || this.jdbc.sql("select count(*) from api_token where id = ? and owner_user_id = ?")
			.params(tokenId, owner.id())
			.query(Long.class)
			.single() > 0;
	}

	@Override
	@Transactional
	public int revokeAll(long staffUserId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<String> names = this.jdbc.sql("""
				update api_token set revoked_at = ?
				 where owner_user_id = ? and revoked_at is null and (expires_at is null or expires_at > ?)
				returning name
				""").params(now, staffUserId, now).query(String.class).list();
		String email = names.isEmpty() ? null
				: this.staff.byId(staffUserId).map(StaffDirectory.StaffAccount::email).orElse(null);
		names.forEach((name) -> audit(REVOKED, staffUserId, email, name));
		return names.size();
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> activeNames(long staffUserId) {
		return this.jdbc.sql("""
				select name from api_token
				 where owner_user_id = ? and revoked_at is null and (expires_at is null or expires_at > ?)
				 order by created_at, id
				""").params(staffUserId, Timestamp.from(this.clock.instant())).query(String.class).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Integer> activeCounts() {
		return this.jdbc.sql("""
				select owner_user_id, count(*) as tokens from api_token
				 where revoked_at is null and (expires_at is null or expires_at > ?)
				 group by owner_user_id
				""")
			.param(Timestamp.from(this.clock.instant()))
			.query((rs, n) -> Map.entry(rs.getLong("owner_user_id"), rs.getInt("tokens")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * An audit entry by whoever is signed in, naming the token's owner (staff read "Staff
	 * account #7 (ana@…)") and, on a line of its own, the token.
	 */
	private void audit(String action, long ownerId, String ownerEmail, String tokenName) {
		String owner = "user=" + ownerId + ((ownerEmail != null) ? " email=" + ownerEmail : "");
		this.audit.publishEvent(Audited.byCurrentUser(action, null, null, owner + "\n" + ExportAudit.token(tokenName)));
	}

	/**
	 * The identity a presented token acts as, when the token exists, is neither revoked
	 * nor expired and its owner is enabled. Records when it was last used.
	 */
	@Transactional
	Optional<TokenUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		// The owner comes from the admin module, which owns staff accounts: a disabled
		// owner's tokens stop working; a token never acts above the owner's current role.
		Optional<TokenUser> user = this.jdbc.sql("""
				select id, name, role, owner_user_id from api_token
				where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)
				""")
			.params(hash(token), now)
			.query((rs, n) -> new StoredToken(rs.getLong("id"), rs.getString("name"),
					StaffRole.valueOf(rs.getString("role")), rs.getLong("owner_user_id")))
			.optional()
			.flatMap((stored) -> this.staff.byId(stored.ownerId())
				.filter(StaffDirectory.StaffAccount::enabled)
				.map((owner) -> new TokenUser(stored.id(), stored.name(), owner.email(),
						StaffRole.lower(stored.role(), owner.role()))));
		user.ifPresent((u) -> this.jdbc.sql("update api_token set last_used_at = ? where id = ?")
			.params(now, u.tokenId())
			.update());
		return user;
	}

	private TokenInfo info(ResultSet rs, int row) throws SQLException {
		Instant expiresAt = instant(rs, "expires_at");
		Instant revokedAt = instant(rs, "revoked_at");
		TokenState state = (revokedAt != null) ? TokenState.REVOKED
				: (expiresAt != null && !this.clock.instant().isBefore(expiresAt)) ? TokenState.EXPIRED
						: TokenState.ACTIVE;
		return new TokenInfo(rs.getLong("id"), rs.getString("name"), StaffRole.valueOf(rs.getString("role")),
				instant(rs, "created_at"),
				(expiresAt != null) ? expiresAt.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1) : null,
				instant(rs, "last_used_at"), state);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** A staff account as the token pages need it. */
	record Owner(long id, String email, StaffRole role, boolean enabled) {
	}

	/** A token as its owner sees it in the list. */
	record TokenInfo(long id, String name, StaffRole role, Instant createdAt, LocalDate expiresOn, Instant lastUsedAt,
			TokenState state) {
	}

	private record StoredToken(long id, String name, StaffRole role, long ownerId) {
	}

	/**
	 * Who a valid token acts as: its owner ({@code ownerEmail}, the actor of what it
	 * does) with the token's role.
	 */
	record TokenUser(long tokenId, String name, String ownerEmail, StaffRole role) {
	}

	enum TokenState {

		ACTIVE, EXPIRED, REVOKED

	}

}
