package org.winformusic.events.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_message} table as staff and monitoring read it: the backlog, the
 * list, one message. The sender's claims and marks are {@link OutboxRepository}'s.
 */
@Repository
class OutboxViews {

	private static final String SUMMARY_COLUMNS = "id, event_id, kind, recipient, subject, status, attempts, next_attempt_at,"
			+ " sent_at, last_error, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	OutboxViews(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	OutboxStats stats() {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("""
				select count(*) filter (where status = 'PENDING') as pending,
				       count(*) filter (where status = 'SENDING') as sending,
				       count(*) filter (where status = 'FAILED') as failed,
				       min(next_attempt_at) filter (where status = 'PENDING' and next_attempt_at <= :now) as oldest_due,
				       min(created_at) filter (where status in ('PENDING', 'SENDING')) as oldest_waiting
				  from outbox_message""").param("now", now).query((rs, n) -> {
			return new OutboxStats(rs.getLong("pending"), rs.getLong("sending"), rs.getLong("failed"),
					secondsSince(rs.getTimestamp("oldest_due"), now),
					secondsSince(rs.getTimestamp("oldest_waiting"), now));
		}).single();
	}

	private static long secondsSince(Timestamp then, Timestamp now) {
		return (then != null) ? Math.max(0, Duration.between(then.toInstant(), now.toInstant()).toSeconds()) : 0;
	}

	/** A page of the messages up to id {@code upTo}, newest first. */
	List<OutboxSummary> page(OutboxStatus status, long upTo, int offset, int limit) {
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from outbox_message" + where(status)
					+ " and id <= :upTo order by created_at desc, id desc offset :offset limit :limit")
			.param("upTo", upTo)
			.param("offset", offset)
			.param("limit", limit)
			.query(OutboxViews::summary)
			.list();
	}

	/**
	 * How many messages there are up to id {@code upTo} (null: all) and the newest id
	 * among them (0 when none).
	 */
	Counted count(OutboxStatus status, Long upTo) {
		return this.jdbc
			.sql("select count(*), coalesce(max(id), 0) from outbox_message" + where(status)
					+ " and id <= coalesce(:upTo, id)")
			.param("upTo", upTo, java.sql.Types.BIGINT)
			.query((rs, n) -> new Counted(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private static String where(OutboxStatus status) {
		// An enum constant, never user text, goes into the SQL.
		return (status != null) ? " where status = '" + status.name() + "'" : " where true";
	}

	record Counted(long total, long newestId) {
	}

	Optional<OutboxMessage> find(long id) {
		return this.jdbc.sql("select * from outbox_message where id = ?")
			.param(id)
			.query(OutboxViews::message)
			.optional();
	}

	private static OutboxSummary summary(ResultSet rs, int row) throws SQLException {
		return new OutboxSummary(rs.getLong("id"), rs.getObject("event_id", Long.class), rs.getString("kind"),
				rs.getString("recipient"), rs.getString("subject"), OutboxStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
				rs.getString("last_error"), instant(rs, "created_at"));
	}

	private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getObject("registration_id", Long.class),
				rs.getObject("event_id", Long.class), rs.getString("kind"), rs.getString("recipient"),
				rs.getString("locale"), rs.getString("subject"), rs.getString("message_id"),
				OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				instant(rs, "sent_at"), rs.getString("last_error"), rs.getObject("resent_from", Long.class),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
