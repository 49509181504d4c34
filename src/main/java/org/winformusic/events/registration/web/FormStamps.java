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
		return stamp(this.clock.instant().getEpochSecond());
	}

	/**
	 * The stamp for a form shown again because it came back too soon: dated the minimum
	 * fill time ago, so a person asked once to check and send again is not asked twice (a
	 * bot gains nothing: any genuine stamp old enough passes, and one is had by loading
	 * the form and waiting).
	 */
	String checkedAgain() {
		return stamp(this.clock.instant().getEpochSecond() - Math.max(0, this.properties.registrationMinFillSeconds()));
	}

	private String stamp(long epochSeconds) {
		String seconds = Long.toString(epochSeconds);
		return seconds + "." + sign(seconds);
	}

	/**
	 * The stamp for a form shown again after it was posted (with problems to fix): the
	 * one it was first shown with, when that is genuine, so the time the visitor has
	 * spent on it keeps counting; a new one otherwise. (A language switch keeps it in the
	 * browser, {@code js/form.js}.)
	 */
	String again(String posted) {
		return (shownAt(posted) != null) ? posted : stamp();
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
		Long shown = shownAt(stamp);
		return shown == null || this.clock.instant().getEpochSecond() - shown < minimum;
	}

	/**
	 * When a genuine stamp's form was shown (epoch seconds); null for any other value.
	 */
	private Long shownAt(String stamp) {
		if (stamp == null || stamp.length() > 100 || stamp.indexOf('.') < 1) {
			return null;
		}
		String seconds = stamp.substring(0, stamp.indexOf('.'));
		byte[] expected = sign(seconds).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = stamp.substring(stamp.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, actual)) {
			return null;
		}
		try {
			return Long.parseLong(seconds);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String sign(String value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.secrets.mac(KEY_NAME, value));
	}

}
