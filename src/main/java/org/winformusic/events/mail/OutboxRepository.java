package org.winformusic.events.mail;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.winformusic.events.event.EventMoved;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_message} table as the business changes and the sender write it (staff
 * read it through {@link OutboxViews}). Claiming is one statement ({@code FOR UPDATE SKIP
 * LOCKED} inside an UPDATE), so two senders never take the same row and no lock is held
 * while mail is on the wire.
 */
@Repository
class OutboxRepository {

	/** The skip reason of a message whose registration no longer exists. */
	static final String GONE = "GONE";

	/**
	 * The skip reason of a changed-address message whose address the registration no
	 * longer holds (changed again), or holds again (changed back: nothing to tell).
	 */
	static final String ADDRESS_CHANGED = "ADDRESS_CHANGED";

	/**
	 * The skip reason of an old address's notice when no email of the registration ever
	 * went to that address: there is nothing to correct there.
	 */
	static final String ADDRESS_UNUSED = "ADDRESS_UNUSED";

	/**
	 * The skip reason of a new address's confirmation whose change no longer waits: a
	 * newer request replaced it, or it was cancelled or expired, before it went out.
	 */
	static final String CHANGE_WITHDRAWN = "CHANGE_WITHDRAWN";

	/** The skip reason of a moved event's message once the event is back as it was. */
	static final String EVENT_UNCHANGED = "EVENT_UNCHANGED";

	/** The kinds of message this build composes, by name. */
	static final List<String> KNOWN_KINDS = Arrays.stream(RegistrationMessage.Type.values()).map(Enum::name).toList();

	private final JdbcClient jdbc;

	private final Clock clock;

	OutboxRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static String newMessageId() {
		return "<" + UUID.randomUUID() + "@win-events>";
	}

	/**
	 * Queues a message due now, in the caller's transaction: one insert, nothing
	 * rendered. The recipient is left to the sender (the registration's address then),
	 * except for a message about a changed address, which keeps the address it is about
	 * ({@link RegistrationMessage#address()}). Not for a moved event's message
	 * ({@link MovedEventMessages#enqueue}).
	 * @return false when (with {@code once}) a unique index says the message exists
	 * already (the event reminder)
	 */
	boolean enqueue(RegistrationMessage message, boolean once) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc
			.sql("""
					insert into outbox_message (registration_id, event_id, kind, recipient, locale, message_id, status,
					       attempts, next_attempt_at, created_at)
					values (:registrationId, :eventId, :kind, :recipient, :locale, :messageId, 'PENDING', 0, :now, :now)"""
					+ (once ? " on conflict do nothing" : ""))
			.param("registrationId", message.registrationId())
			.param("eventId", message.eventId())
			.param("kind", message.type().name())
			.param("recipient", message.address(), Types.VARCHAR)
			.param("locale", message.locale())
			.param("messageId", newMessageId())
			.param("now", now)
			.update() == 1;
	}

	/**
	 * Whether an email of the registration went out to {@code address} (a changed address
	 * is told of the change only if it was written to before).
	 */
	boolean wasSentTo(long registrationId, String address) {
		return this.jdbc.sql("""
				select exists (select 1 from outbox_message
				                where registration_id = ? and status = 'SENT' and lower(recipient) = lower(?))""")
			.params(registrationId, address)
			.query(Boolean.class)
			.single();
	}

	/** Puts messages left in SENDING by a crashed or stalled sender back in the queue. */
	int requeueStuck(Duration timeout) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update outbox_message set status = 'PENDING', locked_at = null, locked_by = null, next_attempt_at = :now
				 where status = 'SENDING' and locked_at < :limit""")
			.param("now", Timestamp.from(now))
			.param("limit", Timestamp.from(now.minus(timeout)))
			.update();
	}

	/**
	 * Puts back claimed messages that were never handed to SMTP: PENDING, due now, the
	 * attempt not counted.
	 */
	int release(String instance, List<Long> ids) {
		return this.jdbc.sql("""
				update outbox_message set status = 'PENDING', locked_at = null, locked_by = null,
				       attempts = greatest(attempts - 1, 0), next_attempt_at = ?
				 where status = 'SENDING' and locked_by = ? and id = any(?::bigint[])""")
			.params(Timestamp.from(this.clock.instant()), instance, ids.stream().mapToLong(Long::longValue).toArray())
			.update();
	}

	/**
	 * On shutdown: puts back everything this instance holds in SENDING except the rows on
	 * the wire ({@code busy}).
	 */
	int releaseAllBut(String instance, List<Long> busy) {
		return this.jdbc.sql("""
				update outbox_message set status = 'PENDING', locked_at = null, locked_by = null,
				       attempts = greatest(attempts - 1, 0), next_attempt_at = ?
				 where status = 'SENDING' and locked_by = ? and not (id = any(?::bigint[]))""")
			.params(Timestamp.from(this.clock.instant()), instance, busy.stream().mapToLong(Long::longValue).toArray())
			.update();
	}

	/**
	 * Takes up to {@code limit} due messages for {@code instance}, counting the attempt.
	 * Only kinds this build can compose are taken: during a rolling upgrade, an email of
	 * a kind added by a newer build waits for an instance of that build instead of being
	 * skipped here (and lost).
	 */
	List<Claimed> claim(String instance, int limit) {
		return this.jdbc.sql("""
				with due as (
				    select id from outbox_message
				     where status = 'PENDING' and next_attempt_at <= :now and kind in (:kinds)
				     order by next_attempt_at, id
				     limit :limit
				       for update skip locked)
				update outbox_message o
				   set status = 'SENDING', locked_at = :now, locked_by = :instance, attempts = o.attempts + 1
				  from due
				 where o.id = due.id
				returning o.id, o.registration_id, o.kind, o.message_id, o.attempts, o.recipient,
				          o.moved_from_starts_at, o.moved_from_ends_at, o.moved_from_venue_name,
				          o.moved_from_venue_address, o.moved_from_time_zone""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", limit)
			.param("instance", instance)
			.param("kinds", KNOWN_KINDS)
			.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getObject("registration_id", Long.class),
					rs.getString("kind"), rs.getString("message_id"), rs.getInt("attempts"), rs.getString("recipient"),
					MovedEventMessages.movedFrom(rs)))
			.list();
	}

	/**
	 * Records what was sent: the address and subject it went out with, and the time; one
	 * statement for the batch.
	 */
	void markSent(List<Sent> sent, String instance) {
		if (sent.isEmpty()) {
			return;
		}
		long[] ids = new long[sent.size()];
		String[] recipients = new String[ids.length];
		String[] subjects = new String[ids.length];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = sent.get(i).id();
			recipients[i] = sent.get(i).recipient();
			subjects[i] = sent.get(i).subject();
		}
		this.jdbc.sql("""
				update outbox_message o
				   set status = 'SENT', sent_at = ?, locked_at = null, last_error = null, recipient = s.recipient,
				       subject = s.subject
				  from unnest(?::bigint[], ?::varchar[], ?::varchar[]) as s (id, recipient, subject)
				 where o.id = s.id and o.status = 'SENDING' and o.locked_by = ?""")
			.params(Timestamp.from(this.clock.instant()), ids, recipients, subjects, instance)
			.update();
	}

	/** A temporary failure: due again at {@code nextAttempt}. */
	void markRetry(long id, String instance, Instant nextAttempt, String error, Sent attempted) {
		this.jdbc.sql("""
				update outbox_message set status = 'PENDING', next_attempt_at = :next, locked_at = null,
				       locked_by = null, last_error = :error, recipient = coalesce(:recipient, recipient),
				       subject = coalesce(:subject, subject)
				 where id = :id and status = 'SENDING' and locked_by = :instance""")
			.param("next", Timestamp.from(nextAttempt))
			.param("error", error)
			.param("recipient", (attempted != null) ? attempted.recipient() : null, Types.VARCHAR)
			.param("subject", (attempted != null) ? attempted.subject() : null, Types.VARCHAR)
			.param("id", id)
			.param("instance", instance)
			.update();
	}

	void markFailed(long id, String instance, String error, Sent attempted) {
		this.jdbc.sql("""
				update outbox_message set status = 'FAILED', locked_at = null, last_error = :error,
				       recipient = coalesce(:recipient, recipient), subject = coalesce(:subject, subject)
				 where id = :id and status = 'SENDING' and locked_by = :instance""")
			.param("error", error)
			.param("recipient", (attempted != null) ? attempted.recipient() : null, Types.VARCHAR)
			.param("subject", (attempted != null) ? attempted.subject() : null, Types.VARCHAR)
			.param("id", id)
			.param("instance", instance)
			.update();
	}

	/**
	 * Not sent because it no longer applied; {@code reason} is the registration's status
	 * then, {@link #GONE}, {@link #ADDRESS_CHANGED}, {@link #ADDRESS_UNUSED},
	 * {@link #CHANGE_WITHDRAWN} or {@link #EVENT_UNCHANGED}. A changed-address message
	 * forgets the address it was about: nothing went there.
	 */
	void markSkipped(long id, String instance, String reason) {
		this.jdbc
			.sql("""
					update outbox_message set status = 'SKIPPED', locked_at = null, last_error = :reason,
					       recipient = case when kind in ('EMAIL_CHANGED', 'EMAIL_CHANGED_OLD', 'EMAIL_CONFIRM') then null else recipient end
					 where id = :id and status = 'SENDING' and locked_by = :instance""")
			.param("reason", reason)
			.param("id", id)
			.param("instance", instance)
			.update();
	}

	/** Due now again with a fresh count of attempts, keeping its Message-ID. */
	boolean requeue(long id) {
		return this.jdbc.sql("""
				update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = :now, locked_at = null,
				       locked_by = null, last_error = null
				 where id = :id and status in ('PENDING', 'FAILED')""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * A copy of a sent message, due now, under a new Message-ID; composed afresh when it
	 * is sent, like any message. A message about a changed address keeps the address it
	 * is about; a moved event's keeps when and where the event was before.
	 */
	Optional<Long> copyOfSent(long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc
			.sql("""
					insert into outbox_message (registration_id, event_id, kind, recipient, locale, message_id, status,
					       attempts, next_attempt_at, resent_from, created_at, moved_from_starts_at, moved_from_ends_at,
					       moved_from_venue_name, moved_from_venue_address, moved_from_time_zone)
					select registration_id, event_id, kind,
					       case when kind in ('EMAIL_CHANGED', 'EMAIL_CHANGED_OLD', 'EMAIL_CONFIRM') then recipient end, locale, :messageId,
					       'PENDING', 0, :now, id, :now, moved_from_starts_at, moved_from_ends_at, moved_from_venue_name,
					       moved_from_venue_address, moved_from_time_zone
					  from outbox_message where id = :id and status = 'SENT' and registration_id is not null
					returning id""")
			.param("messageId", newMessageId())
			.param("now", now)
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	/**
	 * A message claimed for sending: what must be sent, composed by the sender.
	 * {@code address} is the stored recipient: the address a changed-address message is
	 * about; for other kinds only the address an earlier attempt used, never read.
	 * {@code movedFrom}: for a moved event's message, when and where the event was before
	 * (null for other kinds, and for rows written before it was kept).
	 */
	record Claimed(long id, Long registrationId, String kind, String messageId, int attempts, String address,
			EventMoved.Before movedFrom) {
	}

	/** What a message went out with. */
	record Sent(long id, String recipient, String subject) {
	}

}
