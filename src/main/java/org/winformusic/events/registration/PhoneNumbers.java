package org.winformusic.events.registration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * Phone numbers read with the event's country as the default region (libphonenumber): a
 * Colombian types "300 123 4567" for a Colombian event, anyone types a number of another
 * country with its {@code +} prefix. New numbers are stored in E.164
 * ({@code +573001234567}); staff see them in the national format when they belong to the
 * event's country, in the international format otherwise. Numbers stored before (free
 * text) are shown as they were typed when they cannot be read. Templates call it as
 * {@code @phoneNumbers}.
 */
@Component("phoneNumbers")
class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	/**
	 * The number in E.164 (with " ext. 123" when an extension was typed), or null when it
	 * is not a valid number for {@code country} nor with its own country prefix.
	 */
	static String normalize(String input, String country) {
		PhoneNumber number = parse(input, country);
		if (number == null || !UTIL.isValidNumber(number)) {
			return null;
		}
		String e164 = UTIL.format(number, PhoneNumberFormat.E164);
		return number.hasExtension() ? e164 + " ext. " + number.getExtension() : e164;
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
		boolean home = country != null && country.equals(UTIL.getRegionCodeForNumber(number));
		return UTIL.format(number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
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
