package org.winformusic.events.registration;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.winformusic.events.shared.EmailAddresses;

/**
 * What the registration form accepts as an email address, and the "did you mean …?" hint
 * for domains people often misspell. {@link RegistrationValidator} reports the problems.
 */
final class EmailRules {

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");

	/** What people put between addresses when they type more than one. */
	private static final Pattern BETWEEN_ADDRESSES = Pattern.compile("[\\s,;]");

	/** RFC 5321 4.5.3.1.1: the part before the {@code @} is at most 64 octets. */
	private static final int LOCAL_PART_MAX = 64;

	/** Misspelled domains people often type, and what they meant. */
	private static final Map<String, String> DOMAIN_TYPOS = Map.ofEntries(Map.entry("gmial.com", "gmail.com"),
			Map.entry("gmal.com", "gmail.com"), Map.entry("gmai.com", "gmail.com"), Map.entry("gamil.com", "gmail.com"),
			Map.entry("gnail.com", "gmail.com"), Map.entry("gmaill.com", "gmail.com"),
			Map.entry("gmail.con", "gmail.com"), Map.entry("gmail.co", "gmail.com"),
			Map.entry("gmail.cmo", "gmail.com"), Map.entry("gmail.om", "gmail.com"),
			Map.entry("hotmial.com", "hotmail.com"), Map.entry("hotmal.com", "hotmail.com"),
			Map.entry("hotmai.com", "hotmail.com"), Map.entry("hotamil.com", "hotmail.com"),
			Map.entry("hotmail.con", "hotmail.com"), Map.entry("hotmail.co", "hotmail.com"),
			Map.entry("hotmial.com.mx", "hotmail.com.mx"), Map.entry("hotmal.com.mx", "hotmail.com.mx"),
			Map.entry("yaho.com", "yahoo.com"), Map.entry("yahooo.com", "yahoo.com"),
			Map.entry("yahoo.con", "yahoo.com"), Map.entry("yaho.com.mx", "yahoo.com.mx"),
			Map.entry("outlok.com", "outlook.com"), Map.entry("outloo.com", "outlook.com"),
			Map.entry("outlook.con", "outlook.com"), Map.entry("iclod.com", "icloud.com"),
			Map.entry("icloud.con", "icloud.com"), Map.entry("live.con", "live.com"),
			// Mexico's suffix where the provider has none, or Mozambique's (.mz) for it.
			Map.entry("gmail.com.mx", "gmail.com"), Map.entry("gmail.mx", "gmail.com"),
			Map.entry("gmail.com.mz", "gmail.com"), Map.entry("icloud.com.mx", "icloud.com"),
			Map.entry("hotmail.com.mz", "hotmail.com.mx"), Map.entry("yahoo.com.mz", "yahoo.com.mx"),
			Map.entry("live.com.mz", "live.com.mx"), Map.entry("prodigy.net.mz", "prodigy.net.mx"));

	private EmailRules() {
	}

	/**
	 * Why we cannot send to this address (a message key), or null when we can. The domain
	 * may have accents: it goes out in its ASCII form ({@link EmailAddresses#ascii}), and
	 * one without a trustworthy ASCII form is refused here, before a seat is taken for
	 * someone who would never get their link. The part before the {@code @} must be
	 * ASCII: an accented one needs SMTPUTF8 on every server on the way, which most lack,
	 * and gets its own message when that is all that is wrong. Several addresses typed
	 * ("ana@a.mx, luis@b.mx") get theirs: one address is kept per registration.
	 */
	static String problem(String email) {
		int at = email.lastIndexOf('@');
		if (email.indexOf('@') != at && BETWEEN_ADDRESSES.matcher(email).find()) {
			return "registration.error.email.several";
		}
		if (at > 0 && !EmailAddresses.asciiLocalPart(email)) {
			String withAsciiLocalPart = email.substring(0, at).replaceAll("[^\\x00-\\x7F]", "a") + email.substring(at);
			return EMAIL.matcher(withAsciiLocalPart).matches() ? "registration.error.email.localPart"
					: "registration.error.email.invalid";
		}
		if (!EMAIL.matcher(email).matches() || at > LOCAL_PART_MAX) {
			return "registration.error.email.invalid";
		}
		return (EmailAddresses.ascii(email) == null) ? "registration.error.email.domain" : null;
	}

	/** The address with its domain corrected, when the domain is a known typo. */
	static String suggestion(String email) {
		int at = email.lastIndexOf('@');
		String meant = DOMAIN_TYPOS.get(email.substring(at + 1).toLowerCase(Locale.ROOT));
		return (meant != null) ? email.substring(0, at + 1) + meant : null;
	}

}
