package org.winformusic.events.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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

	/**
	 * The error of a local time the clocks skip in the event's zone (02:30 on the night
	 * Madrid moves to summer time): its message names the zone's city (see the editor's
	 * controller).
	 */
	static final String CLOCKS_CHANGE = "eventadmin.error.clocksChange";

	/** Every known zone id by its lower-case spelling: "america/bogota". */
	private static final Map<String, String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.collect(Collectors.toUnmodifiableMap((id) -> id.toLowerCase(Locale.ROOT), (id) -> id, (a, b) -> a));

	/**
	 * The instant in a date-time field, or null with the field's error. A local time that
	 * does not exist in the zone (the hour the clocks skip) is refused, not moved an hour
	 * later as Java would.
	 */
	static Instant instant(Map<String, String> errors, String field, String local, ZoneId zone) {
		Instant instant = parse(local, zone);
		if (instant == null) {
			errors.put(field, impossibleDate(local) ? "eventadmin.error.noSuchDate" : "eventadmin.error.dateTime");
		}
		else if (zone.getRules().getValidOffsets(LocalDateTime.parse(local.strip(), LOCAL)).isEmpty()) {
			errors.put(field, CLOCKS_CHANGE);
			return null;
		}
		return instant;
	}

	/**
	 * Checks the form's times in {@code zone}: each one readable and existing there, the
	 * end after the start. The registration window, when given, opens before the event
	 * starts and before it closes, and closes no later than the event ends (registering
	 * during the event, for people at the door, is allowed).
	 */
	static void check(Map<String, String> errors, EventForm form, ZoneId zone) {
		Instant start = instant(errors, "startsAt", form.startsAt(), zone);
		Instant end = instant(errors, "endsAt", form.endsAt(), zone);
		if (start != null && end != null && !end.isAfter(start)) {
			errors.put("endsAt", "eventadmin.error.endBeforeStart");
		}
		Instant opens = blank(form.registrationOpensAt()) ? null
				: instant(errors, "registrationOpensAt", form.registrationOpensAt(), zone);
		Instant closes = blank(form.registrationClosesAt()) ? null
				: instant(errors, "registrationClosesAt", form.registrationClosesAt(), zone);
		if (opens != null && start != null && !opens.isBefore(start)) {
			errors.put("registrationOpensAt", "eventadmin.error.opensAfterStart");
		}
		if (closes != null && opens != null && !closes.isAfter(opens)) {
			errors.put("registrationClosesAt", "eventadmin.error.closesBeforeOpens");
		}
		else if (closes != null && end != null && closes.isAfter(end)) {
			errors.put("registrationClosesAt", "eventadmin.error.closesAfterEnd");
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
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

	/**
	 * The time zone of this id, in any case ("america/bogota"), by its own name for a
	 * legacy one ("America/New_York" for "US/Eastern": {@link LegacyZones}), or null for
	 * none, an unknown one or an offset ({@link #offset}).
	 */
	static ZoneId zone(String id) {
		String known = (id != null) ? ZONES.get(id.strip().toLowerCase(Locale.ROOT)) : null;
		return (known != null) ? ZoneId.of(LegacyZones.canonical(known)) : null;
	}

	/**
	 * The zone id as the zone spells it ("America/Bogota" for "america/bogota "), or the
	 * value as typed when it is no known zone.
	 */
	static String canonical(String id) {
		ZoneId zone = zone(id);
		return (zone != null) ? zone.getId() : id;
	}

	/**
	 * Whether the value is an offset from UTC ("-05:00", "UTC-5", "GMT+01:00") rather
	 * than a zone's name: an event needs its place's zone, whose rules know when the
	 * clocks change.
	 */
	static boolean offset(String id) {
		try {
			return id != null && zone(id) == null && ZoneId.of(id.strip()).normalized() instanceof ZoneOffset;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/**
	 * The instant of a field's local date-time in {@code zone}, or null when it is none.
	 * A time that happens twice there (the hour the clocks go back) is the first one,
	 * before the change ({@link RepeatedTime}).
	 */
	static Instant parse(String local, ZoneId zone) {
		try {
			return (local == null) ? null
					: LocalDateTime.parse(local.strip(), LOCAL).atZone(zone).withEarlierOffsetAtOverlap().toInstant();
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
