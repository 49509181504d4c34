package org.winformusic.events.mail;

import java.time.Instant;

/**
 * A row of the outbox list.
 *
 * @param eventId the event the email is about, or null (its times are then shown in UTC)
 */
record OutboxSummary(long id, Long eventId, String kind, String recipient, String subject, OutboxStatus status,
		int attempts, Instant nextAttemptAt, Instant sentAt, String lastError, Instant createdAt) {

}
