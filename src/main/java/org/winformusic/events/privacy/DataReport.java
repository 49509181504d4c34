package org.winformusic.events.privacy;

import java.time.Instant;
import java.util.List;

import org.winformusic.events.registration.RegistrationAnswers.AnswerView;
import org.winformusic.events.registration.RegistrationView;

/**
 * Everything held about one registration, as its registrant downloads it: the fields and
 * consent (in {@code registration}), the answers to the event's own questions, a change
 * of address waiting for confirmation, the history, and the emails sent. Nothing about
 * anyone else: the history leaves out which staff member acted.
 *
 * @param eventTitle the event's title in the reader's language
 * @param pendingEmailChange the change of address waiting for confirmation, or null
 */
record DataReport(Instant generatedAt, String eventSlug, String eventTitle, RegistrationView registration,
		List<AnswerView> answers, PendingEmailChange pendingEmailChange, List<HistoryItem> history,
		List<Email> emails) {

	/** An address asked for, not the registration's until its link is confirmed. */
	public record PendingEmailChange(String address, Instant requestedAt) {

	}

	/** One recorded change (an audit action code, e.g. CHECKED_IN). */
	public record HistoryItem(Instant at, String action) {

	}

	/**
	 * One email: its type ({@code mail.kind.*}), its subject (null until sent), its
	 * status ({@code mail.status.*}) and when it was queued and sent.
	 */
	public record Email(String kind, String subject, String status, Instant queuedAt, Instant sentAt) {

	}

}
