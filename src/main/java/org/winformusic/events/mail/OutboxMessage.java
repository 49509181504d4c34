package org.winformusic.events.mail;

import java.time.Instant;

/**
 * One outgoing email as staff see it on the outbox page: headers, both parts, and how
 * sending went.
 *
 * @param lastError exception class and SMTP reply code of the last failure, never
 * personal data
 */
public record OutboxMessage(long id, Long registrationId, Long eventId, String kind, String recipient, String locale,
		String subject, String bodyText, String bodyHtml, String attachment, String messageId, OutboxStatus status,
		int attempts, Instant nextAttemptAt, Instant sentAt, String lastError, Long resentFrom, Instant createdAt) {

}
