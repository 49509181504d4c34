package org.winformusic.events.registration;

/**
 * What a confirmation link of an email change does, or did: the page its owner sees.
 *
 * @param outcome what it does now
 * @param newEmail the address the change is to (the one the link was sent to)
 * @param registration the registration, as it is now
 * @param manageToken after {@link Outcome#CONFIRMED} only: a manage link minted for the
 * confirming browser's redirect (every earlier one stopped working); never stored
 */
public record EmailChangeOutcome(Outcome outcome, String newEmail, RegistrationView registration, String manageToken) {

	/** What the link does. */
	public enum Outcome {

		/** The change waits: the page asks to confirm it (a GET changes nothing). */
		READY,
		/** This request confirmed it: the registration has the new address now. */
		CONFIRMED,
		/** Confirmed before (a second click, a second tab). */
		ALREADY_CONFIRMED,
		/** A newer request (or a staff edit of the address) replaced this one. */
		SUPERSEDED,
		/** The registrant cancelled the change. */
		CANCELLED,
		/** The link's time ran out before it was used. */
		EXPIRED,
		/** The registration was cancelled or declined meanwhile: nothing to change. */
		ENDED,
		/**
		 * The event has ended: the registration is a record, its details no longer
		 * change.
		 */
		EVENT_OVER,
		/**
		 * Another registration of the event holds the new address: nothing changed, the
		 * change still waits (it can be confirmed once that one is cancelled).
		 */
		TAKEN

	}

}
