package org.winformusic.events.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.shared.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the invariant "no seat stays free while someone waits". Registrations claim seats
 * with {@code FOR UPDATE SKIP LOCKED}, so a registrant can skip a seat that another
 * transaction holds locked and then releases (rolled back, or a promoter that did not use
 * it): such a registrant lands on the waitlist next to a free seat. Every transaction
 * that may leave a free seat next to a waiting person (a rollback, a registration that
 * was waitlisted, a cancel, decline or move, a capacity increase) therefore runs
 * {@link #promote(long)} right after it completes, in a new transaction (see
 * {@link Changes#requestPromotion}); a periodic sweep catches anything missed (for
 * example an instance that died in between). The pairing itself is
 * {@link Seats#promoteWaitlist}.
 *
 * <p>
 * Until the event ends: a seat freed while it runs (someone who will not come after all)
 * still goes to the first person waiting, who can still come for the rest of it, and the
 * door lets them in as confirmed. After its end a free seat is no use to anyone, so
 * nobody is promoted and nobody is told "a seat is yours"; the waiting stay waiting, and
 * their manage page says the event took place.
 */
@Component
class WaitlistPromoter {

	private static final Log logger = LogFactory.getLog(WaitlistPromoter.class);

	/**
	 * Whether the event has a free seat and someone waiting, as committed now: two probes
	 * of partial indexes ({@code event_seat_free_idx},
	 * {@code registration_waitlist_idx}). A seat another transaction holds locked still
	 * reads as free here.
	 */
	private static final String SEAT_AND_SOMEONE_WAITING = """
			select exists (select 1 from event_seat where event_id = :eventId and registration_id is null)
			   and exists (select 1 from registration where event_id = :eventId and status = 'WAITLISTED')
			""";

	private final JdbcClient jdbc;

	private final Seats seats;

	private final ApplicationEventPublisher events;

	private final EventCatalog catalog;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	WaitlistPromoter(JdbcClient jdbc, Seats seats, ApplicationEventPublisher events, EventCatalog catalog, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.seats = seats;
		this.events = events;
		this.catalog = catalog;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * {@link #promote} after a registration that is already stored: when the database
	 * cannot be reached now (no free connection in a burst), the registrant still gets
	 * their answer and {@link #sweep} promotes within {@code app.waitlist-sweep-millis}.
	 */
	void promoteAfterRegistering(long eventId) {
		try {
			promote(eventId);
		}
		catch (DataAccessException ex) {
			logger.warn("Waitlist of event " + eventId + " left to the sweep: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Gives free seats of an event to the oldest waitlisted registrations, each told by a
	 * PROMOTED message; none once the event has ended. Runs in a transaction of its own,
	 * unless one read finds no free seat or nobody waiting (a registration that joined
	 * the waitlist of a full event, a cancel with nobody waiting): the common case costs
	 * one statement, not a transaction that waits for the event's promotion lock.
	 * Skipping then is safe because whatever later makes a seat free next to someone
	 * waiting commits first and calls this itself: of two such calls, the later one reads
	 * both halves committed.
	 * @return the registrations promoted, in waitlist order
	 */
	List<Long> promote(long eventId) {
		if (!this.jdbc.sql(SEAT_AND_SOMEONE_WAITING).param("eventId", eventId).query(Boolean.class).single()) {
			return List.of();
		}
		return this.newTransaction.execute((tx) -> {
			if (this.catalog.ended(eventId)) {
				return List.of();
			}
			// One promoter of an event at a time, each reading what the one before it
			// committed: two at once could each lock part of the other's rows (one the
			// first waiting, the other the free seats) and seat later people first.
			// Registrations claiming a seat never take this lock.
			this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('waitlist promotion ' || ?, 0))")
				.param(eventId)
				.query()
				.singleRow();
			List<Seats.Promoted> promoted = this.seats.promoteWaitlist(eventId,
					OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			for (Seats.Promoted registration : promoted) {
				this.events.publishEvent(new RegistrationMessage(registration.id(), eventId, registration.locale(),
						RegistrationMessage.Type.PROMOTED));
				// In the registration's history: nobody on the staff did it.
				this.events.publishEvent(new Audited(Audited.SYSTEM, "PROMOTED", eventId, registration.id(),
						"status: " + RegistrationStatus.WAITLISTED + " -> " + RegistrationStatus.CONFIRMED, null));
			}
			if (!promoted.isEmpty()) {
				logger.info("Promoted " + promoted.size() + " waitlisted registration(s) of event " + eventId);
			}
			return promoted.stream().map(Seats.Promoted::id).toList();
		});
	}

	/**
	 * The safety net: every event with a free seat and someone waiting, except the ones
	 * that have ended (nobody is promoted after the end, and without this each of them
	 * would cost a transaction every sweep, for ever).
	 * @return the events visited
	 */
	@Scheduled(initialDelayString = "${app.waitlist-sweep-millis:30000}",
			fixedDelayString = "${app.waitlist-sweep-millis:30000}")
	List<Long> sweep() {
		List<Long> waiting = this.jdbc.sql("""
				select distinct r.event_id from registration r
				 where r.status = 'WAITLISTED'
				   and exists (select 1 from event_seat s where s.event_id = r.event_id and s.registration_id is null)
				""").query(Long.class).list();
		Set<Long> ended = this.catalog.endedAmong(waiting);
		List<Long> visited = waiting.stream().filter((eventId) -> !ended.contains(eventId)).toList();
		for (Long eventId : visited) {
			try {
				promote(eventId);
			}
			catch (RuntimeException ex) {
				logger.warn("Waitlist sweep failed for event " + eventId, ex);
			}
		}
		return visited;
	}

}
