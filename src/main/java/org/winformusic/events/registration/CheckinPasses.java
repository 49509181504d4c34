package org.winformusic.events.registration;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.winformusic.events.shared.AppProperties;

import org.springframework.stereotype.Component;

/**
 * Check-in passes: what the QR code in the confirmation email and on the manage page
 * carries ({@code APP_BASE_URL/p/{pass}}). A pass can only get its holder checked in by
 * signed-in staff and shows nothing but name, company and status; unlike the manage link
 * it cannot cancel or change anything, so a screenshot of it is harmless.
 *
 * <p>
 * A pass is derived, not stored: the registration id in a compact form followed by a
 * 128-bit MAC, {@code HMAC-SHA256(key, "checkin-pass:" + id)} truncated to 16 bytes,
 * base64url. The key is 32 random bytes in {@code app_secret} ({@code checkin-pass}),
 * created by whichever instance needs it first. Why not a random token stored hashed,
 * like the manage link: the pass must be drawn again at any time (manage page, badges,
 * the printed door list) and every registration that existed before passes did needs one
 * at once. A stored hash cannot be drawn again, and storing the raw pass would put a
 * secret back in the database. Forging a pass means guessing a 128-bit MAC; verification
 * recomputes it and compares in constant time. Revoking every pass at once means deleting
 * the key row with every instance stopped (each keeps the key it read; all printed badges
 * then stop working).
 */
@Component
public class CheckinPasses {

	private static final String KEY_NAME = "checkin-pass";

	private static final int MAC_BYTES = 16;

	/** No 0/O, 1/I: a volunteer types the door code from a badge. */
	private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final int CODE_LENGTH = 8;

	private final AppSecrets secrets;

	private final AppProperties app;

	CheckinPasses(AppSecrets secrets, AppProperties app) {
		this.secrets = secrets;
		this.app = app;
	}

	/** Passes under a given key, without a database (unit tests). */
	public static CheckinPasses withKey(byte[] key, AppProperties app) {
		return new CheckinPasses(AppSecrets.withKey(KEY_NAME, key), app);
	}

	/** The pass of a registration: URL-safe, about 26 characters. */
	public String pass(long registrationId) {
		byte[] id = BigInteger.valueOf(registrationId).toByteArray();
		byte[] mac = mac("checkin-pass:" + registrationId);
		ByteBuffer buffer = ByteBuffer.allocate(id.length + MAC_BYTES);
		buffer.put(id).put(mac, 0, MAC_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/** The link the QR code carries. */
	public String link(long registrationId) {
		return this.app.link("/p/" + pass(registrationId));
	}

	/** The registration a pass belongs to, if its MAC is right. */
	public Optional<Long> resolve(String pass) {
		if (pass == null || pass.length() < 23 || pass.length() > 40 || !pass.matches("[A-Za-z0-9_-]+")) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(pass);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		int idLength = bytes.length - MAC_BYTES;
		if (idLength < 1 || idLength > 8) {
			return Optional.empty();
		}
		long id = new BigInteger(Arrays.copyOfRange(bytes, 0, idLength)).longValue();
		if (id <= 0) {
			return Optional.empty();
		}
		byte[] expected = Arrays.copyOf(mac("checkin-pass:" + id), MAC_BYTES);
		byte[] given = Arrays.copyOfRange(bytes, idLength, bytes.length);
		// Constant time, and the canonical encoding only: one pass per registration.
		if (!MessageDigest.isEqual(expected, given) || !pass.equals(pass(id))) {
			return Optional.empty();
		}
		return Optional.of(id);
	}

	/**
	 * The short door code of a registration ({@value #CODE_LENGTH} characters of an
	 * alphabet without 0, O, 1 or I), for volunteers to type from a badge or the printed
	 * door list. Derived like the pass, with its own label.
	 */
	public String code(long registrationId) {
		byte[] mac = mac("checkin-code:" + registrationId);
		long bits = ByteBuffer.wrap(mac, 0, 8).getLong();
		char[] code = new char[CODE_LENGTH];
		for (int i = 0; i < CODE_LENGTH; i++) {
			code[i] = CODE_ALPHABET[(int) (bits & 31)];
			bits >>>= 5;
		}
		return new String(code);
	}

	/** Whether a typed door code (any case, spaces and dashes ignored) is this one's. */
	public boolean codeMatches(long registrationId, String typed) {
		if (typed == null) {
			return false;
		}
		return MessageDigest.isEqual(code(registrationId).getBytes(StandardCharsets.US_ASCII),
				normalizedCode(typed).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * A typed door code as codes are written: spaces and dashes dropped, upper case (as
	 * the door page's script, {@code static/js/checkin.js}, reads it too).
	 */
	public static String normalizedCode(String typed) {
		return (typed == null) ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	/** Whether a normalized text could be a door code at all (length and alphabet). */
	public static boolean couldBeCode(String normalized) {
		if (normalized.length() != CODE_LENGTH) {
			return false;
		}
		String alphabet = new String(CODE_ALPHABET);
		return normalized.chars().allMatch((c) -> alphabet.indexOf(c) >= 0);
	}

	private byte[] mac(String value) {
		return this.secrets.mac(KEY_NAME, value);
	}

}
