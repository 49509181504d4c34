package org.winformusic.events.registration;

import java.util.Collection;
import java.util.Map;
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
	default Set<RegistrationMessage.Type> kindsQueued(long registrationId) {
		return kindsQueued(Set.of(registrationId)).getOrDefault(registrationId, Set.of());
	}

	/**
	 * The same for several registrations in one read: those with no email queued are
	 * absent from the map.
	 */
	Map<Long, Set<RegistrationMessage.Type>> kindsQueued(Collection<Long> registrationIds);

}
