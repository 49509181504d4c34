package org.winformusic.events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.winformusic.events.event.EventDays.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an event stands "today" is read in the event's own zone on the application's
 * clock, whatever the zone of the reader or the server: at 8:00 in Mexico City a workshop
 * that ended yesterday in Auckland ended on a day that is already over there, and an
 * evening workshop in New York on the night the clocks go back is today's there.
 */
class EventDaysStageTests {

	private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	@Test
	void atEightInMexicoCityEachWorkshopIsLabelledByItsOwnDay() {
		EventDays days = at(local("2027-03-15T08:00", MEXICO));

		assertThat(stage(days, "2027-03-15T07:00", "2027-03-15T12:00", MEXICO)).isEqualTo(Stage.RUNNING);
		assertThat(stage(days, "2027-03-15T10:00", "2027-03-15T14:00", MEXICO)).isEqualTo(Stage.TODAY);
		assertThat(stage(days, "2027-03-15T05:00", "2027-03-15T07:30", MEXICO)).isEqualTo(Stage.ENDED_TODAY);
		assertThat(stage(days, "2027-03-14T18:00", "2027-03-14T22:00", MEXICO)).isEqualTo(Stage.ENDED);
		assertThat(stage(days, "2027-03-16T10:00", "2027-03-16T14:00", MEXICO)).isEqualTo(Stage.COMING);
		// 15:00 in Madrid: its evening workshop is later today there.
		assertThat(stage(days, "2027-03-15T18:00", "2027-03-15T21:00", MADRID)).isEqualTo(Stage.TODAY);
		// 3:00 on the 16th in Auckland: the 15th's workshop (ended at 1:00 UTC, today's
		// date in UTC) ended before today there; the 16th's is today's.
		assertThat(stage(days, "2027-03-15T10:00", "2027-03-15T14:00", AUCKLAND)).isEqualTo(Stage.ENDED);
		assertThat(stage(days, "2027-03-16T10:00", "2027-03-16T14:00", AUCKLAND)).isEqualTo(Stage.TODAY);
	}

	/**
	 * Just after midnight at the door: a party still running is under way, one that ended
	 * late yesterday, or at midnight itself, ended before today; one that ended a quarter
	 * of an hour ago ended today.
	 */
	@Test
	void justAfterMidnightAnEventRunningOnIsUnderWayAndOneEndedYesterdayIsNotToday() {
		EventDays days = at(local("2031-03-15T00:30", MEXICO));

		assertThat(stage(days, "2031-03-14T21:00", "2031-03-15T02:00", MEXICO)).isEqualTo(Stage.RUNNING);
		assertThat(stage(days, "2031-03-14T21:30", "2031-03-15T00:15", MEXICO)).isEqualTo(Stage.ENDED_TODAY);
		assertThat(stage(days, "2031-03-14T19:00", "2031-03-14T23:00", MEXICO)).isEqualTo(Stage.ENDED);
		assertThat(stage(days, "2031-03-14T20:00", "2031-03-15T00:00", MEXICO)).isEqualTo(Stage.ENDED);
	}

	@Test
	void theDayOfTheClockChangeIsReadWithThatDaysOffsets() {
		// 00:30 in New York (EDT) on the night its clocks go back at 2:00: a workshop at
		// 23:30 (EST, five hours behind UTC) is today's, though four hours behind UTC it
		// would be tomorrow's.
		EventDays days = at(local("2027-11-07T00:30", NEW_YORK));

		assertThat(stage(days, "2027-11-07T23:30", "2027-11-07T23:59", NEW_YORK)).isEqualTo(Stage.TODAY);
		assertThat(stage(days, "2027-11-08T00:30", "2027-11-08T02:00", NEW_YORK)).isEqualTo(Stage.COMING);
	}

	@Test
	void onlyStagesOfTodayOrThePastCarryALabel() {
		assertThat(Stage.COMING.label()).isNull();
		assertThat(Stage.TODAY.label()).isEqualTo("event.stage.TODAY");
		assertThat(Stage.ENDED.label()).isEqualTo("event.stage.ENDED");
	}

	private static EventDays at(Instant now) {
		return new EventDays(null, Clock.fixed(now, ZoneOffset.UTC));
	}

	private static Stage stage(EventDays days, String start, String end, ZoneId zone) {
		return days.stage(local(start, zone), local(end, zone), zone);
	}

	private static Instant local(String local, ZoneId zone) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

}
