package org.winformusic.events.mail;

/** What may reach a mail header: one line, no control characters. */
final class Headers {

	private Headers() {
	}

	/** The text on one line: CR, LF and other control characters become spaces. */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
	}

}
