package org.winformusic.events.registration;

import org.winformusic.events.registration.Changes.Locked;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Staff at the entrance: checking people in, and undoing a mistaken check-in. */
@Service
public class CheckIns {

	private final JdbcClient jdbc;

	private final Changes changes;

	CheckIns(JdbcClient jdbc, Changes changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	/**
	 * Records the check-in time; a second check-in keeps the first time and says so. Only
	 * a confirmed registration (a seat) can arrive: the door, the pass card and the
	 * detail page all come here, and every change that leaves CONFIRMED clears the
	 * check-in ({@link Changes#setStatus}), so the dashboard's "arrived" (confirmed and
	 * checked in) and the list's check-in filter count the same people.
	 * @throws RegistrationStateException (WRONG_STATUS) when it is not confirmed
	 */
	public CheckIn checkIn(long registrationId) {
		return this.changes.run(() -> {
			Locked current = this.changes.lock(registrationId);
			Changes.require(current, RegistrationStatus.CONFIRMED);
			if (current.checkedIn()) {
				return new CheckIn(this.changes.view(registrationId), true);
			}
			// SQL: a set-based change under the row lock, like the status changes.
			this.jdbc.sql(
					"update registration set checked_in_at = :now, updated_at = :now, version = version + 1 where id = :id")
				.param("now", this.changes.now())
				.param("id", registrationId)
				.update();
			return new CheckIn(this.changes.view(registrationId), false);
		});
	}

	public RegistrationView undoCheckIn(long registrationId) {
		return this.changes.run(() -> {
			this.changes.lock(registrationId);
			// SQL: a set-based change under the row lock, like the status changes.
			this.jdbc.sql(
					"update registration set checked_in_at = null, updated_at = :now, version = version + 1 where id = :id")
				.param("now", this.changes.now())
				.param("id", registrationId)
				.update();
			return this.changes.view(registrationId);
		});
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
