package org.winformusic.events.shared;

import java.net.IDN;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Email addresses as they leave the application. People may type a domain with accents
 * ({@code ana@diseño.mx}); SMTP without the SMTPUTF8 extension, which most servers lack,
 * carries only ASCII, so the domain goes out in its IDNA form ({@code xn--diseo-rta.mx})
 * while the address as typed, its domain in Unicode ({@link #canonical}), is what is
 * stored and shown. The part before the {@code @} has no such form: a non-ASCII one needs
 * SMTPUTF8 all the way to the mailbox, so the form refuses it.
 */
public final class EmailAddresses {

	/** RFC 5321 4.5.3.1.3: a path, and so an address, is at most 254 octets. */
	private static final int MAX_OCTETS = 254;

	/** How an internationalized label starts in its ASCII form (RFC 3490). */
	private static final String ACE_PREFIX = "xn--";

	private EmailAddresses() {
	}

	/**
	 * The address with its domain in ASCII (IDNA), or null when the domain has no ASCII
	 * form we can trust: {@link IDN} refuses it (a label too long once converted, a
	 * character IDNA does not allow), the converted address is longer than SMTP allows,
	 * or the conversion maps it to another name. Java's IDN is IDNA2003, which maps
	 * {@code ß} to {@code ss} and folds compatibility characters; registries use
	 * IDNA2008, where {@code straße.de} is a different domain than {@code strasse.de}:
	 * sending there could hand the personal link to a stranger, so such a domain is
	 * refused, not converted. The local part is returned unchanged.
	 */
	public static String ascii(String address) {
		if (address == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		if (at <= 0 || at == address.length() - 1) {
			return null;
		}
		String domain = address.substring(at + 1);
		if (isAscii(domain)) {
			return (address.length() <= MAX_OCTETS) ? address : null;
		}
		String converted;
		try {
			converted = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!IDN.toUnicode(converted).toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT))) {
			return null;
		}
		String ascii = address.substring(0, at + 1) + converted;
		return (ascii.length() <= MAX_OCTETS) ? ascii : null;
	}

	/**
	 * The one spelling an address is stored and looked up in: a domain with
	 * internationalized labels in its Unicode form, lower case ({@code ana@diseño.mx}
	 * whether typed so, as {@code ana@DISEÑO.mx} or as {@code ana@xn--diseo-rta.mx}, the
	 * same mailbox), so the unique index on the address and every lookup by it see one
	 * address. Only when that form converts back to the same ASCII one ({@link #ascii}):
	 * a name IDNA2003 would map elsewhere ({@code xn--strae-oqa.de}, IDNA2008's
	 * {@code straße.de}) keeps its ASCII spelling. Any other address (no such label, or
	 * no ASCII form) is returned unchanged, the part before the {@code @} always: its
	 * case may matter to the mailbox.
	 */
	public static String canonical(String address) {
		String ascii = ascii(address);
		if (ascii == null) {
			return address;
		}
		String domain = ascii.substring(ascii.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		if (!domain.startsWith(ACE_PREFIX) && !domain.contains("." + ACE_PREFIX)) {
			return address;
		}
		String canonical = address.substring(0, address.lastIndexOf('@') + 1)
				+ IDN.toUnicode(domain, IDN.USE_STD3_ASCII_RULES);
		return ascii.equalsIgnoreCase(ascii(canonical)) ? canonical : address;
	}

	/**
	 * The text's ASCII form when it is one plain email address (as a setting may be, or
	 * may instead be a web page or a phone number), otherwise null.
	 */
	public static String plainAddress(String text) {
		if (text == null || text.isBlank() || text.strip().chars().anyMatch(Character::isWhitespace)) {
			return null;
		}
		String ascii = ascii(text.strip());
		if (ascii == null || ascii.indexOf('@') != ascii.lastIndexOf('@') || !asciiLocalPart(ascii)) {
			return null;
		}
		try {
			InternetAddress address = new InternetAddress(ascii, true);
			address.validate();
			return (address.getPersonal() == null && ascii.equals(address.getAddress())) ? ascii : null;
		}
		catch (AddressException ex) {
			return null;
		}
	}

	/** Whether the part before the {@code @} is ASCII (no SMTPUTF8 needed for it). */
	public static boolean asciiLocalPart(String address) {
		int at = address.lastIndexOf('@');
		return isAscii((at < 0) ? address : address.substring(0, at));
	}

	private static boolean isAscii(String text) {
		return text.chars().allMatch((c) -> c < 0x80);
	}

}
