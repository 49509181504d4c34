package org.winformusic.events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.event.EventDays.Stage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door volunteer's chooser just after midnight (0:30 in Mexico City, on a fixed
 * clock): an event still running past midnight is today's and under way; one that ended
 * late yesterday, or at midnight, is not today's but a past one, though it ended less
 * than three hours ago; each read in its own zone (in Honolulu it is still the evening
 * before, so an event that ended there half an hour ago is today's).
 */
@IntegrationTest
class DoorChooserAfterMidnightTests {

	private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

	private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");

	private static final Clock HALF_PAST_MIDNIGHT = Clock
		.fixed(LocalDateTime.parse("2031-03-15T00:30").atZone(MEXICO).toInstant(), ZoneOffset.UTC);

	@Autowired
	JdbcClient jdbc;

	/** Each event's slug, start and end, by name. */
	final Map<String, Instant[]> times = new LinkedHashMap<>();

	final Map<String, String> slugs = new LinkedHashMap<>();

	@Test
	void justAfterMidnightTheChooserPutsAnEventStillRunningFirstAndOneEndedYesterdayWithThePastOnes() {
		event("ended yesterday at 23:00", "2031-03-14T18:30", "2031-03-14T23:00", MEXICO);
		event("ended at midnight", "2031-03-14T20:00", "2031-03-15T00:00", MEXICO);
		event("running past midnight", "2031-03-14T21:00", "2031-03-15T02:00", MEXICO);
		event("ended at 0:15", "2031-03-14T21:30", "2031-03-15T00:15", MEXICO);
		event("later today", "2031-03-15T10:00", "2031-03-15T14:00", MEXICO);
		event("tomorrow", "2031-03-16T10:00", "2031-03-16T14:00", MEXICO);
		// 20:30 on the 14th in Honolulu.
		event("ended in Honolulu half an hour ago", "2031-03-14T15:00", "2031-03-14T20:00", HONOLULU);

		EventLists lists = new EventLists(this.jdbc, HALF_PAST_MIDNIGHT);
		EventDays days = new EventDays(this.jdbc, HALF_PAST_MIDNIGHT);

		// Today's first, by start; then the coming one; then the past ones, latest first.
		assertThat(chooser(lists)).containsExactly("ended in Honolulu half an hour ago", "running past midnight",
				"ended at 0:15", "later today", "tomorrow", "ended at midnight", "ended yesterday at 23:00");
		assertThat(stage(days, "running past midnight")).isEqualTo(Stage.RUNNING);
		assertThat(stage(days, "ended at 0:15")).isEqualTo(Stage.ENDED_TODAY);
		assertThat(stage(days, "ended in Honolulu half an hour ago")).isEqualTo(Stage.ENDED_TODAY);
		assertThat(stage(days, "later today")).isEqualTo(Stage.TODAY);
		assertThat(stage(days, "ended yesterday at 23:00")).isEqualTo(Stage.ENDED);
		assertThat(stage(days, "ended at midnight")).isEqualTo(Stage.ENDED);
	}

	private void event(String name, String start, String end, ZoneId zone) {
		Instant startsAt = LocalDateTime.parse(start).atZone(zone).toInstant();
		Instant endsAt = LocalDateTime.parse(end).atZone(zone).toInstant();
		TestEvents.Created created = new TestEvents(this.jdbc).event().slugPrefix("after-midnight").create();
		this.jdbc.sql("update event set starts_at = ?, ends_at = ?, time_zone = ? where id = ?")
			.params(java.sql.Timestamp.from(startsAt), java.sql.Timestamp.from(endsAt), zone.getId(), created.id())
			.update();
		this.slugs.put(created.slug(), name);
		this.times.put(name, new Instant[] { startsAt, endsAt });
	}

	private Stage stage(EventDays days, String name) {
		Instant[] at = this.times.get(name);
		return days.stage(at[0], at[1], name.contains("Honolulu") ? HONOLULU : MEXICO);
	}

	/** This test's events in the chooser's order, every page of it, by name. */
	private List<String> chooser(EventLists lists) {
		List<String> names = new ArrayList<>();
		int pages = 1;
		for (int page = 0; page < pages; page++) {
			Page<EventLists.Listed> listed = lists.forTheDoor(Locale.ENGLISH, page, 200);
			pages = listed.getTotalPages();
			listed.forEach((event) -> {
				if (this.slugs.containsKey(event.slug())) {
					names.add(this.slugs.get(event.slug()));
				}
			});
		}
		return names;
	}

}
