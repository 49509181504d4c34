package org.winformusic.events.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStateException.Reason;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a change to an existing registration runs, shared by {@link SelfService},
 * {@link StaffRegistrations} and {@link CheckIns}: {@link #run} gives it a transaction,
 * and the steps below lock the row, check its status, set the new one and publish the
 * message the registrant must receive.
 *
 * <p>
 * A change that may leave a seat free next to someone waiting calls
 * {@link #requestPromotion}. The request is written into a {@link PromotionRequests}
 * bound to the transaction as a resource; {@link #run} reads it after
 * {@code TransactionTemplate.execute} has returned, when the change's connection is back
 * in the pool, so promoting never needs a second connection while holding one (an
 * {@code afterCompletion} callback would still hold it: pool exhaustion under load).
 */
@Component
class Changes {

	private static final Log logger = LogFactory.getLog(Changes.class);

	private final JdbcClient jdbc;

	private final Seats seats;

	private final WaitlistPromoter promoter;

	private final RegistrationDirectory directory;

	private final ApplicationEventPublisher events;

	private final EventCatalog catalog;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Changes(JdbcClient jdbc, Seats seats, WaitlistPromoter promoter, RegistrationDirectory directory,
			ApplicationEventPublisher events, EventCatalog catalog, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.seats = seats;
		this.promoter = promoter;
		this.directory = directory;
		this.events = events;
		this.catalog = catalog;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Runs a change in a transaction of its own, then promotes the waitlists it asked for
	 * (also when it failed: a rolled-back change may have skipped a seat that is free
	 * again). Within a caller's transaction the change joins it, and the promotions run
	 * once that transaction completes.
	 */
	<T> T run(Supplier<T> change) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return change.get();
		}
		PromotionRequests requests = new PromotionRequests();
		try {
			return this.transactions.execute((tx) -> {
				TransactionSynchronizationManager.bindResource(PromotionRequests.class, requests);
				try {
					return change.get();
				}
				finally {
					TransactionSynchronizationManager.unbindResource(PromotionRequests.class);
				}
			});
		}
		finally {
			promote(requests);
		}
	}

	/** Asks for the event's waitlist to be promoted once the current change is over. */
	void requestPromotion(long eventId) {
		PromotionRequests requests = (PromotionRequests) TransactionSynchronizationManager
			.getResource(PromotionRequests.class);
		if (requests == null && !TransactionSynchronizationManager.isSynchronizationActive()) {
			this.promoter.promote(eventId);
			return;
		}
		if (requests == null) {
			requests = bindUntilCallerCompletes();
		}
		requests.eventIds.add(eventId);
	}

	/**
	 * A change joined a transaction that {@link #run} did not start (a staff action that
	 * writes its audit row in the same transaction): promote after that one completes.
	 */
	private PromotionRequests bindUntilCallerCompletes() {
		PromotionRequests requests = new PromotionRequests();
		TransactionSynchronizationManager.bindResource(PromotionRequests.class, requests);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(PromotionRequests.class);
				promote(requests);
			}

		});
		return requests;
	}

	private void promote(PromotionRequests requests) {
		for (long eventId : requests.eventIds) {
			try {
				this.promoter.promote(eventId);
			}
			catch (RuntimeException ex) {
				// The change itself is done; the sweep will promote.
				logger.warn("Promoting the waitlist after a change failed; the sweep will retry", ex);
			}
		}
	}

	/** Locks a registration's row for the rest of the change. */
	Locked lock(long id) {
		// SQL: status changes are set-based updates that serialize on this row lock.
		return this.jdbc
			.sql("select id, event_id, status, checked_in_at, anonymized_at from registration where id = ? for update")
			.param(id)
			.query((rs, n) -> new Locked(rs.getLong("id"), rs.getLong("event_id"),
					RegistrationStatus.valueOf(rs.getString("status")), rs.getObject("checked_in_at") != null,
					rs.getObject("anonymized_at") != null))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * Locks a registration's row, then reads it: the "before" of a change in the same
	 * transaction, which nothing can change until that transaction ends (read before the
	 * lock, another change committed meanwhile would make the audit's from-values wrong).
	 * The one way staff actions and the registrant's changes read it.
	 */
	RegistrationView lockedView(long id) {
		lock(id);
		return view(id);
	}

	static void require(Locked current, RegistrationStatus... allowed) {
		if (!List.of(allowed).contains(current.status())) {
			throw new RegistrationStateException(Reason.WRONG_STATUS,
					"Registration " + current.id() + " is " + current.status());
		}
	}

	/**
	 * Once its event has ended a registration is a record of it: its registrant can no
	 * longer cancel or edit it (their data rights stay), and staff can no longer confirm,
	 * approve, decline, cancel or move it (each an email about an event that is over; an
	 * erasure still cancels).
	 * @throws RegistrationStateException (EVENT_OVER) after the event's end
	 */
	void requireBeforeTheEnd(Locked current) {
		if (eventEnded(current.eventId())) {
			throw new RegistrationStateException(Reason.EVENT_OVER,
					"The event of registration " + current.id() + " has ended");
		}
	}

	/**
	 * An arrival at {@code at} must fall before the event's end: nobody arrives at an
	 * event that is over (a door phone's queue, recorded while it ran, still counts).
	 * @throws RegistrationStateException (EVENT_OVER) when the event had ended by then
	 */
	void requireArrivalBeforeTheEnd(Locked current, Instant at) {
		if (this.catalog.endedBy(current.eventId(), at)) {
			throw new RegistrationStateException(Reason.EVENT_OVER,
					"The event of registration " + current.id() + " had ended by " + at);
		}
	}

	/** Whether the event has ended (read exactly, not from a cache). */
	boolean eventEnded(long eventId) {
		return this.catalog.ended(eventId);
	}

	/**
	 * A checked-in person attended: a change that would take the arrival away with the
	 * seat (cancel, decline, move to the waitlist) is refused; staff undo a mistaken
	 * check-in first, which the audit log records.
	 * @throws RegistrationStateException (ARRIVED) when they were checked in
	 */
	static void requireNotArrived(Locked current) {
		if (current.checkedIn()) {
			throw new RegistrationStateException(Reason.ARRIVED, "Registration " + current.id() + " was checked in");
		}
	}

	/** Cancel or decline: frees the seat, tells the registrant, promotes the waitlist. */
	void end(Locked current, RegistrationStatus status, Type message) {
		this.seats.release(current.id());
		setStatus(current.id(), status);
		publish(current.id(), message);
		requestPromotion(current.eventId());
	}

	void setStatus(long id, RegistrationStatus status) {
		// SQL: one set-based update (sequence, timestamps); version + 1 makes a pending
		// edit stale. A check-in belongs to a confirmed seat: leaving CONFIRMED
		// clears it, so the list's check-in filter, the door and the exports count
		// who the dashboard's "arrived" counts (the audit log keeps the arrival).
		String changes = switch (status) {
			case CONFIRMED -> "confirmed_at = :now, waitlist_seq = null";
			case WAITLISTED -> "confirmed_at = null, waitlist_seq = nextval('waitlist_seq'), checked_in_at = null";
			case CANCELLED -> "cancelled_at = :now, waitlist_seq = null, checked_in_at = null";
			case DECLINED -> "declined_at = :now, waitlist_seq = null, checked_in_at = null";
			case PENDING -> "waitlist_seq = null, checked_in_at = null";
		};
		this.jdbc
			.sql("update registration set status = :status, " + changes
					+ ", updated_at = :now, version = version + 1 where id = :id")
			.param("status", status.name())
			.param("now", now())
			.param("id", id)
			.update();
	}

	/**
	 * Tells the registrant, in their language, about their registration's event; an
	 * erased (anonymized) registration has no address left and is told nothing, so no
	 * outbox row is made for it.
	 */
	void publish(long registrationId, Type type) {
		this.jdbc.sql("select event_id, locale from registration where id = ? and anonymized_at is null")
			.param(registrationId)
			.query((rs, n) -> new RegistrationMessage(registrationId, rs.getLong("event_id"), rs.getString("locale"),
					type))
			.optional()
			.ifPresent(this.events::publishEvent);
	}

	RegistrationView view(long id) {
		return this.directory.find(id).orElseThrow(NotFoundException::new);
	}

	OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * A registration's row as locked by {@link #lock}; {@code erased}: its personal data
	 * was erased or anonymized.
	 */
	record Locked(long id, long eventId, RegistrationStatus status, boolean checkedIn, boolean erased) {
	}

	/**
	 * The events whose waitlist a transaction's changes asked to promote, in the order
	 * asked; bound to that transaction as a resource.
	 */
	private static final class PromotionRequests {

		private final Set<Long> eventIds = new LinkedHashSet<>();

	}

}
