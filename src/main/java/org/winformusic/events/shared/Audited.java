package org.winformusic.events.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One entry of the audit trail, published inside the transaction of the change it
 * describes. The admin module, which owns the trail, writes it in that same transaction,
 * so one never exists without the other. Publishing this is the one way every module,
 * admin's own services excepted, writes to the trail.
 *
 * @param actor who did it: null for whoever the current request is signed in as (a staff
 * email, the owner's for an export API token), with the request's address; otherwise as
 * given, e.g. {@link #SYSTEM}
 * @param action what was done, e.g. {@code EVENT_UPDATED}
 * @param details a short description without personal data, but for the before and after
 * values of edited fields, which the admin module clears when the registration's data is
 * erased or expires
 * @param ip the client address when {@code actor} is given (null for none)
 */
public record Audited(String actor, String action, Long eventId, Long registrationId, String details, String ip) {

	/** The actor of actions nobody started (start-up, scheduled jobs). */
	public static final String SYSTEM = "system";

	/**
	 * The actor of what registrants do themselves through their manage link (cancel,
	 * edit, erase, stop news); no address is stored with it.
	 */
	public static final String REGISTRANT = "registrant";

	/**
	 * How an export made with an API token named its actor ("token:name") before a token
	 * acted for its owner; older entries still read so.
	 */
	public static final String TOKEN_ACTOR_PREFIX = "token:";

	/** An action by whoever the current request is signed in as. */
	public static Audited byCurrentUser(String action, Long eventId, Long registrationId, String details) {
		return new Audited(null, action, eventId, registrationId, details, null);
	}

	/**
	 * The signed-in staff user's email (or token actor), or {@link #SYSTEM} outside a
	 * request.
	 */
	public static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : SYSTEM;
	}

}
