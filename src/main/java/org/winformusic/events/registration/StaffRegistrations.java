package org.winformusic.events.registration;

import java.util.Collection;
import java.util.Map;

import org.winformusic.events.registration.Changes.Locked;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStateException.Reason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff decide about registrations: status changes, edits, and an event's capacity.
 * Each change runs in one transaction (or joins the caller's) and publishes the
 * {@link RegistrationMessage} the registrant must receive.
 */
@Service
public class StaffRegistrations {

	private final JdbcClient jdbc;

	private final Changes changes;

	private final Seats seats;

	private final CurrentStatusEmail statusEmail;

	private final Edits edits;

	StaffRegistrations(JdbcClient jdbc, Changes changes, Seats seats, CurrentStatusEmail statusEmail, Edits edits) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.seats = seats;
		this.statusEmail = statusEmail;
		this.edits = edits;
	}

	/**
	 * Locks the registration's row until the caller's transaction ends and reads it: the
	 * "before" of the changes that follow in that transaction, which nothing else can
	 * change meanwhile (a staff action's audit records from-values as they were).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RegistrationView lockForChange(long registrationId) {
		return this.changes.lockedView(registrationId);
	}

	/**
	 * PENDING → CONFIRMED when a seat is free, else WAITLISTED; tells the registrant
	 * (approved but waiting, when no seat was left).
	 * @throws RegistrationStateException (EVENT_OVER) after the event's end: a seat, or a
	 * place in the waitlist, of an event that is over is no news to send
	 */
	public RegistrationView approve(long registrationId) {
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			Changes.require(current, RegistrationStatus.PENDING);
			this.changes.requireBeforeTheEnd(current);
			if (this.seats.claim(registrationId, current.eventId())) {
				this.changes.setStatus(registrationId, RegistrationStatus.CONFIRMED);
				this.changes.publish(registrationId, Type.CONFIRMED);
			}
			else {
				this.changes.setStatus(registrationId, RegistrationStatus.WAITLISTED);
				this.changes.publish(registrationId, Type.APPROVED_WAITLISTED);
				this.changes.requestPromotion(current.eventId());
			}
			return this.changes.view(registrationId);
		});
	}

	/**
	 * Any active status → DECLINED; frees a held seat (promoting the waitlist); tells the
	 * registrant.
	 * @throws RegistrationStateException (ARRIVED) when they were checked in: undo a
	 * mistaken check-in first; (EVENT_OVER) after the event's end, when the registrations
	 * are the record of who came
	 */
	public RegistrationView decline(long registrationId) {
		return end(registrationId, RegistrationStatus.DECLINED, Type.DECLINED, true);
	}

	/**
	 * Staff cancel: → CANCELLED; frees a held seat (promoting the waitlist); tells the
	 * registrant.
	 * @throws RegistrationStateException (ARRIVED) when they were checked in: undo a
	 * mistaken check-in first; (EVENT_OVER) after the event's end
	 */
	public RegistrationView cancelByStaff(long registrationId) {
		return end(registrationId, RegistrationStatus.CANCELLED, Type.CANCELLED, true);
	}

	/**
	 * The cancel that comes with a staff erasure of the registration's data: whatever
	 * happened and whenever, it ends (an arrival goes with the seat; the audit log keeps
	 * it).
	 */
	public RegistrationView cancelToErase(long registrationId) {
		return end(registrationId, RegistrationStatus.CANCELLED, Type.CANCELLED, false);
	}

	/**
	 * @param asRecorded whether the change must leave the record alone: refused for
	 * someone who arrived, and after the event's end (a staff decline or cancel; not an
	 * erasure)
	 */
	private RegistrationView end(long registrationId, RegistrationStatus status, Type message, boolean asRecorded) {
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			Changes.require(current, RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED,
					RegistrationStatus.WAITLISTED);
			if (asRecorded) {
				Changes.requireNotArrived(current);
				this.changes.requireBeforeTheEnd(current);
			}
			this.changes.end(current, status, message);
			return this.changes.view(registrationId);
		});
	}

	/**
	 * CONFIRMED or PENDING → WAITLISTED at the end of the waitlist (it is served in the
	 * order people joined it); a freed seat goes to the first in the waitlist. The person
	 * moved stays waiting: no seat stays free while someone waits
	 * ({@link WaitlistPromoter}), so a move that would leave a seat free for them (more
	 * free seats, the one they hold included, than people waiting ahead) is refused
	 * rather than turned into a confirmation. Someone who held a seat is told it is
	 * withdrawn (SEAT_WITHDRAWN: their calendar entry goes). For a pending one the move
	 * is an approval without a seat left, as {@link #approve} into a full event: the
	 * waitlist is promoted with no further review, so they are told their request was
	 * approved and they wait (APPROVED_WAITLISTED), not the email of someone who
	 * registered into a full event.
	 * @throws RegistrationStateException (SEAT_FREE) when a seat would be free for them,
	 * (ARRIVED) when they were checked in, (EVENT_OVER) after the event's end
	 */
	public RegistrationView moveToWaitlist(long registrationId) {
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			Changes.require(current, RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING);
			Changes.requireNotArrived(current);
			this.changes.requireBeforeTheEnd(current);
			Seats.Count seats = this.seats.count(current.eventId());
			// Their own seat comes free only if they hold one: a confirmed row written
			// without a seat (a script or a bulk load, the only way an event shows
			// more confirmed people than seats) frees none.
			long waitingAhead = this.jdbc
				.sql("select count(*) from registration where event_id = ? and status = 'WAITLISTED'")
				.param(current.eventId())
				.query(Long.class)
				.single();
			boolean holdsSeat = this.jdbc.sql("select exists (select 1 from event_seat where registration_id = ?)")
				.param(registrationId)
				.query(Boolean.class)
				.single();
			int freeAfter = seats.total() - seats.held() + (holdsSeat ? 1 : 0);
			if (freeAfter > waitingAhead) {
				throw new RegistrationStateException(Reason.SEAT_FREE, "Registration " + registrationId + " would get "
						+ "a free seat back: " + freeAfter + " free, " + waitingAhead + " waiting");
			}
			this.seats.release(registrationId);
			this.changes.setStatus(registrationId, RegistrationStatus.WAITLISTED);
			this.changes.publish(registrationId, (current.status() == RegistrationStatus.CONFIRMED)
					? Type.SEAT_WITHDRAWN : Type.APPROVED_WAITLISTED);
			this.changes.requestPromotion(current.eventId());
			return this.changes.view(registrationId);
		});
	}

	/**
	 * WAITLISTED or PENDING → CONFIRMED. Without a free seat this fails unless
	 * {@code exceedCapacity}, which adds one seat to the event (capacity + 1).
	 * @throws RegistrationStateException (NO_FREE_SEAT) when the event is full and
	 * {@code exceedCapacity} is false, (EVENT_OVER) after the event's end ("a seat is
	 * yours" for an event that is over)
	 */
	public RegistrationView confirm(long registrationId, boolean exceedCapacity) {
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			Changes.require(current, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING);
			this.changes.requireBeforeTheEnd(current);
			if (!this.seats.claim(registrationId, current.eventId())) {
				if (!exceedCapacity) {
					throw new RegistrationStateException(Reason.NO_FREE_SEAT,
							"No free seat for registration " + registrationId);
				}
				this.seats.addHeldSeat(current.eventId(), registrationId);
			}
			this.changes.setStatus(registrationId, RegistrationStatus.CONFIRMED);
			// "A seat freed up" fits the waitlist; an approved request is simply
			// confirmed.
			this.changes.publish(registrationId,
					(current.status() == RegistrationStatus.WAITLISTED) ? Type.PROMOTED : Type.CONFIRMED);
			return this.changes.view(registrationId);
		});
	}

	/**
	 * Sends the registrant the email of their current status again (with a fresh link,
	 * made when it is sent): for someone waiting who held a seat, the withdrawn seat's
	 * email that takes the entry out of their calendar ({@link CurrentStatusEmail}).
	 * @return the kind of email queued
	 * @throws RegistrationStateException (ERASED) when the registration's data was
	 * erased: it has no address left and nothing is queued
	 */
	public Type resend(long registrationId) {
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			if (current.erased()) {
				throw new RegistrationStateException(Reason.ERASED, "Registration " + registrationId + " was erased");
			}
			Type type = this.statusEmail.kindFor(registrationId, current.eventId(), current.status());
			this.changes.publish(registrationId, type);
			return type;
		});
	}

	/**
	 * The kind of email {@link #resend} would queue now for each of these registrations,
	 * by id (a bulk resend's preview names it).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Type> resendKinds(Collection<RegistrationView> registrations) {
		return this.statusEmail.kindsFor(registrations);
	}

	/**
	 * Staff edit of the details, with a form checked against the registration's event.
	 * @throws RegistrationStateException when the registration was cancelled or declined,
	 * or (EMAIL_TAKEN) when another registration of the event holds the new address
	 */
	public EditResult update(long registrationId, CheckedForm form) {
		return update(registrationId, form, null);
	}

	/**
	 * Staff edit of the details as loaded at {@code expectedVersion} (see
	 * {@link EditableRegistration}); a save that changes nothing writes nothing
	 * ({@link EditResult#changed()}).
	 * @throws EditConflictException when the registration changed since that version and
	 * the form holds something else than what is saved now: nothing was saved
	 */
	public EditResult update(long registrationId, CheckedForm form, Integer expectedVersion) {
		return this.changes.run(() -> this.edits.edit(registrationId, form, expectedVersion));
	}

	/**
	 * Sets an event's capacity, the number of its seat rows; raising it promotes the
	 * waitlist at once. Lowering it removes free seats only, highest numbers first.
	 * @throws RegistrationStateException (CAPACITY_BELOW_HELD_SEATS) when fewer seats
	 * than people hold were asked for, (EVENT_OVER) after the event's end
	 */
	public void changeCapacity(long eventId, int capacity) {
		this.changes.run(() -> {
			if (capacity < 0) {
				throw new IllegalArgumentException("Capacity must not be negative");
			}
			// Capacity changes of one event serialize on a lock of their own;
			// registrations never take it.
			this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('event capacity ' || ?, 0))")
				.param(eventId)
				.query()
				.singleRow();
			// After the end the seats are the record of the day: nobody moves up from
			// the waitlist, and the number no longer changes.
			if (this.changes.eventEnded(eventId)) {
				throw new RegistrationStateException(Reason.EVENT_OVER, "Event " + eventId + " has ended");
			}
			Seats.Count seats = this.seats.count(eventId);
			if (capacity > seats.total()) {
				this.seats.addFree(eventId, seats, capacity - seats.total());
				this.changes.requestPromotion(eventId);
			}
			else if (capacity < seats.total()) {
				int remove = seats.total() - capacity;
				int removed = (capacity < seats.held()) ? 0 : this.seats.removeFree(eventId, remove);
				if (removed < remove) {
					throw new RegistrationStateException(Reason.CAPACITY_BELOW_HELD_SEATS, "Event " + eventId + " has "
							+ seats.held() + " held seats; capacity " + capacity + " refused");
				}
			}
			return null;
		});
	}

}
