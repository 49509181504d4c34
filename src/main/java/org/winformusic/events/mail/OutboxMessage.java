package org.winformusic.events.mail;

import java.time.Instant;
import java.util.Locale;

/**
 * One outgoing email as stored: what must be sent, and once it went out, what was sent
 * (recipient, subject, time, Message-ID) and how sending went. No body: the email is
 * composed when it is sent, and staff see a preview composed on demand.
 *
 * @param recipient the address it went out to (null until the first attempt)
 * @param subject the subject it went out with (null until the first attempt)
 * @param lastError exception class and SMTP reply code of the last failure, never
 * personal data; for a SKIPPED message the registration's status when it was skipped (or
 * GONE)
 */
public record OutboxMessage(long id, Long registrationId, Long eventId, String kind, String recipient, String locale,
		String subject, String messageId, OutboxStatus status, int attempts, Instant nextAttemptAt, Instant sentAt,
		String lastError, Long resentFrom, Instant createdAt) {

	/**
	 * The registrant's language, for its name in words ("español", "inglés") as the
	 * registration's page gives it.
	 */
	public Locale language() {
		return Locale.forLanguageTag((this.locale != null) ? this.locale : "es");
	}

	/** Why a SKIPPED message was not sent: a registration status, or GONE; else null. */
	public String skippedBecause() {
		return (this.status == OutboxStatus.SKIPPED) ? this.lastError : null;
	}

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
