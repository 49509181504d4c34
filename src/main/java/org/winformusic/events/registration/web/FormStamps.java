package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.winformusic.events.registration.RegistrationProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The minimum fill time of the registration form. The form carries the time it was shown,
 * signed with HMAC-SHA256 so a bot cannot simply post an old time. The key is a random
 * value kept in the {@code app_secret} table, created by whichever instance needs it
 * first: every instance signs and checks with the same key, and a restart does not void
 * forms that are open in browsers.
 */
@Component
class FormStamps {

	private static final String KEY_NAME = "form-stamp";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RegistrationProperties properties;

	private volatile byte[] key;

	FormStamps(JdbcClient jdbc, Clock clock, RegistrationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** A stamp for a form shown now: {@code <epoch seconds>.<signature>}. */
	String stamp() {
		String seconds = Long.toString(this.clock.instant().getEpochSecond());
		return seconds + "." + sign(seconds);
	}

	/**
	 * Whether a form came back sooner than the minimum fill time, or without a valid
	 * stamp (a form that was never shown). Always false when the check is off.
	 */
	boolean tooFast(String stamp) {
		int minimum = this.properties.registrationMinFillSeconds();
		if (minimum <= 0) {
			return false;
		}
		if (stamp == null || stamp.length() > 100 || stamp.indexOf('.') < 1) {
			return true;
		}
		String seconds = stamp.substring(0, stamp.indexOf('.'));
		byte[] expected = sign(seconds).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = stamp.substring(stamp.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, actual)) {
			return true;
		}
		try {
			long shown = Long.parseLong(seconds);
			return this.clock.instant().getEpochSecond() - shown < minimum;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	private String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			byte[] candidate = new byte[32];
			new SecureRandom().nextBytes(candidate);
			this.jdbc.sql("insert into app_secret (name, secret, created_at) values (?, ?, ?) on conflict do nothing")
				.params(KEY_NAME, candidate, OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
				.update();
			current = this.jdbc.sql("select secret from app_secret where name = ?")
				.param(KEY_NAME)
				.query(byte[].class)
				.single();
			this.key = current;
		}
		return current;
	}

}
