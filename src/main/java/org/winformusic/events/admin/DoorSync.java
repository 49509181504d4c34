package org.winformusic.events.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.CheckIns.PhoneCheckIn;
import org.winformusic.events.registration.CheckIns.PhoneUndo;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Applies what a door phone did while it could not reach the server. Each action goes
 * through {@link StaffActions} on its own (one refused action does not undo the others)
 * and answers with what the server now holds, so the phone shows the truth after its next
 * sync.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'DOOR')")
class DoorSync {

	/**
	 * A phone's clock may be off: an arrival it dates earlier than this before the event
	 * starts (before a workshop's doors open; a clock hours off, a wrong zone) is taken
	 * as now.
	 */
	static final Duration EARLIEST_BEFORE_START = Duration.ofHours(2);

	static final int MAX_ACTIONS = 500;

	private final StaffActions actions;

	private final RegistrationDirectory directory;

	private final EventCatalog catalog;

	private final Clock clock;

	DoorSync(StaffActions actions, RegistrationDirectory directory, EventCatalog catalog, Clock clock) {
		this.actions = actions;
		this.directory = directory;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * @param undoAfterTheEnd whether this staff member may undo an arrival after the
	 * event's end ({@link DoorCheckIns#canUndo}: an ADMIN on its last day)
	 */
	List<Result> apply(long eventId, Instant startsAt, boolean undoAfterTheEnd, List<Action> batch) {
		List<Result> results = new ArrayList<>();
		for (Action action : batch) {
			results.add(applyOne(eventId, startsAt, undoAfterTheEnd, action));
		}
		return results;
	}

	Result applyOne(long eventId, Instant startsAt, boolean undoAfterTheEnd, Action action) {
		if (action == null || action.id() == null || action.type() == null) {
			return new Result(null, null, Outcome.INVALID, null, null);
		}
		Optional<RegistrationView> found = this.directory.find(action.id()).filter((r) -> r.eventId() == eventId);
		if (found.isEmpty()) {
			return new Result(action.id(), action.type(), Outcome.UNKNOWN, null, null);
		}
		RegistrationView registration = found.get();
		if ("undo".equals(action.type())) {
			// As on the door page: after the end one tap must not erase an arrival nobody
			// can record again. A page opened while the event ran still offers undo; what
			// the phone undid while it ran still syncs, like its arrivals.
			if (!undoAfterTheEnd && this.catalog.endedBy(eventId, phoneTime(action.at(), startsAt))) {
				return result(action, Outcome.EVENT_OVER, registration);
			}
			PhoneUndo undo = this.actions.undoCheckInFromPhone(registration.id(), key(action.key()),
					instant(action.seen()));
			// Another arrival than the one the phone saw stays: said as a repeat.
			RegistrationView after = undo.registration();
			return result(action, (undo.undone() || after.checkedInAt() == null) ? Outcome.UNDONE : Outcome.ALREADY,
					after);
		}
		if (!"in".equals(action.type())) {
			return new Result(action.id(), action.type(), Outcome.INVALID, null, null);
		}
		if (registration.status() != RegistrationStatus.CONFIRMED) {
			return result(action, Outcome.NOT_CONFIRMED, registration);
		}
		try {
			PhoneCheckIn done = this.actions.checkInFromPhone(registration.id(), phoneTime(action.at(), startsAt),
					key(action.key()));
			Outcome outcome = switch (done.kept()) {
				case UNDONE -> Outcome.UNDONE;
				case OTHER -> Outcome.ALREADY;
				default -> Outcome.DONE;
			};
			return result(action, outcome, done.registration());
		}
		catch (RegistrationStateException ex) {
			Outcome refused = switch (ex.reason()) {
				case EVENT_OVER -> Outcome.EVENT_OVER;
				case NOT_YET -> Outcome.NOT_YET;
				default -> Outcome.NOT_CONFIRMED;
			};
			return result(action, refused, this.directory.find(registration.id()).orElseThrow());
		}
	}

	/**
	 * When the phone saw it, within reason: never after the server's now, never more than
	 * {@link #EARLIEST_BEFORE_START} before the event starts; otherwise now.
	 */
	private Instant phoneTime(String at, Instant startsAt) {
		Instant now = this.clock.instant();
		Instant phone = instant(at);
		return (phone == null || phone.isAfter(now) || phone.isBefore(startsAt.minus(EARLIEST_BEFORE_START))) ? now
				: phone;
	}

	private static Instant instant(String text) {
		try {
			return (text != null) ? Instant.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Result result(Action action, Outcome outcome, RegistrationView registration) {
		Instant in = registration.checkedInAt();
		return new Result(action.id(), action.type(), outcome, registration.status().name(),
				(in == null) ? null : in.toString());
	}

	/** A phone's id for its check-in: up to 64 letters, digits and dashes, or none. */
	private static String key(String key) {
		return (key != null && key.matches("[A-Za-z0-9-]{1,64}")) ? key : null;
	}

	/**
	 * {@code type} is {@code in} or {@code undo}; {@code at} the phone's ISO-8601
	 * instant; {@code key} the random id the phone gave a check-in (DONE answers that the
	 * arrival stored is this one, ALREADY that another check-in's is). An undo names the
	 * arrival it undoes: {@code key}, the check-in's the phone recorded, and
	 * {@code seen}, the arrival time the phone showed; another arrival stays (ALREADY).
	 */
	record Action(Long id, String type, String at, String key, String seen) {
	}

	record Result(Long id, String type, Outcome outcome, String status, String checkedInAt) {
	}

	enum Outcome {

		DONE, ALREADY,

		/**
		 * An undo applied (or nothing to undo); for a check-in, one whose undo was
		 * applied already (sent again after it): not recorded again. Either way the
		 * answer's arrival time is what the server holds.
		 */
		UNDONE,

		NOT_CONFIRMED, UNKNOWN, INVALID,

		/**
		 * Seen by the phone after the event's end: not recorded (an arrival), or not
		 * undone (an undo; the arrival stays).
		 */
		EVENT_OVER,

		/**
		 * An arrival the phone saw before the event's first day began (midnight in its
		 * zone): not recorded.
		 */
		NOT_YET

	}

}
