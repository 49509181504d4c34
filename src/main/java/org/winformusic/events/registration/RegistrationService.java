package org.winformusic.events.registration;

import org.springframework.stereotype.Service;

/**
 * Registrations: creating them under capacity, the waitlist, and every change of status.
 * Each operation runs in one transaction and publishes the {@link RegistrationMessage}
 * the registrant must receive.
 */
@Service
public class RegistrationService {

	/** PENDING → CONFIRMED when a seat is free, else WAITLISTED; tells the registrant. */
	public RegistrationView approve(long registrationId) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * Any active status → DECLINED; frees a held seat (promoting the waitlist); tells the
	 * registrant.
	 */
	public RegistrationView decline(long registrationId) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * Staff cancel: → CANCELLED; frees a held seat (promoting the waitlist); tells the
	 * registrant.
	 */
	public RegistrationView cancelByStaff(long registrationId) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * CONFIRMED or PENDING → WAITLISTED at the end of the waitlist; a freed seat goes to
	 * the first in the waitlist.
	 */
	public RegistrationView moveToWaitlist(long registrationId) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * WAITLISTED or PENDING → CONFIRMED. Without a free seat this fails unless
	 * {@code exceedCapacity}, which adds one seat to the event (capacity + 1).
	 */
	public RegistrationView confirm(long registrationId, boolean exceedCapacity) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Records the check-in time; a second check-in keeps the first time and says so. */
	public CheckIn checkIn(long registrationId) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	public RegistrationView undoCheckIn(long registrationId) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Staff edit of the details, with the public form's validation. */
	public RegistrationView update(long registrationId, RegistrationForm form) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Sets an event's capacity (seat rows); raising it promotes the waitlist at once. */
	public void changeCapacity(long eventId, int capacity) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * The outcome of a check-in.
	 *
	 * @param alreadyCheckedIn true when the person was checked in before (nothing
	 * changed)
	 */
	public record CheckIn(RegistrationView registration, boolean alreadyCheckedIn) {
	}

}
