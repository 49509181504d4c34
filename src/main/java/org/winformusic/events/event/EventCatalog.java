package org.winformusic.events.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to events for pages, emails and other features.
 * <p>
 * An event's facts change rarely while every page view and every registration email needs
 * them, so {@link #findPublishedBySlug} and {@link #findById} keep them for a few seconds
 * (three queries saved per registration). Edits on this instance evict at once; another
 * instance sees them within {@link #FRESHNESS}. Seats are never cached:
 * {@link #availability} always reads the seat rows.
 */
@Service
@Transactional(readOnly = true)
public class EventCatalog {

	static final Duration FRESHNESS = Duration.ofSeconds(10);

	private final EventRepository events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

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
		return cached("slug:" + slug + ":" + locale.getLanguage(),
				() -> this.events.findBySlug(slug).map((e) -> e.toInfo(locale)))
			.filter(EventInfo::published);
	}

	public Optional<EventInfo> findById(long id, Locale locale) {
		return cached("id:" + id + ":" + locale.getLanguage(),
				() -> this.events.findById(id).map((e) -> e.toInfo(locale)));
	}

	/** Forgets cached facts after an edit on this instance. */
	void evict() {
		this.cache.clear();
	}

	private Optional<EventInfo> cached(String key, Supplier<Optional<EventInfo>> load) {
		Instant now = this.clock.instant();
		Cached hit = this.cache.get(key);
		if (hit != null && hit.until().isAfter(now)) {
			return Optional.of(hit.event());
		}
		Optional<EventInfo> loaded = load.get();
		loaded.ifPresentOrElse((event) -> this.cache.put(key, new Cached(event, now.plus(FRESHNESS))),
				() -> this.cache.remove(key));
		return loaded;
	}

	private record Cached(EventInfo event, Instant until) {
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
