package org.winformusic.events.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the outbox holds about one person, for their access and erasure rights: the emails
 * sent to a registration, and removing them when its data is erased or its retention
 * period ends. Kept to plain statements on {@code outbox_message} so it does not depend
 * on which columns a message stores.
 */
@Component
public class OutboxErasure {

	private final JdbcClient jdbc;

	OutboxErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The emails of a registration, oldest first, each with the address it went to (an
	 * old one too, after a change). The subject is null until sent.
	 */
	@Transactional(readOnly = true)
	public List<SentEmail> emailsOf(long registrationId) {
		return this.jdbc.sql("""
				select id, kind, recipient, subject, status, created_at, sent_at from outbox_message
				 where registration_id = ? order by created_at, id
				""").param(registrationId).query(OutboxErasure::email).list();
	}

	/**
	 * Deletes every message of these registrations, sent or waiting: a waiting one would
	 * otherwise still go out to an erased address.
	 * @return how many messages were deleted
	 */
	@Transactional
	public int deleteFor(List<Long> registrationIds) {
		if (registrationIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("delete from outbox_message where registration_id in (:ids)")
			.param("ids", registrationIds)
			.update();
	}

	private static SentEmail email(ResultSet rs, int row) throws SQLException {
		Timestamp sent = rs.getTimestamp("sent_at");
		return new SentEmail(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
				(sent != null) ? sent.toInstant() : null);
	}

	/**
	 * One email of a registration.
	 *
	 * @param id the message, as {@code /admin/outbox/{id}} shows it
	 * @param kind the message type ({@code mail.kind.*} names it)
	 * @param recipient the address it was (or is to be) sent to
	 * @param subject as sent, or null before sending
	 * @param status PENDING, SENDING, SENT or FAILED ({@code mail.status.*} names it)
	 */
	public record SentEmail(long id, String kind, String recipient, String subject, String status, Instant createdAt,
			Instant sentAt) {

	}

}
