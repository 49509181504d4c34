package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt reads at most 72 bytes of a password, and Spring Security refuses longer ones
 * with an exception: 40 accented letters (80 bytes in UTF-8) would fail. New hashes are
 * therefore {@code {bcrypt-sha256}bcrypt(base64(SHA-256(UTF-8 password)))}: the 44-byte
 * digest keeps every character of a password of any length significant. Hashes stored
 * before ({@code {bcrypt}...}) still match, so nobody has to reset a password.
 */
final class PrehashedBcrypt implements PasswordEncoder {

	static final String ID = "bcrypt-sha256";

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	/**
	 * The encoder for staff passwords: writes {@link #ID}, reads it and {@code {bcrypt}}.
	 */
	static PasswordEncoder delegating() {
		PasswordEncoder legacy = new LegacyBcrypt();
		return new DelegatingPasswordEncoder(ID, Map.of(ID, new PrehashedBcrypt(), "bcrypt", legacy));
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.bcrypt.encode(digest(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && this.bcrypt.matches(digest(rawPassword), encodedPassword);
	}

	private static String digest(CharSequence rawPassword) {
		try {
			byte[] sha256 = MessageDigest.getInstance("SHA-256")
				.digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha256);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Plain bcrypt for hashes written before the pre-hash: a password over 72 bytes can
	 * never have been stored this way, so it simply does not match (instead of failing).
	 */
	private static final class LegacyBcrypt implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (rawPassword == null || rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > 72) {
				return false;
			}
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
