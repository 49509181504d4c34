package org.winformusic.events.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read access to events for pages, emails and other features.
 * <p>
 * An event's facts change rarely while every page view and every registration email needs
 * them, so {@link #findBySlug} and {@link #findById} keep them for a few seconds (three
 * queries saved per registration; a staff list view spent an eighth of its time loading
 * the event and its speakers and partners). Edits on this instance evict at once; another
 * instance sees them within {@link #FRESHNESS} (and the time to read them: when they
 * expire, one request reads them again while the others keep the previous ones, see
 * {@link RefreshingCache}). Seats are never cached: {@link #availability} always reads
 * the seat rows.
 * <p>
 * Only the reads through JPA run in a (read-only) transaction: the event's speakers and
 * partners are loaded with it. The others are one or two plain statements, read exactly
 * on hot paths (every event page view and registration), which a transaction would only
 * add work to; inside a caller's transaction they join it.
 */
@Service
public class EventCatalog {

	static final Duration FRESHNESS = Duration.ofSeconds(10);

	private final EventRepository events;

	private final EventSeats seats;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RefreshingCache<EventInfo> cache;

	EventCatalog(EventRepository events, EventSeats seats, JdbcClient jdbc, Clock clock) {
		this.events = events;
		this.seats = seats;
		this.jdbc = jdbc;
		this.clock = clock;
		this.cache = new RefreshingCache<>(clock, FRESHNESS);
	}

	/** Any event, published or not, by its slug. */
	@Transactional(readOnly = true)
	public Optional<EventInfo> findBySlug(String slug, Locale locale) {
		return this.cache.get("slug:" + slug + ":" + locale.getLanguage(),
				() -> this.events.findBySlug(slug).map((e) -> e.toInfo(locale)));
	}

	/**
	 * Any event by its slug; with {@code readNow}, as it is now rather than as kept for a
	 * few seconds: for a page kept until the event's {@link #pageVersion} changes, which
	 * must not show facts older than that version.
	 */
	@Transactional(readOnly = true)
	public Optional<EventInfo> findBySlug(String slug, Locale locale, boolean readNow) {
		return readNow ? this.events.findBySlug(slug).map((e) -> e.toInfo(locale)) : findBySlug(slug, locale);
	}

	/**
	 * What registering for an event needs, read exactly in one query (no cache: a form
	 * posted a second after the window closed is refused); empty for no such slug.
	 */
	public Optional<RegisteringEvent> registering(String slug) {
		if (slug == null || slug.length() > 80) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, published, requires_approval, registration_opens_at, registration_closes_at, starts_at,
				       country,
				       exists (select 1 from event_question q where q.event_id = event.id and q.removed_at is null)
				           as has_questions
				  from event where slug = ?
				""")
			.param(slug)
			.query((rs, n) -> new RegisteringEvent(rs.getLong("id"), rs.getBoolean("published"),
					rs.getBoolean("requires_approval"), instant(rs, "registration_opens_at"),
					instant(rs, "registration_closes_at"), instant(rs, "starts_at"), rs.getString("country"),
					rs.getBoolean("has_questions")))
			.optional();
	}

	/**
	 * Whether the event has ended by now, read exactly (no cache): after its end a freed
	 * seat promotes nobody and its registrants' own cancels and edits are refused. False
	 * for no such event.
	 */
	public boolean ended(long eventId) {
		return endedBy(eventId, this.clock.instant());
	}

	/** Whether the event had ended at {@code when} (read exactly); false for no event. */
	public boolean endedBy(long eventId, Instant when) {
		return this.jdbc.sql("select ends_at <= ? from event where id = ?")
			.params(Timestamp.from(when), eventId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Of these events, the ones that have ended by now, read exactly in one query: for
	 * work that has nothing to do once an event is over (the waitlist sweep).
	 */
	public Set<Long> endedAmong(Collection<Long> eventIds) {
		if (eventIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select id from event where id = any(:ids) and ends_at <= :now")
			.param("ids", eventIds.stream().mapToLong(Long::longValue).toArray())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.list());
	}

	/**
	 * The time zone of each of these events, in one query: for staff pages that show rows
	 * of many events, each time in its event's zone. An id of no event is left out; pages
	 * show such times in {@link org.winformusic.events.shared.EventTimes#NO_EVENT}.
	 */
	public Map<Long, ZoneId> zonesOf(Collection<Long> eventIds) {
		Map<Long, ZoneId> zones = new HashMap<>();
		if (!eventIds.isEmpty()) {
			this.jdbc.sql("select id, time_zone from event where id = any(:ids)")
				.param("ids", eventIds.stream().mapToLong(Long::longValue).toArray())
				.query((rs) -> {
					zones.put(rs.getLong("id"), ZoneId.of(rs.getString("time_zone")));
				});
		}
		return zones;
	}

	/**
	 * What a published event's public pages show changes with, besides their language:
	 * the event row's last change (every edit touches it, questions included), its seats,
	 * and which of its registration times, its start and its end have passed. With
	 * {@code exactSeats} the number of free seats counts (the event page shows it),
	 * otherwise only whether any is left (the form). Read exactly on every call; empty
	 * when no published event has this slug.
	 */
	public Optional<String> pageVersion(String slug, boolean exactSeats) {
		if (slug == null || slug.length() > 80) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select id, updated_at, registration_opens_at, registration_closes_at, starts_at, ends_at from event
				 where slug = ? and published
				""")
			.param(slug)
			.query((rs, n) -> new PageInputs(rs.getLong("id"),
					rs.getTimestamp("updated_at").getTime() + "|" + passed(rs, "registration_opens_at", now) + "|"
							+ passed(rs, "registration_closes_at", now) + "|" + passed(rs, "starts_at", now) + "|"
							+ passed(rs, "ends_at", now)))
			.optional()
			.map((event) -> {
				Availability seats = this.seats.availability(event.id());
				return event.version() + "|" + seats.capacity() + "|" + (exactSeats ? seats.free() : seats.full());
			});
	}

	private record PageInputs(long id, String version) {
	}

	private static boolean passed(ResultSet rs, String column, Instant now) throws SQLException {
		Instant time = instant(rs, column);
		return time != null && !now.isBefore(time);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	@Transactional(readOnly = true)
	public Optional<EventInfo> findById(long id, Locale locale) {
		return this.cache.get("id:" + id + ":" + locale.getLanguage(),
				() -> this.events.findById(id).map((e) -> e.toInfo(locale)));
	}

	/**
	 * Any event by its id; with {@code readNow}, as it is now rather than as kept for a
	 * few seconds: for the email telling people the event moved, which must not carry the
	 * old time (another instance's cache may hold it for {@link #FRESHNESS}).
	 */
	@Transactional(readOnly = true)
	public Optional<EventInfo> findById(long id, Locale locale, boolean readNow) {
		return readNow ? this.events.findById(id).map((e) -> e.toInfo(locale)) : findById(id, locale);
	}

	/**
	 * Forgets cached facts after an edit on this instance: now, and again when the edit's
	 * transaction ends, so that facts read by another request before the edit committed
	 * are not kept for {@link #FRESHNESS} after it.
	 */
	void evict() {
		this.cache.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					EventCatalog.this.cache.clear();
				}
			});
		}
	}

	/** Published events that have not ended, soonest first. */
	@Transactional(readOnly = true)
	public List<EventInfo> upcoming(Locale locale) {
		return this.events.findUpcomingPublished(this.clock.instant()).stream().map((e) -> e.toInfo(locale)).toList();
	}

	/**
	 * Events, published or not, that start after {@code from} and by {@code until}, with
	 * their start.
	 */
	public Map<Long, Instant> startingBetween(Instant from, Instant until) {
		Map<Long, Instant> starts = new LinkedHashMap<>();
		this.jdbc.sql("select id, starts_at from event where starts_at > ? and starts_at <= ?")
			.params(Timestamp.from(from), Timestamp.from(until))
			.query((rs) -> {
				starts.put(rs.getLong("id"), rs.getTimestamp("starts_at").toInstant());
			});
		return starts;
	}

	/**
	 * Events that ended more than their retention period before {@code now} (their own
	 * {@code retentionDays}, else {@code defaultRetention}): their registrations'
	 * personal data is kept no longer.
	 */
	public List<Long> pastRetention(Instant now, Duration defaultRetention) {
		return this.jdbc
			.sql("""
					select id from event
					 where ends_at + coalesce(retention_days * interval '1 day', :defaultSeconds * interval '1 second') < :now
					""")
			.param("defaultSeconds", defaultRetention.toSeconds())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	/** Seats and free seats of an event, counted from its seat rows. */
	public Availability availability(long eventId) {
		return this.seats.availability(eventId);
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
