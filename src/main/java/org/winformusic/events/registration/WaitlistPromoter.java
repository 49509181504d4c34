package org.winformusic.events.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the invariant "no seat stays free while someone waits". Registrations claim seats
 * with {@code FOR UPDATE SKIP LOCKED}, so a registrant can skip a seat that another
 * transaction holds locked and then releases (rolled back, or a promoter that did not use
 * it): such a registrant lands on the waitlist next to a free seat. Every transaction
 * that may leave a free seat next to a waiting person (a rollback, a registration that
 * was waitlisted, a cancel, decline or move, a capacity increase) therefore runs
 * {@link #promote(long)} right after it completes, in a new transaction; a periodic sweep
 * catches anything missed (for example an instance that died in between).
 */
@Component
class WaitlistPromoter {

	private static final Log logger = LogFactory.getLog(WaitlistPromoter.class);

	/**
	 * Pairs the oldest waitlisted registrations with the lowest free seats, locking only
	 * as many rows as can be paired and skipping rows other transactions hold.
	 */
	private static final String PROMOTE = """
			with waiting as (
			    select id, row_number() over (order by waitlist_seq) as n
			      from (select id, waitlist_seq from registration
			             where event_id = :eventId and status = 'WAITLISTED'
			             order by waitlist_seq
			             limit (select count(*) from event_seat where event_id = :eventId and registration_id is null)
			             for update skip locked) w
			), free as (
			    select seat_no, row_number() over (order by seat_no) as n
			      from (select seat_no from event_seat
			             where event_id = :eventId and registration_id is null
			             order by seat_no
			             limit (select count(*) from waiting)
			             for update skip locked) f
			), pairs as (
			    select waiting.id, free.seat_no from waiting join free using (n)
			), seats as (
			    update event_seat s set registration_id = pairs.id
			      from pairs where s.event_id = :eventId and s.seat_no = pairs.seat_no
			), promoted as (
			    update registration r
			       set status = 'CONFIRMED', confirmed_at = :now, updated_at = :now, waitlist_seq = null,
			           version = r.version + 1
			      from pairs where r.id = pairs.id
			    returning r.id, pairs.seat_no
			)
			select id from promoted order by seat_no
			""";

	private static final ThreadLocal<Set<Long>> DEFERRED = new ThreadLocal<>();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	WaitlistPromoter(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Gives free seats of an event to the oldest waitlisted registrations, each told by a
	 * PROMOTED message. Runs in a transaction of its own.
	 * @return the registrations promoted, in waitlist order
	 */
	List<Long> promote(long eventId) {
		return this.newTransaction.execute((tx) -> {
			List<Long> promoted = this.jdbc.sql(PROMOTE)
				.param("eventId", eventId)
				.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.query(Long.class)
				.list();
			for (Long id : promoted) {
				this.events.publishEvent(new RegistrationMessage(id, RegistrationMessage.Type.PROMOTED));
			}
			if (!promoted.isEmpty()) {
				logger.info("Promoted " + promoted.size() + " waitlisted registration(s) of event " + eventId);
			}
			return promoted;
		});
	}

	/**
	 * Promotes after the current change: at the end of {@link #promotingAfter} when the
	 * change runs inside it (its connection is back in the pool by then, so promoting
	 * never needs a second connection while holding one), else after the caller's
	 * transaction completes.
	 */
	void promoteAfterCompletion(long eventId) {
		Set<Long> deferred = DEFERRED.get();
		if (deferred != null) {
			deferred.add(eventId);
		}
		else {
			afterCompletion((committed) -> promote(eventId));
		}
	}

	/** Runs a change (its own transaction), then the promotions it asked for. */
	<T> T promotingAfter(Supplier<T> change) {
		Set<Long> outer = DEFERRED.get();
		Set<Long> deferred = new LinkedHashSet<>();
		DEFERRED.set(deferred);
		try {
			return change.get();
		}
		finally {
			if (outer != null) {
				DEFERRED.set(outer);
			}
			else {
				DEFERRED.remove();
			}
			for (Long eventId : deferred) {
				try {
					promote(eventId);
				}
				catch (RuntimeException ex) {
					logger.warn("Promoting the waitlist after a change failed; the sweep will retry", ex);
				}
			}
		}
	}

	/** The safety net: every event with a free seat and someone waiting. */
	@Scheduled(initialDelayString = "${app.waitlist-sweep-millis:30000}",
			fixedDelayString = "${app.waitlist-sweep-millis:30000}")
	void sweep() {
		List<Long> eventIds = this.jdbc.sql("""
				select distinct r.event_id from registration r
				 where r.status = 'WAITLISTED'
				   and exists (select 1 from event_seat s where s.event_id = r.event_id and s.registration_id is null)
				""").query(Long.class).list();
		for (Long eventId : eventIds) {
			try {
				promote(eventId);
			}
			catch (RuntimeException ex) {
				logger.warn("Waitlist sweep failed for event " + eventId, ex);
			}
		}
	}

	/** Runs {@code action} with "was committed" after the current transaction. */
	static void afterCompletion(Consumer<Boolean> action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.accept(true);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				try {
					action.accept(status == STATUS_COMMITTED);
				}
				catch (RuntimeException ex) {
					// The sweep will catch up; the registrant's own change is already
					// done.
					logger.warn("Promoting the waitlist after a change failed", ex);
				}
			}

		});
	}

}
