package org.winformusic.events.mail;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.EventMoved;
import org.winformusic.events.shared.EventTimes;

import org.springframework.context.MessageSource;

/**
 * What a moved event's email says changed: the date, the hours and the venue, each with
 * how it was before next to how it is now, each in the event's time zone then: the zone
 * registrants read the times in before a change of zone, the current one after it.
 *
 * @param what "la fecha y el horario", or null when nothing differs (or the message does
 * not know how the event was: a row written before that was kept)
 * @param whenBefore the date and hours before, when either changed; else null
 * @param whereBefore the venue before, when its name or address changed; else null
 */
record EventChangeWords(String what, String whenBefore, String whereBefore) {

	static final EventChangeWords UNKNOWN = new EventChangeWords(null, null, null);

	static EventChangeWords of(EventMoved.Before before, EventInfo now, MessageSource messages, EventTimes times,
			Locale locale) {
		if (before == null) {
			return UNKNOWN;
		}
		// The times before as registrants read them: in the zone the event had then.
		ZoneId zoneBefore = (before.zone() != null) ? before.zone() : now.zone();
		ZonedDateTime startedAt = before.startsAt().atZone(now.zone());
		ZonedDateTime endedAt = before.endsAt().atZone(now.zone());
		ZonedDateTime startsAt = now.startsAt().atZone(now.zone());
		ZonedDateTime endsAt = now.endsAt().atZone(now.zone());
		boolean date = !startedAt.toLocalDate().equals(startsAt.toLocalDate())
				|| !endedAt.toLocalDate().equals(endsAt.toLocalDate());
		boolean time = !startedAt.toLocalTime().equals(startsAt.toLocalTime())
				|| !endedAt.toLocalTime().equals(endsAt.toLocalTime());
		boolean venue = before.venueChanged(now);
		List<String> parts = new ArrayList<>();
		if (date) {
			parts.add(messages.getMessage("mail.EVENT_CHANGED.what.date", null, locale));
		}
		if (time) {
			parts.add(messages.getMessage("mail.EVENT_CHANGED.what.time", null, locale));
		}
		if (venue) {
			parts.add(messages.getMessage("mail.EVENT_CHANGED.what.venue", null, locale));
		}
		if (parts.isEmpty()) {
			return UNKNOWN;
		}
		String what = (parts.size() == 1) ? parts.get(0) : messages.getMessage("mail.EVENT_CHANGED.what.and",
				new Object[] { String.join(", ", parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1) },
				locale);
		return new EventChangeWords(what,
				(date || time) ? times.range(before.startsAt(), before.endsAt(), zoneBefore, locale) : null,
				venue ? before.venueName() + ", " + now.placeOf(before.venueAddress()) : null);
	}

}
