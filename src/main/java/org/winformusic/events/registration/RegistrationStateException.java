package org.winformusic.events.registration;

/**
 * A staff or self-service operation that the registration's current status does not allow
 * (for example confirming a cancelled registration, or confirming without a free seat), a
 * capacity below the seats people hold, or an edit to an address another registration of
 * the event holds. The message is for logs; pages tell the reader what {@link #reason()}
 * means.
 */
public class RegistrationStateException extends RuntimeException {

	private final Reason reason;

	RegistrationStateException(Reason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why the operation was refused. */
	public enum Reason {

		/** The operation does not apply to the registration's current status. */
		WRONG_STATUS,
		/**
		 * The person was checked in: they attended, and the arrival stays on record.
		 * Their own cancel is refused (there is nothing to cancel), and so are a staff
		 * cancel, decline or move, which would take the arrival away with the seat: staff
		 * undo the check-in first when it was a mistake.
		 */
		ARRIVED,
		/**
		 * The event has ended: the registration is a record of it, which its registrant
		 * can no longer cancel or edit, and staff can no longer confirm or approve.
		 */
		EVENT_OVER,
		/**
		 * An arrival before the event's first day has begun where it takes place
		 * (midnight in its zone): nobody arrives months early; a wrong row picked at the
		 * door must not check anyone in.
		 */
		NOT_YET,
		/** No seat is free and the operation may not add one. */
		NO_FREE_SEAT,
		/**
		 * A move to the waitlist that would leave a seat free for the person moved (free
		 * seats and nobody waiting ahead): the waitlist promotion would confirm them at
		 * once. A pending one is approved instead; a confirmed one keeps the seat.
		 */
		SEAT_FREE,
		/**
		 * The registration's personal data was erased (or anonymized): nothing is sent to
		 * it any more.
		 */
		ERASED,
		/** The new capacity is below the number of seats people hold. */
		CAPACITY_BELOW_HELD_SEATS,
		/**
		 * An edit gave the address of another registration of the event that holds it
		 * (the unique index on event and address): the form says so next to the email.
		 */
		EMAIL_TAKEN,
		/**
		 * The registrant asked for too many changes of address within an hour (each
		 * emails the address typed): the form says so next to the email, whatever the
		 * address.
		 */
		EMAIL_CHANGES_LIMIT

	}

}
