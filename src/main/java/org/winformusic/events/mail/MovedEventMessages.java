package org.winformusic.events.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import org.winformusic.events.event.EventMoved;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox rows of moved events' emails ({@code EVENT_CHANGED}) keep when and where the
 * event was before the change, so the email, composed when it is sent, can say what
 * changed: the event's public schedule and venue, nothing personal.
 */
@Repository
class MovedEventMessages {

	private final JdbcClient jdbc;

	private final Clock clock;

	MovedEventMessages(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues a moved event's email with when and where the event was before, unless one
	 * for the registration still waits to be sent: that one tells this change too (it is
	 * composed from the event as it is when sent) and keeps its own "before", the event's
	 * as of the first change nobody was told of yet. The waiting row is locked, so a
	 * sender cannot take it meanwhile; one a sender took already (SENDING) may go out
	 * composed from the event before this change: a new row is queued then.
	 * @return whether a row was queued
	 */
	boolean enqueue(RegistrationMessage message) {
		Timestamp now = Timestamp.from(this.clock.instant());
		EventMoved.Before before = message.movedFrom();
		return this.jdbc.sql("""
				with waiting as (
				    select id from outbox_message
				     where registration_id = :registrationId and kind = 'EVENT_CHANGED' and status = 'PENDING'
				       for update)
				insert into outbox_message (registration_id, event_id, kind, recipient, locale, message_id, status,
				       attempts, next_attempt_at, created_at, moved_from_starts_at, moved_from_ends_at,
				       moved_from_venue_name, moved_from_venue_address, moved_from_time_zone)
				select :registrationId, :eventId, 'EVENT_CHANGED', null, :locale, :messageId, 'PENDING', 0, :now, :now,
				       :startsAt, :endsAt, :venueName, :venueAddress, :zone
				 where not exists (select 1 from waiting)""")
			.param("registrationId", message.registrationId())
			.param("eventId", message.eventId())
			.param("locale", message.locale())
			.param("messageId", OutboxRepository.newMessageId())
			.param("now", now)
			.param("startsAt", (before != null) ? Timestamp.from(before.startsAt()) : null, Types.TIMESTAMP)
			.param("endsAt", (before != null) ? Timestamp.from(before.endsAt()) : null, Types.TIMESTAMP)
			.param("venueName", (before != null) ? before.venueName() : null, Types.VARCHAR)
			.param("venueAddress", (before != null) ? before.venueAddress() : null, Types.VARCHAR)
			.param("zone", (before != null && before.zone() != null) ? before.zone().getId() : null, Types.VARCHAR)
			.update() == 1;
	}

	/**
	 * When and where the event was before the change a moved event's message tells, or
	 * null (another kind, or a row written before this was kept).
	 */
	EventMoved.Before movedFrom(long id) {
		return this.jdbc.sql("""
				select moved_from_starts_at, moved_from_ends_at, moved_from_venue_name, moved_from_venue_address,
				       moved_from_time_zone
				  from outbox_message where id = ?""")
			.param(id)
			.query((rs, n) -> Optional.ofNullable(movedFrom(rs)))
			.optional()
			.flatMap((found) -> found)
			.orElse(null);
	}

	static EventMoved.Before movedFrom(ResultSet rs) throws SQLException {
		Timestamp startsAt = rs.getTimestamp("moved_from_starts_at");
		String zone = rs.getString("moved_from_time_zone");
		return (startsAt == null) ? null
				: new EventMoved.Before(startsAt.toInstant(), rs.getTimestamp("moved_from_ends_at").toInstant(),
						rs.getString("moved_from_venue_name"), rs.getString("moved_from_venue_address"),
						(zone != null) ? ZoneId.of(zone) : null);
	}

}
