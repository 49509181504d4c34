package org.winformusic.events.registration;

import org.winformusic.events.event.EventCatalog.Availability;
import org.winformusic.events.event.EventSeats;

import org.springframework.stereotype.Component;

/** The seats of events as the event module sees them: opened and counted here. */
@Component
class EventSeatRows implements EventSeats {

	private final Seats seats;

	EventSeatRows(Seats seats) {
		this.seats = seats;
	}

	@Override
	public void open(long eventId, int capacity) {
		this.seats.open(eventId, capacity);
	}

	@Override
	public Availability availability(long eventId) {
		Seats.Count count = this.seats.count(eventId);
		return new Availability(count.total(), count.total() - count.held());
	}

}
