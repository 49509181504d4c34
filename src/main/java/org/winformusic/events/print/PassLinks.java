package org.winformusic.events.print;

import java.util.function.LongFunction;

/**
 * What the printouts need of a registration's check-in pass: the link its QR code carries
 * (never the manage link) and the short code a volunteer types at the door.
 */
interface PassLinks {

	/** The pass link, {@code APP_BASE_URL/p/{pass}}. */
	String link(long registrationId);

	/** The short door code (6 to 8 characters). */
	String code(long registrationId);

	static PassLinks of(LongFunction<String> link, LongFunction<String> code) {
		return new PassLinks() {

			@Override
			public String link(long registrationId) {
				return link.apply(registrationId);
			}

			@Override
			public String code(long registrationId) {
				return code.apply(registrationId);
			}

		};
	}

}
