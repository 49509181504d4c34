package org.winformusic.events.mail;

import java.time.Instant;

/**
 * A row of the outbox list.
 *
 * @param eventId the event the email is about, or null (its times are then shown in UTC)
 */
record OutboxSummary(long id, Long eventId, String kind, String recipient, String subject, OutboxStatus status,
		int attempts, Instant nextAttemptAt, Instant sentAt, String lastError, Instant createdAt) {

	/**
	 * What went wrong last, in words ({@link SendError}); null when nothing did, and for
	 * a SKIPPED message, whose {@code lastError} says why it was skipped.
	 */
	public SendError error() {
		return (this.status == OutboxStatus.SKIPPED) ? null : SendError.of(this.lastError);
	}

	/**
	 * The message key saying when a failed message is tried again ({@code mail.retry.*},
	 * with {@code nextAttemptAt} as its argument), or null when it is not waiting for a
	 * retry.
	 */
	public String retryKey(Instant now) {
		return SendError.retryKey(this.status, this.lastError, this.nextAttemptAt, now);
	}

}
