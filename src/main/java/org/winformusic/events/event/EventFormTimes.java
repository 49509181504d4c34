package org.winformusic.events.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/**
 * The event editor's date-time fields ({@code 2028-03-20T10:00}, local to the event's
 * time zone), read and written.
 */
final class EventFormTimes {

	/**
	 * Strict: 2027-02-30 is refused, not read as 2027-02-28 (the default resolver's
	 * "smart" guess).
	 */
	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	/** Only to tell an impossible date (2027-02-30) from text that is no date at all. */
	private static final DateTimeFormatter LENIENT = LOCAL.withResolverStyle(ResolverStyle.LENIENT);

	private EventFormTimes() {
	}

	/** The instant in a date-time field, or null with the field's error. */
	static Instant instant(Map<String, String> errors, String field, String local, ZoneId zone) {
		Instant instant = parse(local, zone);
		if (instant == null) {
			errors.put(field, impossibleDate(local) ? "eventadmin.error.noSuchDate" : "eventadmin.error.dateTime");
		}
		return instant;
	}

	/** Shaped like a date and time, but no such day or time exists (2027-02-30). */
	private static boolean impossibleDate(String local) {
		try {
			LENIENT.parse(local.strip());
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The time zone of this id, or null for none or an unknown one. */
	static ZoneId zone(String id) {
		try {
			return (id == null) ? null : ZoneId.of(id.strip());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The instant of a field's local date-time in {@code zone}, or null when it is none.
	 */
	static Instant parse(String local, ZoneId zone) {
		try {
			return (local == null) ? null : LocalDateTime.parse(local.strip(), LOCAL).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A field's value for an instant, empty for none. */
	static String format(Instant instant, ZoneId zone) {
		return (instant != null) ? LOCAL.format(instant.atZone(zone)) : "";
	}

}
