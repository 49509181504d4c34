package org.winformusic.events.admin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import org.winformusic.events.event.Countries;
import org.winformusic.events.shared.EventTimes;

import org.springframework.context.MessageSource;

/**
 * The values of an event edit's audit details in words (the event module's
 * {@code EventChanges} writes them): "2028-03-20T10:00 America/Mexico_City" is "lunes 20
 * de marzo de 2028, 10:00 (hora de la Ciudad de México)", a zone is named, a country too,
 * a retention period counts days. Null for any other field, or a value of another shape.
 */
final class EventFieldWords {

	private static final Set<String> TIMES = Set.of("startsAt", "endsAt", "registrationOpensAt",
			"registrationClosesAt");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

	private final MessageSource messages;

	private final EventTimes times;

	EventFieldWords(MessageSource messages, EventTimes times) {
		this.messages = messages;
		this.times = times;
	}

	String value(String field, String value, Locale locale) {
		if ("null".equals(value) || value.isEmpty()) {
			return null;
		}
		try {
			if (TIMES.contains(field)) {
				String[] parts = value.split(" ", 2);
				ZoneId zone = ZoneId.of(parts[1]);
				return this.times.dateTime(LocalDateTime.parse(parts[0], LOCAL).atZone(zone).toInstant(), zone, locale)
						+ " (" + this.times.zoneName(zone, locale) + ")";
			}
			return switch (field) {
				case "timeZone" -> this.times.zoneName(ZoneId.of(value), locale) + " (" + value + ")";
				case "country" -> Countries.name(value, locale);
				case "retentionDays" ->
					this.messages.getMessage("ux.audit.days", new Object[] { Integer.valueOf(value) }, locale);
				default -> null;
			};
		}
		catch (DateTimeException | ArrayIndexOutOfBoundsException | NumberFormatException ex) {
			return null;
		}
	}

}
