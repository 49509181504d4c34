package org.winformusic.events.mail;

import java.time.Instant;

/** A row of the outbox list. */
record OutboxSummary(long id, String kind, String recipient, String subject, OutboxStatus status, int attempts,
		Instant nextAttemptAt, Instant sentAt, String lastError, Instant createdAt) {

}
