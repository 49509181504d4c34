package org.winformusic.events.registration;

/**
 * Published, synchronously and inside the transaction that caused it, whenever a
 * registrant must be told something. The mail feature turns it into an outbox row in the
 * same transaction (one insert, nothing rendered), so a rolled-back change leaves no
 * email behind. The email is composed, and its manage link minted, when it is sent.
 *
 * @param registrationId the registration concerned
 * @param eventId the registration's event
 * @param locale the registrant's language ({@code es}, {@code en})
 * @param type what happened
 */
public record RegistrationMessage(long registrationId, long eventId, String locale, Type type) {

	/** What the registrant is told. */
	public enum Type {

		/** Registered for an event that requires approval. */
		RECEIVED_PENDING,
		/** Registered and holds a seat. */
		CONFIRMED,
		/**
		 * On the waitlist without having held a seat: registered while the event is full,
		 * or approved (or moved there by staff) while it was pending review.
		 */
		WAITLISTED,
		/**
		 * Staff moved a confirmed registration to the waitlist: the seat is no longer
		 * theirs (the calendar entry goes) and they wait at the end of the waitlist.
		 */
		SEAT_WITHDRAWN,
		/** Moved from the waitlist (or from pending review) to a seat. */
		PROMOTED,
		/** Organizers declined the registration. */
		DECLINED,
		/** Cancelled, by the registrant or by staff. */
		CANCELLED,
		/** Asked for the manage link again (duplicate registration or lookup form). */
		LINK_REMINDER,
		/** The event is near: sent once to everyone confirmed. */
		EVENT_REMINDER,
		/**
		 * Organizers changed the event's date, hours or venue: sent to everyone who holds
		 * a seat or waits (confirmed, waitlisted, pending), with the calendar file that
		 * moves the entry for those confirmed.
		 */
		EVENT_CHANGED

	}

}
