package org.winformusic.events.admin;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventDays;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.DoorCopies;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.stereotype.Component;

/**
 * A pass shown at the wrong event's door. Someone who registered for two of WIN's events
 * (the May workshop and today's meetup) opens the first confirmation email they find; its
 * pass is for the other event, whose card says it is not that day yet, or over. Where the
 * person (the same email) has a confirmed seat at an event whose day it is where it takes
 * place, the card names that event and links to the card of that registration, so the
 * volunteer does not turn away someone who has a seat today. The door code of such a
 * pass, typed into the door page's search, names its event in the same way
 * ({@link #code}).
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

	/**
	 * A door code typed at this event's door ({@code eventId}) that is another event's:
	 * that event, and the same person's registration here if any. Every role that reaches
	 * the door page may open every event's door page, where this code finds the person,
	 * so naming the event tells the volunteer nothing they may not know; an erased
	 * registration's code names nothing ({@link DoorCopies#byCodeOfAnotherEvent}).
	 */
	Optional<Code> code(long eventId, String typed, Locale locale) {
		return named(this.copies.byCodeOfAnotherEvent(eventId, typed), locale);
	}

	/** The same for a scanned pass, its registration known by id. */
	Optional<Code> pass(long eventId, long registrationId, Locale locale) {
		return named(this.copies.ofAnotherEvent(eventId, registrationId), locale);
	}

	private Optional<Code> named(Optional<DoorCopies.OtherEventsCode> other, Locale locale) {
		return other.flatMap(
				(code) -> this.catalog.findById(code.eventId(), locale).map((event) -> new Code(event, code.here())));
	}

	/** Another event's door code: that event, and the person's registration here. */
	record Code(EventInfo event, Optional<RegistrationRow> here) {
	}

	/** A seat at another event today: its title and the pass that opens its card. */
	record Seat(String eventTitle, String pass) {
	}

}
