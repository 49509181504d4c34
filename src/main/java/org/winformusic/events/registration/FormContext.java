package org.winformusic.events.registration;

import org.winformusic.events.event.RegisteringEvent;

/**
 * What {@link RegistrationValidator} needs to know of the event a form is for.
 *
 * @param eventId whose questions the answers are checked against
 * @param country the event's country: its regions are the choices of {@code state}, and
 * phone numbers without a {@code +} prefix are read as numbers of that country
 * @param hasQuestions false when the event is known to ask none (saves a query)
 * @param requireConsent whether privacy consent must be given (new registrations; an edit
 * keeps the consent given then)
 * @param registrationId the registration edited, null for a new one: its answers may keep
 * a choice removed from the form since
 * @param requireAnswers whether a required question of the event must be answered (all
 * but the staff edit)
 * @param storedRegion the region the edited registration holds, kept by an edit even when
 * the country's list does not have it (a region typed before Brazil had its list); null
 * for a new one
 */
public record FormContext(long eventId, String country, boolean hasQuestions, boolean requireConsent,
		Long registrationId, boolean requireAnswers, String storedRegion) {

	public FormContext(long eventId, String country, boolean hasQuestions, boolean requireConsent, Long registrationId,
			boolean requireAnswers) {
		this(eventId, country, hasQuestions, requireConsent, registrationId, requireAnswers, null);
	}

	/**
	 * A form for no stored registration (a new one), whose required questions must be
	 * answered.
	 */
	public FormContext(long eventId, String country, boolean hasQuestions, boolean requireConsent) {
		this(eventId, country, hasQuestions, requireConsent, null, true);
	}

	/** A new registration for this event: consent must be given. */
	public static FormContext registering(RegisteringEvent event) {
		return new FormContext(event.id(), event.country(), event.hasQuestions(), true);
	}

	/** An edit of a registration for this event: consent is not asked again. */
	public static FormContext editing(long eventId, String country) {
		return new FormContext(eventId, country, true, false);
	}

	/**
	 * An edit of this registration: consent is not asked again, and a choice removed from
	 * the form that it holds may be kept.
	 */
	public static FormContext editing(long eventId, String country, long registrationId) {
		return new FormContext(eventId, country, true, false, registrationId, true);
	}

	/**
	 * Staff correcting this registration: as {@link #editing}, but a required question
	 * may be left unanswered (a walk-in was not asked it, nor was anyone who registered
	 * before it was added), so that correcting a phone never makes staff invent an
	 * answer. The answers given are checked as the registrant's.
	 */
	public static FormContext staffEditing(long eventId, String country, long registrationId) {
		return new FormContext(eventId, country, true, false, registrationId, false);
	}

	/**
	 * The same, for a registration that holds {@code state}: an unchanged save keeps it.
	 */
	public FormContext holding(String state) {
		return new FormContext(this.eventId, this.country, this.hasQuestions, this.requireConsent, this.registrationId,
				this.requireAnswers, state);
	}

}
