package org.winformusic.events.event;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What unticking "published" takes from the people registered: the event's page, its form
 * and "email me my link" say the event is no longer published ({@link NoLongerPublished},
 * a 404), while their own pages ({@code /r/{token}}) keep working without the link to the
 * event; nobody is told. The editor asks before such a save.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
public class Unpublishing {

	private final EventRepository events;

	private final EventRegistrations registrations;

	Unpublishing(EventRepository events, EventRegistrations registrations) {
		this.events = events;
		this.registrations = registrations;
	}

	/**
	 * How many people a save of {@code form} would hide the page of the event with this
	 * slug from.
	 * @return the event's active registrations when the form unpublishes it, else 0 (a
	 * published event that stays so, or an event that was not published)
	 */
	@Transactional(readOnly = true)
	public int registeredLosingThePage(String slug, EventForm form) {
		if (Boolean.TRUE.equals(form.published())) {
			return 0;
		}
		return this.events.findBySlug(slug)
			.filter(Event::isPublished)
			.map((event) -> this.registrations.activeFor(event.getId()))
			.orElse(0);
	}

}
