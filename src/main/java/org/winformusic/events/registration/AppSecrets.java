package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys for HMAC-SHA256 signatures, one per purpose: a random 256-bit value kept in the
 * {@code app_secret} table, created by whichever instance needs it first. Every instance
 * signs and checks with the same key, and a restart voids nothing already signed.
 */
@Component
public class AppSecrets {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	AppSecrets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Secrets holding one given key, without a database (unit tests). */
	static AppSecrets withKey(String keyName, byte[] key) {
		AppSecrets secrets = new AppSecrets(null, Clock.systemUTC());
		secrets.keys.put(keyName, key.clone());
		return secrets;
	}

	/**
	 * The HMAC-SHA256 of {@code value} (its UTF-8 bytes, the same as ASCII for ASCII
	 * text) with the key named {@code keyName}.
	 */
	public byte[] mac(String keyName, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.keys.computeIfAbsent(keyName, this::load), "HmacSHA256"));
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] load(String keyName) {
		byte[] candidate = new byte[32];
		new SecureRandom().nextBytes(candidate);
		this.jdbc.sql("insert into app_secret (name, secret, created_at) values (?, ?, ?) on conflict do nothing")
			.params(keyName, candidate, OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
			.update();
		return this.jdbc.sql("select secret from app_secret where name = ?")
			.param(keyName)
			.query(byte[].class)
			.single();
	}

}
