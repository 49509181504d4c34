package org.winformusic.events.registration;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.winformusic.events.event.EventDays;
import org.winformusic.events.registration.Changes.Locked;
import org.winformusic.events.registration.RegistrationStateException.Reason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Staff at the entrance: checking people in, and undoing a mistaken check-in. */
@Service
public class CheckIns {

	/**
	 * How long an undone phone check-in is remembered: far longer than a phone keeps its
	 * queue unsent (the door copy expires 12 hours after the event).
	 */
	static final Duration UNDONE_KEPT = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Changes changes;

	private final EventDays days;

	CheckIns(JdbcClient jdbc, Changes changes, EventDays days) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.days = days;
	}

	/**
	 * Records the check-in time; a second check-in keeps the first time and says so. Only
	 * a confirmed registration (a seat) can arrive: the door, the pass card and the
	 * detail page all come here, and every change that leaves CONFIRMED clears the
	 * check-in ({@link Changes#setStatus}), so the dashboard's "arrived" (confirmed and
	 * checked in) and the list's check-in filter count the same people.
	 * @throws RegistrationStateException (WRONG_STATUS) when it is not confirmed,
	 * (EVENT_OVER) after the event's end: an arrival recorded then would be a fake one;
	 * (NOT_YET) before its first day (in its zone), when nobody arrives either
	 */
	public CheckIn checkIn(long registrationId) {
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			Changes.require(current, RegistrationStatus.CONFIRMED);
			if (current.checkedIn()) {
				return new CheckIn(this.changes.view(registrationId), true);
			}
			this.changes.requireBeforeTheEnd(current);
			requireTheDayBegunBy(current, this.changes.now().toInstant());
			// SQL: a set-based change under the row lock, like the status changes.
			this.jdbc.sql(
					"update registration set checked_in_at = :now, checkin_key = null, updated_at = :now, version = version + 1 where id = :id")
				.param("now", this.changes.now())
				.param("id", registrationId)
				.update();
			return new CheckIn(this.changes.view(registrationId), false);
		});
	}

	/**
	 * Clears the arrival. The check-in a phone recorded it with (its key) is remembered
	 * as undone: sent again later, it is answered as undone, not recorded again.
	 */
	public RegistrationView undoCheckIn(long registrationId) {
		return this.changes.run(() -> {
			this.changes.lock(registrationId);
			rememberUndone(registrationId, stored(registrationId).key());
			// SQL: a set-based change under the row lock, like the status changes.
			this.jdbc.sql(
					"update registration set checked_in_at = null, checkin_key = null, updated_at = :now, version = version + 1 where id = :id")
				.param("now", this.changes.now())
				.param("id", registrationId)
				.update();
			return this.changes.view(registrationId);
		});
	}

	/**
	 * An undo a door phone queued, of the arrival it saw: the check-in it recorded
	 * ({@code key}) or the arrival its copy showed ({@code seen}). Another arrival stored
	 * since is kept: an undo sent again after its answer was lost must not erase the
	 * arrival another phone recorded meanwhile. With neither (a phone's script from
	 * before undos named their arrival) any arrival is undone. The check-in it names
	 * ({@code key}) is remembered as undone whatever is stored: sent again after this
	 * undo (another tab, a retry), or only now (it crossed the undo on the way), it
	 * records nothing.
	 * @return whether an arrival was undone (false: none, or another one, is stored)
	 */
	public PhoneUndo undoFromPhone(long registrationId, String key, Instant seen) {
		Instant at = (seen != null) ? seen.truncatedTo(ChronoUnit.MICROS) : null;
		return this.changes.run(() -> {
			this.changes.lock(registrationId);
			rememberUndone(registrationId, key);
			Stored stored = stored(registrationId);
			boolean same = stored.at() != null && ((key == null && at == null)
					|| (key != null && key.equals(stored.key())) || (at != null && at.equals(stored.at().toInstant())));
			if (!same) {
				return new PhoneUndo(this.changes.view(registrationId), false);
			}
			return new PhoneUndo(undoCheckIn(registrationId), true);
		});
	}

	/**
	 * A check-in a door phone queued: {@code at} is when the phone saw the person
	 * (already bounded by the caller), {@code key} the random id the phone gave this
	 * check-in. The earliest time is kept, and with it the key of the check-in that
	 * reported it, so a phone can tell its own arrival from another phone's. Sending the
	 * same check-in again (an answer lost on the way) is answered as the first time. A
	 * phone offline during the event may send its arrivals after the end; one it saw
	 * after the end is refused. A check-in whose undo was applied already (a second tab,
	 * a retry after a lost answer, sending it after the undo) is answered {@code UNDONE}
	 * and records nothing; a new check-in (a new key) is recorded as any.
	 * @throws RegistrationStateException (WRONG_STATUS) when it is not confirmed,
	 * (EVENT_OVER) when the event had ended by {@code phoneTime}, (NOT_YET) when its
	 * first day had not begun by then
	 */
	public PhoneCheckIn checkInFromPhone(long registrationId, Instant phoneTime, String key) {
		// As the database keeps it (microseconds), so the same time compares equal.
		Instant at = phoneTime.truncatedTo(ChronoUnit.MICROS);
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			Changes.require(current, RegistrationStatus.CONFIRMED);
			if (undone(registrationId, key)) {
				return new PhoneCheckIn(this.changes.view(registrationId), Kept.UNDONE);
			}
			this.changes.requireArrivalBeforeTheEnd(current, at);
			requireTheDayBegunBy(current, at);
			Stored stored = stored(registrationId);
			Kept kept;
			if (stored.at() == null) {
				kept = Kept.NEW;
			}
			else if (key != null && key.equals(stored.key())) {
				return new PhoneCheckIn(this.changes.view(registrationId), Kept.SAME);
			}
			else if (at.isBefore(stored.at().toInstant())) {
				kept = Kept.EARLIER;
			}
			else {
				return new PhoneCheckIn(this.changes.view(registrationId), Kept.OTHER);
			}
			// SQL: a set-based change under the row lock, like the status changes.
			this.jdbc.sql("""
					update registration set checked_in_at = :at, checkin_key = :key, updated_at = :now,
					  version = version + 1 where id = :id""")
				.param("at", Timestamp.from(at))
				.param("key", key)
				.param("now", this.changes.now())
				.param("id", registrationId)
				.update();
			return new PhoneCheckIn(this.changes.view(registrationId), kept);
		});
	}

	/**
	 * Whose check-in each arrival of the event is: registration id to the key a phone
	 * gave it (arrivals from a page have none and are left out).
	 */
	public Map<Long, String> arrivalKeys(long eventId) {
		Map<Long, String> keys = new HashMap<>();
		this.jdbc.sql("""
				select id, checkin_key from registration
				where event_id = ? and checked_in_at is not null and checkin_key is not null
				""").param(eventId).query((java.sql.ResultSet rs) -> {
			keys.put(rs.getLong("id"), rs.getString("checkin_key"));
		});
		return keys;
	}

	/**
	 * Arrivals are recorded from midnight of the event's first day where it takes place,
	 * the door's "today" ({@link EventDays}), on: an event months away picked by mistake
	 * at the door, or a check-in tapped on its detail page, records nobody.
	 * @throws RegistrationStateException (NOT_YET) when that day had not begun at
	 * {@code at}
	 */
	private void requireTheDayBegunBy(Locked current, Instant at) {
		if (!this.days.begunBy(current.eventId(), at)) {
			throw new RegistrationStateException(Reason.NOT_YET,
					"The event of registration " + current.id() + " had not begun its first day by " + at);
		}
	}

	/** Remembers a phone's check-in ({@code key}; none for a page's) as undone. */
	private void rememberUndone(long registrationId, String key) {
		if (key == null) {
			return;
		}
		this.jdbc.sql("""
				insert into checkin_undone (registration_id, checkin_key, undone_at) values (:id, :key, :now)
				on conflict (registration_id, checkin_key) do nothing""")
			.param("id", registrationId)
			.param("key", key)
			.param("now", this.changes.now())
			.update();
	}

	private boolean undone(long registrationId, String key) {
		return key != null && this.jdbc
			.sql("select exists (select 1 from checkin_undone where registration_id = ? and checkin_key = ?)")
			.params(registrationId, key)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Forgets the check-ins undone more than {@link #UNDONE_KEPT} ago (housekeeping); how
	 * many.
	 */
	int forgetOldUndone() {
		return this.jdbc.sql("delete from checkin_undone where undone_at < ?")
			.param(OffsetDateTime.ofInstant(this.changes.now().toInstant().minus(UNDONE_KEPT), ZoneOffset.UTC))
			.update();
	}

	private Stored stored(long registrationId) {
		return this.jdbc.sql("select checked_in_at, checkin_key from registration where id = ?")
			.param(registrationId)
			.query((rs, n) -> new Stored(rs.getTimestamp("checked_in_at"), rs.getString("checkin_key")))
			.single();
	}

	private record Stored(Timestamp at, String key) {
	}

	/**
	 * Whether a phone's check-in is the arrival now stored: {@code NEW} (nobody was in),
	 * {@code EARLIER} (it replaced a later time), {@code SAME} (sent again) or not,
	 * {@code OTHER} (someone else's earlier or equal time stands), {@code UNDONE} (its
	 * arrival was undone already: not recorded again).
	 */
	public enum Kept {

		NEW, EARLIER, SAME, OTHER, UNDONE;

		public boolean ours() {
			return this == NEW || this == EARLIER || this == SAME;
		}

	}

	/** The outcome of a phone's undo: {@code undone} false when another arrival stays. */
	public record PhoneUndo(RegistrationView registration, boolean undone) {
	}

	/** The outcome of a phone's check-in. */
	public record PhoneCheckIn(RegistrationView registration, Kept kept) {
	}

	/**
	 * The outcome of a check-in.
	 *
	 * @param alreadyCheckedIn true when the person was checked in before (nothing
	 * changed)
	 */
	public record CheckIn(RegistrationView registration, boolean alreadyCheckedIn) {
	}

}
