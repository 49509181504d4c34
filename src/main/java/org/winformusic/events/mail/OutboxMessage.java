package org.winformusic.events.mail;

import java.time.Instant;
import java.util.regex.Pattern;

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

	/** A manage-link or check-in token inside a link. */
	private static final Pattern TOKEN_IN_LINK = Pattern.compile("(/r/|/admin/checkin/)[A-Za-z0-9_-]{43}");

	/**
	 * This message as staff may read it: each personal link's token is blanked out.
	 * Whoever holds a manage link can change or cancel the registration, and staff pages
	 * are read by roles (OPS) that may not do either.
	 */
	public OutboxMessage withoutTokens() {
		return new OutboxMessage(this.id, this.registrationId, this.eventId, this.kind, this.recipient, this.locale,
				this.subject, redact(this.bodyText), redact(this.bodyHtml), redact(this.attachment), this.messageId,
				this.status, this.attempts, this.nextAttemptAt, this.sentAt, this.lastError, this.resentFrom,
				this.createdAt);
	}

	private static String redact(String text) {
		return (text != null) ? TOKEN_IN_LINK.matcher(text).replaceAll("$1…") : null;
	}

}
