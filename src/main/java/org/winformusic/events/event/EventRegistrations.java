package org.winformusic.events.event;

/**
 * Whether and how many people registered for an event. The registration feature owns the
 * registrations and implements this, so the event editor can keep an event's country once
 * anyone registered (their regions are codes of that country) and warn before hiding the
 * page of an event people are registered for, and say before a save that moves the event
 * how many people would be told, without depending on that feature.
 */
public interface EventRegistrations {

	/** True when the event has at least one registration, whatever its status. */
	boolean anyFor(long eventId);

	/**
	 * How many registrations of the event are still going: in review, holding a seat or
	 * on the waitlist (cancelled and declined ones have ended).
	 */
	int activeFor(long eventId);

	/**
	 * How many people are told by email when the event moves ({@link EventMoved}): those
	 * holding a seat, waiting for one or in review, whose address is still kept.
	 */
	int toTellOfAMove(long eventId);

}
