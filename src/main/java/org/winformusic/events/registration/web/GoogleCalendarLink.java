package org.winformusic.events.registration.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.winformusic.events.event.EventInfo;

/**
 * A Google Calendar "add event" link for a seat holder, beside the {@code .ics} file. The
 * details carry the public event page, never the manage link: clicking sends the whole
 * link to Google, and the manage token is a secret.
 */
final class GoogleCalendarLink {

	private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private GoogleCalendarLink() {
	}

	static String of(EventInfo event, String eventPageUrl) {
		String details = (event.summary() != null && !event.summary().isBlank())
				? event.summary() + "\n\n" + eventPageUrl : eventPageUrl;
		return "https://calendar.google.com/calendar/render?action=TEMPLATE" + "&text=" + encode(event.title())
				+ "&dates=" + stamp(event.startsAt()) + "/" + stamp(event.endsAt()) + "&details=" + encode(details)
				+ "&location=" + encode(event.venueName() + ", " + event.venuePlace());
	}

	/** Strict form encoding, with spaces as %20 so every calendar client reads them. */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String stamp(Instant instant) {
		return UTC_STAMP.format(instant);
	}

}
