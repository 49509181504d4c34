package org.winformusic.events.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Formats event dates the way a reader of each language expects, always in the event's
 * time zone: "lunes 20 de marzo de 2028, 10:00–14:00 (hora de la Ciudad de México)".
 */
@Component
public class EventTimes {

	/**
	 * The zone staff pages show a time in when it belongs to no event (an audit entry, an
	 * email or a data request about none); named "Coordinated Universal Time" by Java.
	 */
	public static final ZoneId NO_EVENT = ZoneId.of("Etc/UTC");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final MessageSource messages;

	public EventTimes(MessageSource messages) {
		this.messages = messages;
	}

	/** "lunes 20 de marzo de 2028" / "Monday 20 March 2028". */
	public String date(Instant instant, ZoneId zone, Locale locale) {
		String pattern = this.messages.getMessage("format.date", null, "EEEE d MMMM yyyy", locale);
		return DateTimeFormatter.ofPattern(pattern, locale).format(instant.atZone(zone));
	}

	/**
	 * "6 de diciembre de 2026" / "6 December 2026": a version written as an ISO date (the
	 * privacy notice's), or null when it is not one.
	 */
	public String versionDate(String version, Locale locale) {
		try {
			LocalDate day = LocalDate.parse((version != null) ? version.strip() : "");
			String pattern = this.messages.getMessage("format.day", null, "d MMMM yyyy", locale);
			return DateTimeFormatter.ofPattern(pattern, locale).format(day);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** "10:00". */
	public String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}

	/** "lunes 20 de marzo de 2028, 10:00" — a single moment with its date. */
	public String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return date(instant, zone, locale) + ", " + time(instant, zone);
	}

	/**
	 * "6 dic 2026, 02:53" / "6 Dec 2026, 02:53": a moment in a table's cell, compact but
	 * in the reader's words (apply it to the instant in the event's zone).
	 */
	public DateTimeFormatter compactDateTime(Locale locale) {
		String pattern = this.messages.getMessage("format.dateTime.compact", null, "d MMM yyyy, HH:mm", locale);
		return DateTimeFormatter.ofPattern(pattern, locale);
	}

	/**
	 * On a staff list that shows every time in UTC, the same moment where the event takes
	 * place: "20:53", or with its date when that is another day there; null when the
	 * event's clock reads UTC then too (nothing to add).
	 */
	public String atEvent(Instant instant, ZoneId zone, Locale locale) {
		if (zone.getRules().getOffset(instant).getTotalSeconds() == 0) {
			return null;
		}
		boolean sameDay = instant.atZone(zone).toLocalDate().equals(instant.atZone(NO_EVENT).toLocalDate());
		return sameDay ? time(instant, zone) : dateTime(instant, zone, locale);
	}

	/** A zone named after a city: "Europe/Berlin", "America/Argentina/Cordoba". */
	private static final Pattern CITY_ZONE = Pattern
		.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+");

	/**
	 * The zone's name for readers, after its city: "hora de la Ciudad de México" /
	 * "Mexico City time", "hora de Los Ángeles" / "Los Angeles time". Every zone the
	 * event editor offers has its city in both languages (messages/zones, from CLDR's
	 * exemplar cities, which no public Java 17 API returns); any other zone named after a
	 * city goes by its identifier's, and UTC or an offset by Java's words.
	 */
	public String zoneName(ZoneId zone, Locale locale) {
		String city = city(zone, locale);
		// UTC, an offset such as -06:00, Etc/GMT+6 or US/Central: Java's words.
		return (city != null) ? this.messages.getMessage("timezone.city", new Object[] { city }, locale)
				: zone.getDisplayName(TextStyle.FULL, locale);
	}

	/**
	 * The city a zone is named after, as a sentence says it after "in": "la Ciudad de
	 * México" / "Mexico City", "Madrid"; null for a zone named after none (UTC, an
	 * offset, US/Central).
	 */
	public String city(ZoneId zone, Locale locale) {
		String id = zone.getId();
		String city = this.messages.getMessage("zone.city." + id, null, null, locale);
		if (city == null && CITY_ZONE.matcher(id).matches()) {
			city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
		}
		return city;
	}

	/** "lunes 20 de marzo de 2028, 10:00–14:00 (hora de la Ciudad de México)". */
	public String range(Instant start, Instant end, ZoneId zone, Locale locale) {
		return rangeParts(start, end, zone, locale).text();
	}

	/**
	 * The same text as {@link #range}, in parts, so a page can keep the hours of a
	 * one-day event together ("10:00–14:00" never breaks after the dash).
	 */
	public RangeParts rangeParts(Instant start, Instant end, ZoneId zone, Locale locale) {
		ZonedDateTime from = start.atZone(zone);
		ZonedDateTime to = end.atZone(zone);
		String zoneText = " (" + zoneName(zone, locale) + ")";
		if (from.toLocalDate().equals(to.toLocalDate())) {
			return new RangeParts(date(start, zone, locale) + ", ", time(start, zone) + "–" + time(end, zone),
					zoneText);
		}
		return new RangeParts(dateTime(start, zone, locale) + " – " + dateTime(end, zone, locale), "", zoneText);
	}

	/**
	 * A date range in parts: what comes before the hours, the hours (empty when the event
	 * spans days) and the zone.
	 */
	public record RangeParts(String lead, String hours, String zone) {

		public String text() {
			return this.lead + this.hours + this.zone;
		}

	}

}
