package org.winformusic.events.event;

/**
 * Whether people registered for an event. The registration feature owns the registrations
 * and implements this, so the event editor can keep an event's country once anyone
 * registered (their regions are codes of that country) without depending on that feature.
 */
public interface EventRegistrations {

	/** True when the event has at least one registration, whatever its status. */
	boolean anyFor(long eventId);

}
