package org.winformusic.events.registration;

import java.util.Set;

/**
 * What the outbox remembers of the emails queued for a registration. The mail module owns
 * the outbox and implements this; the registration module asks through it, since it may
 * neither read the outbox table nor depend on the mail module (which depends on it).
 */
public interface EmailHistory {

	/**
	 * The kinds of the emails ever queued for a registration, whether sent, waiting,
	 * skipped or failed; empty when none.
	 */
	Set<RegistrationMessage.Type> kindsQueued(long registrationId);

}
