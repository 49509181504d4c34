package org.winformusic.events.event;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An event's day where it takes place: the door's "today" begins at midnight of the
 * event's first day in the event's own time zone, whatever the server's zone. The door's
 * list of events puts such an event first ({@link EventLists#forTheDoor}) and arrivals
 * are recorded only from then on: one rule, {@link #BEGUN}, for both. Staff lists say
 * where each event stands that day ({@link #stage}); an event that ended before the day's
 * midnight there ({@link #DAY_BEGAN}) is not today's, one still running past it is.
 */
@Service
public class EventDays {

	/**
	 * SQL: whether the first day of the event {@code e} had begun at the time given by
	 * the one parameter, a {@code timestamptz}: it starts before the midnight that ends
	 * that time's day where the event takes place.
	 */
	static final String BEGUN = """
			e.starts_at < (date_trunc('day', cast(? as timestamptz) at time zone e.time_zone)
			               + interval '1 day') at time zone e.time_zone""";

	/**
	 * SQL: the midnight that began, where the event {@code e} takes place, the day of the
	 * time given by the one parameter (a {@code timestamptz}). An event that ended by
	 * then ended on an earlier day there: at 0:30 a party that ended at 23:00, or at
	 * midnight, is yesterday's.
	 */
	static final String DAY_BEGAN = """
			(date_trunc('day', cast(? as timestamptz) at time zone e.time_zone) at time zone e.time_zone)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	EventDays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the event's first day has begun where it takes place (read exactly). */
	public boolean begun(long eventId) {
		return begunBy(eventId, this.clock.instant());
	}

	/**
	 * The events whose day it is where they take place: their first day has begun there
	 * and they have not ended (read exactly, one query).
	 */
	public List<Long> today() {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("select e.id from event e where " + BEGUN + " and e.ends_at > ?")
			.params(now, now)
			.query(Long.class)
			.list();
	}

	/**
	 * Whether the event's first day had begun at {@code when} where it takes place (read
	 * exactly); false for no such event.
	 */
	public boolean begunBy(long eventId, Instant when) {
		return this.jdbc.sql("select " + BEGUN + " from event e where e.id = ?")
			.params(Timestamp.from(when), eventId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Where an event stands now, read on the application's clock in the event's own zone:
	 * staff lists label today's events so a door volunteer picks the right one at a
	 * glance.
	 */
	public Stage stage(Instant start, Instant end, ZoneId zone) {
		Instant now = this.clock.instant();
		LocalDate today = now.atZone(zone).toLocalDate();
		if (!now.isBefore(end)) {
			// Ended at midnight: yesterday's, as the door's list has it (DAY_BEGAN).
			return end.isAfter(today.atStartOfDay(zone).toInstant()) ? Stage.ENDED_TODAY : Stage.ENDED;
		}
		if (!now.isBefore(start)) {
			return Stage.RUNNING;
		}
		return start.atZone(zone).toLocalDate().equals(today) ? Stage.TODAY : Stage.COMING;
	}

	/**
	 * An event's stage: still to come on another day, later today where it takes place,
	 * under way, ended earlier today there, ended before today.
	 */
	public enum Stage {

		COMING, TODAY, RUNNING, ENDED_TODAY, ENDED;

		/** The message key of the label staff lists show; null for none (coming). */
		public String label() {
			return (this == COMING) ? null : "event.stage." + name();
		}

	}

}
