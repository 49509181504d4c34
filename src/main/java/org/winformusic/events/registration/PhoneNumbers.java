package org.winformusic.events.registration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;

import org.springframework.stereotype.Component;

/**
 * Phone numbers read with the event's country as the default region (libphonenumber): a
 * Colombian types "300 123 4567" for a Colombian event, anyone types a number of another
 * country with its {@code +} prefix. New numbers are stored in E.164
 * ({@code +573001234567}); staff see them in the national format when they belong to the
 * event's country, in the international format otherwise. Numbers stored before (free
 * text) are shown as they were typed when they cannot be read. Templates call it as
 * {@code @phoneNumbers}; the readable export writes phones the same way.
 */
@Component("phoneNumbers")
public class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	/** Mexico's calling code. */
	private static final int MEXICO = 52;

	/**
	 * Mexican numbers as they were dialled until 2019: mobiles with
	 * {@code 044}/{@code 045} before the ten digits, or {@code 1} after {@code +52}; long
	 * distance and toll-free with {@code 01}. People still type them.
	 */
	private static final Pattern MEXICAN_OLD_PREFIX = Pattern.compile("(?:01|04[45]|1)(\\d{10})");

	/**
	 * The number in E.164 (with " ext. 123" when an extension was typed), or null when it
	 * is not a valid number for {@code country} nor with its own country prefix. A
	 * Mexican number typed with its old prefix ({@code 044 55 1234 5678},
	 * {@code +52 1 55 1234 5678}, {@code 01 55 1234 5678}) is read without it:
	 * libphonenumber does not drop it.
	 */
	static String normalize(String input, String country) {
		PhoneNumber number = parse(input, country);
		if (number != null && !UTIL.isValidNumber(number)) {
			number = withoutOldMexicanPrefix(number);
		}
		if (number == null || !UTIL.isValidNumber(number)) {
			return null;
		}
		String e164 = UTIL.format(number, PhoneNumberFormat.E164);
		return number.hasExtension() ? e164 + " ext. " + number.getExtension() : e164;
	}

	/**
	 * Whether the number was typed with its country code: with {@code +}, or with the
	 * international prefix dialled from {@code country} ({@code 00 44 20 7946 0958} in
	 * Mexico). Someone outside the event's country types a number of their own country:
	 * without its code it would be read as one of the event's country.
	 */
	static boolean withCountryCode(String input, String country) {
		try {
			CountryCodeSource source = UTIL.parseAndKeepRawInput(input, (country != null) ? country : "ZZ")
				.getCountryCodeSource();
			return source == CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN
					|| source == CountryCodeSource.FROM_NUMBER_WITH_IDD;
		}
		catch (NumberParseException ex) {
			return false;
		}
	}

	/**
	 * A number written with its country code, for messages to people outside an event's
	 * {@code country}: a Colombian mobile for a Mexican event, a Mexican one for an event
	 * anywhere else (most who register are Mexican).
	 */
	static String abroadExample(String country) {
		return "MX".equals(country) ? "+57 300 123 4567" : "+52 55 1234 5678";
	}

	/** How staff of an event in {@code country} read a stored number. */
	public String display(String stored, String country) {
		if (stored == null || stored.isBlank()) {
			return stored;
		}
		PhoneNumber number = parse(stored, country);
		if (number == null || !UTIL.isValidNumber(number)) {
			return stored;
		}
		return format(number, country);
	}

	/** National for a number of the event's country, international for any other. */
	private static String format(PhoneNumber number, String country) {
		boolean home = country != null && country.equals(UTIL.getRegionCodeForNumber(number));
		return UTIL.format(number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
	}

	/**
	 * A stored number as an edit form shows it: as people of {@code country} write it
	 * ({@link #display}), when that reads back to exactly the stored number, so that a
	 * form saved unchanged stores what it stored; otherwise as stored. For someone whose
	 * region {@code state} is outside the country, always with the country code ("+52 55
	 * 1234 5678"), as the form asks them to type it ({@link #withCountryCode}).
	 */
	public static String asTyped(String stored, String country, String state) {
		return asTyped(stored, country, Regions.of(country).abroad(state));
	}

	private static String asTyped(String stored, String country, boolean abroad) {
		if (stored == null || stored.isBlank()) {
			return stored;
		}
		PhoneNumber number = parse(stored, country);
		if (number == null || !UTIL.isValidNumber(number)) {
			return stored;
		}
		String shown = abroad ? UTIL.format(number, PhoneNumberFormat.INTERNATIONAL) : format(number, country);
		return stored.equals(normalize(shown, country)) ? shown : stored;
	}

	/**
	 * A valid number of {@code country} in its national format ("55 1234 5678"), for
	 * messages that show how to type one; null for an unknown country.
	 */
	static String example(String country) {
		PhoneNumber example = (country != null) ? UTIL.getExampleNumberForType(country, PhoneNumberType.MOBILE) : null;
		return (example != null) ? UTIL.format(example, PhoneNumberFormat.NATIONAL) : null;
	}

	private static PhoneNumber withoutOldMexicanPrefix(PhoneNumber number) {
		if (number.getCountryCode() != MEXICO) {
			return number;
		}
		Matcher legacy = MEXICAN_OLD_PREFIX.matcher(UTIL.getNationalSignificantNumber(number));
		if (!legacy.matches()) {
			return number;
		}
		PhoneNumber stripped = new PhoneNumber().setCountryCode(MEXICO)
			.setNationalNumber(Long.parseLong(legacy.group(1)));
		if (number.hasExtension()) {
			stripped.setExtension(number.getExtension());
		}
		return stripped;
	}

	private static PhoneNumber parse(String input, String country) {
		try {
			return UTIL.parse(input, (country != null) ? country : "ZZ");
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
