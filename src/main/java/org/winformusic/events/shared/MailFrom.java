package org.winformusic.events.shared;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who the site's emails come from ({@code APP_MAIL_FROM}, such as
 * {@code WIN Events <events@winformusic.org>}), for what names the sender outside the
 * email's own headers: the ORGANIZER of the calendar files, which clients require before
 * they apply a cancellation. The mail feature sends with the same setting.
 */
@Component
public class MailFrom {

	/** The organizer's name when the setting gives none. */
	static final String DEFAULT_NAME = "WIN";

	private final String name;

	private final String address;

	public MailFrom(@Value("${app.mail-from:}") String setting) {
		InternetAddress parsed = parse(setting);
		String personal = (parsed != null) ? parsed.getPersonal() : null;
		this.name = (personal == null || personal.isBlank()) ? DEFAULT_NAME
				: personal.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
		this.address = (parsed != null) ? EmailAddresses.ascii(parsed.getAddress()) : null;
	}

	private static InternetAddress parse(String setting) {
		if (setting == null || setting.isBlank()) {
			return null;
		}
		try {
			return new InternetAddress(setting.strip(), true);
		}
		catch (AddressException ex) {
			return null;
		}
	}

	/** The sender's display name, or "WIN" when the setting has none. */
	public String name() {
		return this.name;
	}

	/**
	 * The sender's address with its domain in ASCII ({@link EmailAddresses#ascii}), or
	 * null when the setting is missing or not an address.
	 */
	public String address() {
		return this.address;
	}

}
