package org.winformusic.events.registration;

/**
 * A form that passed {@link RegistrationValidator#check}: its normalized values and
 * answers, ready to store for the event it was checked against. Only the validator makes
 * one, so the services that store it need not check it again.
 */
public final class CheckedForm {

	private final long eventId;

	private final String country;

	private final ValidForm values;

	private final CheckedAnswers answers;

	CheckedForm(long eventId, String country, ValidForm values, CheckedAnswers answers) {
		this.eventId = eventId;
		this.country = country;
		this.values = values;
		this.answers = answers;
	}

	/** The event the form was checked against. */
	public long eventId() {
		return this.eventId;
	}

	/** The event's country, which the phone was read for. */
	String country() {
		return this.country;
	}

	ValidForm values() {
		return this.values;
	}

	CheckedAnswers answers() {
		return this.answers;
	}

}
