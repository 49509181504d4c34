package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

import org.winformusic.events.registration.AppSecrets;
import org.winformusic.events.registration.RegistrationProperties;

import org.springframework.stereotype.Component;

/**
 * The minimum fill time of the registration form. The form carries the time it was shown,
 * signed with HMAC-SHA256 ({@link AppSecrets}: the same key on every instance and after a
 * restart, so forms open in browsers stay valid) so a bot cannot simply post an old time.
 */
@Component
class FormStamps {

	private static final String KEY_NAME = "form-stamp";

	private final AppSecrets secrets;

	private final Clock clock;

	private final RegistrationProperties properties;

	FormStamps(AppSecrets secrets, Clock clock, RegistrationProperties properties) {
		this.secrets = secrets;
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
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.secrets.mac(KEY_NAME, value));
	}

}
