package org.winformusic.events.event;

import java.time.Clock;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moving an event (its date, its hours or its venue) does for the people registered:
 * each of them gets an email saying what changed ({@link EventMoved}), unless the
 * organizer chooses not to tell them (a typo fixed in the venue). The editor says how
 * many people that is before the save, next to the choice.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
public class Moving {

	private final EventRepository events;

	private final EventRegistrations registrations;

	private final Clock clock;

	Moving(EventRepository events, EventRegistrations registrations, Clock clock) {
		this.events = events;
		this.registrations = registrations;
		this.clock = clock;
	}

	/**
	 * How many people a save that moves the event with this slug would email: those with
	 * a seat, on the waitlist or in review; none once the event is over (a correction
	 * after the fact tells nobody).
	 */
	@Transactional(readOnly = true)
	public int peopleToTell(String slug) {
		return this.events.findBySlug(slug)
			.filter((event) -> event.getEndsAt().isAfter(this.clock.instant()))
			.map((event) -> this.registrations.toTellOfAMove(event.getId()))
			.orElse(0);
	}

}
