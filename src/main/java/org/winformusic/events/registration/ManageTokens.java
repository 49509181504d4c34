package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manage-link tokens: 256 random bits, URL-safe; only their SHA-256 is stored. The
 * registering request mints one for the visitor's redirect; each email mints its own when
 * it is sent, so the raw token exists only in that email and in that redirect. The newest
 * few tokens of a registration keep working ({@link TokenHousekeeping} removes older
 * ones). Lookup is by the hash through the primary key, so no token is compared character
 * by character in Java.
 */
@Component
public class ManageTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ManageTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Mints a new token for a registration and returns its raw value (never stored). */
	@Transactional
	public String issue(long registrationId) {
		String token = newToken();
		this.jdbc.sql("insert into registration_token (token_hash, registration_id, created_at) values (?, ?, ?)")
			.params(hash(token), registrationId, Timestamp.from(this.clock.instant()))
			.update();
		return token;
	}

	/**
	 * Mints one new token per entry (a registration may appear more than once) in one
	 * statement, for the outbox sender's batch: the token of an email about to go to
	 * {@code addresses[i]}, minted only while registration {@code registrationIds[i]}
	 * still has that address. Returns the raw values in the same order, never stored,
	 * null where the address changed meanwhile (that email must be composed again).
	 */
	public List<String> issueAll(List<Long> registrationIds, List<String> addresses) {
		List<String> issued = new ArrayList<>(registrationIds.size());
		if (registrationIds.isEmpty()) {
			return issued;
		}
		long[] ids = new long[registrationIds.size()];
		byte[][] hashes = new byte[ids.length][];
		String[] emails = addresses.toArray(new String[0]);
		for (int i = 0; i < ids.length; i++) {
			String token = newToken();
			issued.add(token);
			ids[i] = registrationIds.get(i);
			hashes[i] = hash(token);
		}
		// SQL: FOR SHARE orders this with a change of address, which locks the row for
		// update and revokes every token: after it commits, the address no longer matches
		// (the condition is checked again on the row as changed) and no token is minted
		// for an email to the old address.
		Set<String> minted = new HashSet<>(this.jdbc.sql("""
				insert into registration_token (token_hash, registration_id, created_at)
				select t.h, t.r, ? from unnest(?::bytea[], ?::bigint[], ?::varchar[]) as t (h, r, e)
				  join registration g on g.id = t.r and lower(g.email) = lower(t.e)
				   for share of g
				returning encode(token_hash, 'hex')""")
			.params(Timestamp.from(this.clock.instant()), hashes, ids, emails)
			.query(String.class)
			.list());
		for (int i = 0; i < ids.length; i++) {
			if (!minted.contains(HexFormat.of().formatHex(hashes[i]))) {
				issued.set(i, null);
			}
		}
		return issued;
	}

	/**
	 * Every manage link of the registration stops working (its address changed: the links
	 * that went to the old one must not keep control). In the caller's transaction, which
	 * holds the registration's row lock: an email composed for the old address meanwhile
	 * gets no token ({@link #issueAll}).
	 */
	public void revokeAll(long registrationId) {
		this.jdbc.sql("delete from registration_token where registration_id = ?").param(registrationId).update();
	}

	/**
	 * The registration a token belongs to, if the token is well-formed and known and the
	 * registration's data was not erased.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> resolve(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select t.registration_id from registration_token t
				  join registration r on r.id = t.registration_id
				 where t.token_hash = ? and r.blocked_at is null""").param(hash(token)).query(Long.class).optional();
	}

	/**
	 * Whether a token is a link of a registration whose data was erased: it opens nothing
	 * ({@link #resolve}), and says so, until the blocked data is suppressed
	 * ({@link RegistrationErasure#suppressBlockedBefore}).
	 */
	@Transactional(readOnly = true)
	public boolean erased(String token) {
		if (!wellFormed(token)) {
			return false;
		}
		return this.jdbc.sql("""
				select exists (select 1 from registration_token t
				  join registration r on r.id = t.registration_id
				 where t.token_hash = ? and r.blocked_at is not null)""")
			.param(hash(token))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether a token is the one the registering request handed to the browser that
	 * registered (minted with the registration, at its very instant), not one an email
	 * carried: holding it proves nothing about the address's inbox, since anybody can
	 * type any address into the form.
	 */
	@Transactional(readOnly = true)
	public boolean mintedWhenRegistering(String token) {
		if (!wellFormed(token)) {
			return false;
		}
		return this.jdbc.sql("""
				select t.created_at = r.created_at from registration_token t
				  join registration r on r.id = t.registration_id where t.token_hash = ?""")
			.param(hash(token))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * A new raw token that nobody stored yet: the registering statement inserts its hash
	 * itself, saving a round trip on the hot path.
	 */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** 256 random bits in URL-safe Base64 without padding: 43 characters. */
	private static boolean wellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

}
