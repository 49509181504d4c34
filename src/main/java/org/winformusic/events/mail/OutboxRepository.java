package org.winformusic.events.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_message} table. Claiming is one statement ({@code FOR UPDATE SKIP
 * LOCKED} inside an UPDATE), so two senders never take the same row and no lock is held
 * while mail is on the wire.
 */
@Repository
class OutboxRepository {

	private static final String SUMMARY_COLUMNS = "id, kind, recipient, subject, status, attempts, next_attempt_at,"
			+ " sent_at, last_error, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	OutboxRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static String newMessageId() {
		return "<" + UUID.randomUUID() + "@win-events>";
	}

	/** Inserts a message due now; joins the caller's transaction. */
	long enqueue(NewMessage message) {
		return insert(message, "").orElseThrow();
	}

	/**
	 * Inserts a message unless a unique index says it exists already (the event
	 * reminder).
	 */
	boolean enqueueOnce(NewMessage message) {
		return insert(message, " on conflict do nothing").isPresent();
	}

	private Optional<Long> insert(NewMessage message, String conflict) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				insert into outbox_message (registration_id, event_id, kind, recipient, locale, subject, body_text,
				       body_html, attachment, inline_image, message_id, status, attempts, next_attempt_at, created_at)
				values (:registrationId, :eventId, :kind, :recipient, :locale, :subject, :text, :html, :attachment,
				       :inlineImage, :messageId, 'PENDING', 0, :now, :now)""" + conflict + " returning id")
			.param("registrationId", message.registrationId())
			.param("eventId", message.eventId())
			.param("kind", message.kind())
			.param("recipient", message.recipient())
			.param("locale", message.locale())
			.param("subject", message.subject())
			.param("text", message.text())
			.param("html", message.html())
			.param("attachment", message.attachment())
			.param("inlineImage", message.inlineImage(), Types.BINARY)
			.param("messageId", newMessageId())
			.param("now", now)
			.query(Long.class)
			.optional();
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
	 * Takes up to {@code limit} due messages for {@code instance}, counting the attempt.
	 */
	List<Claimed> claim(String instance, int limit) {
		return this.jdbc.sql("""
				with due as (
				    select id from outbox_message
				     where status = 'PENDING' and next_attempt_at <= :now
				     order by next_attempt_at, id
				     limit :limit
				       for update skip locked)
				update outbox_message o
				   set status = 'SENDING', locked_at = :now, locked_by = :instance, attempts = o.attempts + 1
				  from due
				 where o.id = due.id
				returning o.id, o.recipient, o.subject, o.body_text, o.body_html, o.attachment, o.inline_image,
				       o.message_id, o.attempts""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", limit)
			.param("instance", instance)
			.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("body_text"), rs.getString("body_html"), rs.getString("attachment"),
					rs.getBytes("inline_image"), rs.getString("message_id"), rs.getInt("attempts")))
			.list();
	}

	void markSent(Collection<Long> ids, String instance) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update outbox_message set status = 'SENT', sent_at = :now, locked_at = null, last_error = null
				 where id in (:ids) and status = 'SENDING' and locked_by = :instance""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("ids", ids)
			.param("instance", instance)
			.update();
	}

	void markRetry(long id, String instance, Instant nextAttempt, String error) {
		this.jdbc.sql("""
				update outbox_message set status = 'PENDING', next_attempt_at = :next, locked_at = null,
				       locked_by = null, last_error = :error
				 where id = :id and status = 'SENDING' and locked_by = :instance""")
			.param("next", Timestamp.from(nextAttempt))
			.param("error", error)
			.param("id", id)
			.param("instance", instance)
			.update();
	}

	void markFailed(long id, String instance, String error) {
		this.jdbc.sql("""
				update outbox_message set status = 'FAILED', locked_at = null, last_error = :error
				 where id = :id and status = 'SENDING' and locked_by = :instance""")
			.param("error", error)
			.param("id", id)
			.param("instance", instance)
			.update();
	}

	OutboxStats stats() {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				select count(*) filter (where status = 'PENDING') as pending,
				       count(*) filter (where status = 'SENDING') as sending,
				       count(*) filter (where status = 'FAILED') as failed,
				       min(next_attempt_at) filter (where status = 'PENDING' and next_attempt_at <= :now) as oldest_due
				  from outbox_message""").param("now", now).query((rs, n) -> {
			Timestamp oldest = rs.getTimestamp("oldest_due");
			long age = (oldest != null) ? Math.max(0, Duration.between(oldest.toInstant(), now.toInstant()).toSeconds())
					: 0;
			return new OutboxStats(rs.getLong("pending"), rs.getLong("sending"), rs.getLong("failed"), age);
		}).single();
	}

	List<OutboxSummary> page(OutboxStatus status, int offset, int limit) {
		String where = (status != null) ? " where status = '" + status.name() + "'" : "";
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from outbox_message" + where
					+ " order by created_at desc, id desc offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(OutboxRepository::summary)
			.list();
	}

	long count(OutboxStatus status) {
		// An enum constant, never user text, goes into the SQL.
		String where = (status != null) ? " where status = '" + status.name() + "'" : "";
		return this.jdbc.sql("select count(*) from outbox_message" + where).query(Long.class).single();
	}

	Optional<OutboxMessage> find(long id) {
		return this.jdbc.sql("select * from outbox_message where id = ?")
			.param(id)
			.query(OutboxRepository::message)
			.optional();
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

	/** A copy of a sent message, due now, under a new Message-ID. */
	Optional<Long> copyOfSent(long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				insert into outbox_message (registration_id, event_id, kind, recipient, locale, subject, body_text,
				       body_html, attachment, inline_image, message_id, status, attempts, next_attempt_at, resent_from,
				       created_at)
				select registration_id, event_id, kind, recipient, locale, subject, body_text, body_html, attachment,
				       inline_image, :messageId, 'PENDING', 0, :now, id, :now
				  from outbox_message where id = :id and status = 'SENT'
				returning id""")
			.param("messageId", newMessageId())
			.param("now", now)
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	private static OutboxSummary summary(ResultSet rs, int row) throws SQLException {
		return new OutboxSummary(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
				rs.getString("subject"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"),
				instant(rs, "created_at"));
	}

	private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getObject("registration_id", Long.class),
				rs.getObject("event_id", Long.class), rs.getString("kind"), rs.getString("recipient"),
				rs.getString("locale"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
				rs.getString("attachment"), rs.getString("message_id"), OutboxStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
				rs.getString("last_error"), rs.getObject("resent_from", Long.class), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A message to queue, already rendered.
	 *
	 * @param attachment the calendar file, or null
	 * @param inlineImage the check-in QR code PNG the HTML part shows, or null
	 */
	record NewMessage(Long registrationId, Long eventId, String kind, String recipient, String locale, String subject,
			String text, String html, String attachment, byte[] inlineImage) {
	}

	/** A message claimed for sending. */
	record Claimed(long id, String recipient, String subject, String text, String html, String attachment,
			byte[] inlineImage, String messageId, int attempts) {
	}

}
