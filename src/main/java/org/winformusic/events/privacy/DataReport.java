package org.winformusic.events.privacy;

import java.time.Instant;
import java.util.List;

import org.winformusic.events.registration.RegistrationAnswers.AnswerView;
import org.winformusic.events.registration.RegistrationView;

/**
 * Everything held about one registration, as its registrant downloads it: the fields and
 * consent (in {@code registration}), the answers to the event's own questions, the
 * history with what each change did, the staff notes, a change of address waiting for
 * confirmation, and the emails with the address each went to. Codes stay for programs;
 * each comes with its words for people. Nothing about anyone else: neither the history
 * nor the notes say which staff member acted.
 *
 * @param timeZone the event's time zone, in which the file writes every time
 * @param eventTitle the event's title in the reader's language
 * @param pendingEmailChange the change of address waiting for confirmation, or null
 */
record DataReport(Instant generatedAt, String timeZone, String eventSlug, String eventTitle,
		RegistrationView registration, List<AnswerView> answers, PendingEmailChange pendingEmailChange,
		List<HistoryItem> history, List<Note> notes, List<Email> emails) {

	/** An address asked for, not the registration's until its link is confirmed. */
	public record PendingEmailChange(String address, Instant requestedAt) {

	}

	/**
	 * One recorded change.
	 *
	 * @param action its audit code (e.g. EDITED_BY_REGISTRANT)
	 * @param what the same in words
	 * @param changes what it changed, one line each, before → after
	 */
	public record HistoryItem(Instant at, String action, String what, List<String> changes) {

	}

	/** A note the organizers wrote about the registration. */
	public record Note(Instant at, String text) {

	}

	/**
	 * One email: its type ({@code kind} and {@code what}), the address it went to (or
	 * will go to), its subject (null until sent), its status ({@code status} and
	 * {@code statusText}) and when it was queued and sent.
	 */
	public record Email(String kind, String what, String to, String subject, String status, String statusText,
			Instant queuedAt, Instant sentAt) {

	}

}
