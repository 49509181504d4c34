package org.winformusic.events.registration;

import java.util.Set;

import org.winformusic.events.registration.RegistrationMessage.Type;

import org.springframework.stereotype.Component;

/**
 * The email that tells a registrant where their registration stands now, as a staff
 * resend sends it. The status alone does not say it for someone waiting: one who held a
 * seat (it was withdrawn) has a calendar entry from their confirmation, and gets the
 * withdrawn seat's email, whose file takes it out; the plain waitlist email has none.
 * Cancelled and declined emails carry that file for whoever held a seat when it ended.
 */
@Component
class CurrentStatusEmail {

	private final EmailHistory history;

	CurrentStatusEmail(EmailHistory history) {
		this.history = history;
	}

	Type kindFor(long registrationId, RegistrationStatus status) {
		return switch (status) {
			case PENDING -> Type.RECEIVED_PENDING;
			case CONFIRMED -> Type.CONFIRMED;
			case WAITLISTED -> heldASeat(registrationId) ? Type.SEAT_WITHDRAWN : Type.WAITLISTED;
			case DECLINED -> Type.DECLINED;
			case CANCELLED -> Type.CANCELLED;
		};
	}

	/**
	 * Whether a waiting registration once held a seat: every way to a seat queues the
	 * confirmation or the promotion, and the only way from a seat to the waitlist is a
	 * withdrawal. Its own row cannot say (the waitlist clears {@code confirmed_at}).
	 */
	private boolean heldASeat(long registrationId) {
		Set<Type> queued = this.history.kindsQueued(registrationId);
		return queued.contains(Type.CONFIRMED) || queued.contains(Type.PROMOTED)
				|| queued.contains(Type.SEAT_WITHDRAWN);
	}

}
