package org.winformusic.events.registration;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where seats ({@code event_seat}, one row per seat) are claimed and
 * released, outside the registering statement of {@link PublicRegistrations} (which
 * claims in the same statement that inserts, to keep the hot path one round trip). Staff
 * changes and {@link WaitlistPromoter} share it, so every path claims the lowest free
 * seat the same way: {@code FOR UPDATE SKIP LOCKED}, never waiting for another
 * transaction. Runs in the caller's transaction.
 */
@Component
class Seats {

	private static final String CLAIM = """
			update event_seat set registration_id = :id
			 where (event_id, seat_no) = (select event_id, seat_no from event_seat
			                               where event_id = :eventId and registration_id is null
			                               order by seat_no limit 1 for update skip locked)
			returning seat_no
			""";

	/**
	 * Pairs the oldest waitlisted registrations with the lowest free seats, locking only
	 * as many rows as can be paired and skipping rows other transactions hold.
	 */
	private static final String PROMOTE = """
			with waiting as (
			    select id, row_number() over (order by waitlist_seq) as n
			      from (select id, waitlist_seq from registration
			             where event_id = :eventId and status = 'WAITLISTED'
			             order by waitlist_seq
			             limit (select count(*) from event_seat where event_id = :eventId and registration_id is null)
			             for update skip locked) w
			), free as (
			    select seat_no, row_number() over (order by seat_no) as n
			      from (select seat_no from event_seat
			             where event_id = :eventId and registration_id is null
			             order by seat_no
			             limit (select count(*) from waiting)
			             for update skip locked) f
			), pairs as (
			    select waiting.id, free.seat_no from waiting join free using (n)
			), seats as (
			    update event_seat s set registration_id = pairs.id
			      from pairs where s.event_id = :eventId and s.seat_no = pairs.seat_no
			), promoted as (
			    update registration r
			       set status = 'CONFIRMED', confirmed_at = :now, updated_at = :now, waitlist_seq = null,
			           version = r.version + 1
			      from pairs where r.id = pairs.id
			    returning r.id, r.locale, pairs.seat_no
			)
			select id, locale from promoted order by seat_no
			""";

	private final JdbcClient jdbc;

	Seats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Gives the lowest free seat nobody holds locked to a registration. */
	boolean claim(long registrationId, long eventId) {
		return this.jdbc.sql(CLAIM)
			.param("id", registrationId)
			.param("eventId", eventId)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** Frees the seat a registration holds, if any. */
	void release(long registrationId) {
		this.jdbc.sql("update event_seat set registration_id = null where registration_id = ?")
			.param(registrationId)
			.update();
	}

	/**
	 * Confirms the oldest waitlisted registrations of an event into its free seats.
	 * @return the registrations confirmed, in waitlist order
	 */
	List<Promoted> promoteWaitlist(long eventId, OffsetDateTime now) {
		return this.jdbc.sql(PROMOTE)
			.param("eventId", eventId)
			.param("now", now)
			.query((rs, n) -> new Promoted(rs.getLong("id"), rs.getString("locale")))
			.list();
	}

	/** A registration given a seat from the waitlist, and its language. */
	record Promoted(long id, String locale) {
	}

	/** Adds one seat to the event, held by the registration ("exceed capacity"). */
	void addHeldSeat(long eventId, long registrationId) {
		this.jdbc.sql("""
				insert into event_seat (event_id, seat_no, registration_id)
				select :eventId, coalesce(max(seat_no), 0) + 1, :id from event_seat where event_id = :eventId
				""").param("eventId", eventId).param("id", registrationId).update();
	}

	/** How many seats the event has, how many are held, and the highest seat number. */
	Count count(long eventId) {
		return this.jdbc.sql(
				"select count(*), count(registration_id), coalesce(max(seat_no), 0) from event_seat where event_id = ?")
			.param(eventId)
			.query((rs, n) -> new Count(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	/** The seats of a new event, all free, numbered from 1. */
	void open(long eventId, int seats) {
		addFree(eventId, new Count(0, 0, 0), seats);
	}

	/** Adds free seats numbered after the highest one. */
	void addFree(long eventId, Count current, int seats) {
		this.jdbc.sql("""
				insert into event_seat (event_id, seat_no)
				select :eventId, n from generate_series(:from, :to) n
				""")
			.param("eventId", eventId)
			.param("from", current.highest() + 1)
			.param("to", current.highest() + seats)
			.update();
	}

	/**
	 * Removes up to {@code seats} free seats, highest numbers first.
	 * @return how many were removed
	 */
	int removeFree(long eventId, int seats) {
		return this.jdbc.sql("""
				delete from event_seat where (event_id, seat_no) in (
				    select event_id, seat_no from event_seat
				     where event_id = :eventId and registration_id is null
				     order by seat_no desc limit :remove for update)
				""").param("eventId", eventId).param("remove", seats).update();
	}

	/** An event's seats: all of them, those held, and the highest seat number. */
	record Count(int total, int held, int highest) {
	}

}
