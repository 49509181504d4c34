package org.winformusic.events.privacy;

import java.time.Instant;
import java.util.List;

import org.winformusic.events.registration.RegistrationAnswers.AnswerView;
import org.winformusic.events.registration.RegistrationView;

/**
 * Everything held about one registration, as its registrant downloads it: the fields and
 * consent (in {@code registration}), the answers to the event's own questions, the
 * history, and the emails sent. Nothing about anyone else: the history leaves out which
 * staff member acted.
 *
 * @param eventTitle the event's title in the reader's language
 */
record DataReport(Instant generatedAt, String eventSlug, String eventTitle, RegistrationView registration,
		List<AnswerView> answers, List<HistoryItem> history, List<Email> emails) {

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
