package org.winformusic.events.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A time typed in the event editor that happens twice in the event's zone: 01:30 on the
 * night New York's clocks go back from 02:00 to 01:00. The editor saves the first one,
 * before the change (how iCalendar, RFC 5545, reads a local time that occurs twice, and
 * Java's default), and says so after the save, so an organizer who meant the second one
 * knows. A time that does not happen at all (the hour the clocks skip) is refused instead
 * ({@link EventFormTimes#CLOCKS_CHANGE}).
 *
 * @param field the form's field ({@code startsAt}, {@code endsAt},
 * {@code registrationOpensAt}, {@code registrationClosesAt})
 * @param saved the instant saved: the first of the two
 * @param zone the event's zone
 * @param offset the zone's offset from UTC at the saved instant, before the change
 */
public record RepeatedTime(String field, Instant saved, ZoneId zone, ZoneOffset offset) {

	/**
	 * The form's times that happen twice in its zone, in the form's order; none when the
	 * zone or a time cannot be read (the editor's checks say why).
	 */
	public static List<RepeatedTime> in(EventForm form) {
		ZoneId zone = EventFormTimes.zone(form.timeZone());
		List<RepeatedTime> repeated = new ArrayList<>();
		if (zone == null) {
			return repeated;
		}
		Map<String, String> times = new LinkedHashMap<>();
		times.put("startsAt", form.startsAt());
		times.put("endsAt", form.endsAt());
		times.put("registrationOpensAt", form.registrationOpensAt());
		times.put("registrationClosesAt", form.registrationClosesAt());
		times.forEach((field, local) -> {
			Instant saved = EventFormTimes.parse(local, zone);
			if (saved != null && twice(LocalDateTime.ofInstant(saved, zone), zone)) {
				repeated.add(new RepeatedTime(field, saved, zone, zone.getRules().getOffset(saved)));
			}
		});
		return repeated;
	}

	private static boolean twice(LocalDateTime local, ZoneId zone) {
		return zone.getRules().getValidOffsets(local).size() > 1;
	}

}
