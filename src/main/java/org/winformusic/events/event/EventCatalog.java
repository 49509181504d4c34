package org.winformusic.events.event;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to events for pages, emails and other features. */
@Service
@Transactional(readOnly = true)
public class EventCatalog {

	private final EventRepository events;

	private final JdbcClient jdbc;

	private final Clock clock;

	EventCatalog(EventRepository events, JdbcClient jdbc, Clock clock) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Any event, published or not, by its slug. */
	public Optional<EventInfo> findBySlug(String slug, Locale locale) {
		return this.events.findBySlug(slug).map((e) -> e.toInfo(locale));
	}

	/** An event the public may see. */
	public Optional<EventInfo> findPublishedBySlug(String slug, Locale locale) {
		return this.events.findBySlug(slug).filter(Event::isPublished).map((e) -> e.toInfo(locale));
	}

	public Optional<EventInfo> findById(long id, Locale locale) {
		return this.events.findById(id).map((e) -> e.toInfo(locale));
	}

	/** Published events that have not ended, soonest first. */
	public List<EventInfo> upcoming(Locale locale) {
		return this.events.findUpcomingPublished(this.clock.instant()).stream().map((e) -> e.toInfo(locale)).toList();
	}

	/** Seats and free seats of an event, counted from its seat rows. */
	public Availability availability(long eventId) {
		return this.jdbc
			.sql("select count(*) as seats, count(*) filter (where registration_id is null) as free"
					+ " from event_seat where event_id = ?")
			.param(eventId)
			.query((rs, n) -> new Availability(rs.getInt("seats"), rs.getInt("free")))
			.single();
	}

	/**
	 * Seats of an event.
	 *
	 * @param capacity the number of seats
	 * @param free seats nobody holds
	 */
	public record Availability(int capacity, int free) {

		public boolean full() {
			return this.free <= 0;
		}

	}

}
