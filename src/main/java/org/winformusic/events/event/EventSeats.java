package org.winformusic.events.event;

import org.winformusic.events.event.EventCatalog.Availability;

/**
 * An event's seats, which the registration module owns (one row per seat, claimed by
 * registrations): capacity is the number of seat rows, stored nowhere else. Implemented
 * there, so that this module can open the seats of a new event and show how many are left
 * without naming that module's table or depending on it.
 */
public interface EventSeats {

	/** Gives a new event {@code capacity} free seats, in the creating transaction. */
	void open(long eventId, int capacity);

	/** The seats of an event and how many nobody holds. */
	Availability availability(long eventId);

}
