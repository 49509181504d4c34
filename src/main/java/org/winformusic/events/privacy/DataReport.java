package org.winformusic.events.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.RegistrationStatus;

/**
 * Everything held about one registration, as its registrant downloads it: the event
 * (title, date and time, venue), the fields and consent (in {@code registration}), the
 * answers to the event's own questions, the history with what each change did, the staff
 * notes, a change of address waiting for confirmation, and the emails with the address
 * each went to. Codes stay for programs; each comes with its words for people (a
 * {@code …Text} next to it), in the reader's language, the words the data page shows.
 * Nothing about anyone else: neither the history nor the notes say which staff member
 * acted. Internal numbers (row ids, the row's version) are left out: they mean nothing to
 * the person.
 *
 * @param timeZone the event's time zone, in which the file writes every time
 * @param timeZoneText the same in words ("hora de la Ciudad de México")
 * @param eventTitle the event's title in the reader's language
 * @param eventWhen the event's date and hours as its pages write them, with the zone
 * @param eventVenue the venue's name
 * @param eventAddress the venue's address, with the country
 * @param pendingEmailChange the change of address waiting for confirmation, or null
 */
record DataReport(Instant generatedAt, String timeZone, String timeZoneText, String eventSlug, String eventTitle,
		Instant eventStartsAt, Instant eventEndsAt, String eventWhen, String eventVenue, String eventAddress,
		Registration registration, List<Answer> answers, PendingEmailChange pendingEmailChange,
		List<HistoryItem> history, List<Note> notes, List<Email> emails) {

	/**
	 * The registration's fields as the person gave them (or staff corrected them), each
	 * code with its words.
	 *
	 * @param waitlistPosition the place in the waitlist when waitlisted, else null
	 * @param locale the language the emails are written in ({@code es}, {@code en})
	 * @param languageText that language's name in the reader's language
	 */
	public record Registration(RegistrationStatus status, String statusText, Integer waitlistPosition, String fullName,
			String email, String company, String jobTitle, CompanyType companyType, String companyTypeText,
			String state, String stateText, String city, String phone, AssociationInterest associationInterest,
			String associationInterestText, String referralSource, String comments, boolean newsOptIn,
			String privacyConsentVersion, Instant privacyConsentAt, Locale locale, String languageText,
			Instant createdAt, Instant updatedAt, Instant confirmedAt, Instant cancelledAt, Instant declinedAt,
			Instant checkedInAt) {

	}

	/**
	 * An answer to one of the event's own questions.
	 *
	 * @param label the question as the form asks it
	 * @param value the answer in words, or null when not answered
	 * @param removed whether the question was taken off the form since
	 */
	public record Answer(String label, String value, boolean removed) {

	}

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
