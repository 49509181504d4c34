package org.winformusic.events.registration;

import org.winformusic.events.event.EventMoved;

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
 * @param address null for most messages, which go to the registration's address as it is
 * when they are sent; for the changed-address ones, the address the message is about,
 * stored with it: the one it goes to ({@link Type#EMAIL_CHANGED_OLD}, no longer the
 * registration's; {@link Type#EMAIL_CONFIRM}, not the registration's yet), or the one the
 * registration must still hold when it is sent ({@link Type#EMAIL_CHANGED})
 * @param movedFrom for {@link Type#EVENT_CHANGED}, when and where the event was before
 * the change (stored with the message, so the email can say what changed); else null
 */
public record RegistrationMessage(long registrationId, long eventId, String locale, Type type, String address,
		EventMoved.Before movedFrom) {

	/** A message to the registration's address as it is when it is sent. */
	public RegistrationMessage(long registrationId, long eventId, String locale, Type type) {
		this(registrationId, eventId, locale, type, null, null);
	}

	/** A message about a changed address ({@code address}). */
	public RegistrationMessage(long registrationId, long eventId, String locale, Type type, String address) {
		this(registrationId, eventId, locale, type, address, null);
	}

	/** What the registrant is told. */
	public enum Type {

		/** Registered for an event that requires approval. */
		RECEIVED_PENDING,
		/** Registered and holds a seat. */
		CONFIRMED,
		/**
		 * On the waitlist without having held a seat: registered while the event is full,
		 * or moved there by staff while it was pending review.
		 */
		WAITLISTED,
		/**
		 * A registration pending review that staff approved when no seat was left: the
		 * review is over and they wait for a seat.
		 */
		APPROVED_WAITLISTED,
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
		 * moves the entry for those confirmed. It says what changed, from when and where
		 * the event was ({@link RegistrationMessage#movedFrom()}) to how it is when sent;
		 * several changes before it goes out make one email.
		 */
		EVENT_CHANGED,
		/**
		 * Staff changed the registration's email address: sent to the new address, with
		 * the personal link (every earlier one stopped working), while the registration
		 * holds it and is active.
		 */
		EMAIL_CHANGED,
		/**
		 * The same change told to the old address, without any link: it is no longer the
		 * registration's, so it is stored with the message. Not sent when the address was
		 * changed back, nor to an address no email of the registration ever went to.
		 */
		EMAIL_CHANGED_OLD,
		/**
		 * The registrant asked to change the registration's address: sent to the address
		 * asked for, stored with it, with the link that confirms the change (no manage
		 * link). Not sent when that request was replaced, cancelled or expired before it
		 * went out ({@link EmailChanges}).
		 */
		EMAIL_CONFIRM

	}

}
