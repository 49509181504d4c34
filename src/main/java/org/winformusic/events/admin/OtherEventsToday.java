package org.winformusic.events.admin;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventDays;
import org.winformusic.events.registration.DoorCopies;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.stereotype.Component;

/**
 * A pass shown at the wrong event's door. Someone who registered for two of WIN's events
 * (the May workshop and today's meetup) opens the first confirmation email they find; its
 * pass is for the other event, whose card says it is not that day yet, or over. Where the
 * person (the same email) has a confirmed seat at an event whose day it is where it takes
 * place, the card names that event and links to the card of that registration, so the
 * volunteer does not turn away someone who has a seat today.
 */
@Component
class OtherEventsToday {

	private final EventCatalog catalog;

	private final EventDays days;

	private final DoorCopies copies;

	OtherEventsToday(EventCatalog catalog, EventDays days, DoorCopies copies) {
		this.catalog = catalog;
		this.days = days;
		this.copies = copies;
	}

	/** The person's confirmed seats at the other events taking place today. */
	List<Seat> of(RegistrationView registration, Locale locale) {
		// The pass's own event is left out by confirmedAt.
		return this.copies.confirmedAt(registration.id(), this.days.today())
			.stream()
			.map((seat) -> this.catalog.findById(seat.eventId(), locale)
				.map((event) -> new Seat(event.title(), seat.pass()))
				.orElse(null))
			.filter(Objects::nonNull)
			.toList();
	}

	/** A seat at another event today: its title and the pass that opens its card. */
	record Seat(String eventTitle, String pass) {
	}

}
