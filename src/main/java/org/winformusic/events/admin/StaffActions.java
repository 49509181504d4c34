package org.winformusic.events.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.winformusic.events.registration.ChangeDetails;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.CheckedForm;
import org.winformusic.events.registration.EditResult;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.CheckIns;
import org.winformusic.events.registration.CheckIns.CheckIn;
import org.winformusic.events.registration.CheckIns.PhoneCheckIn;
import org.winformusic.events.registration.CheckIns.PhoneUndo;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.StaffRegistrations;
import org.winformusic.events.shared.Audited;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change staff make to registrations: the registration service call and its audit
 * row in one transaction (the email the change causes joins it too, through the
 * {@link RegistrationMessage} the registration service publishes), so either all of it
 * happens or none. The "before" of a status change is read under the registration's row
 * lock ({@link StaffRegistrations#lockForChange}), held until the change commits, so the
 * audit's from-status is the one the change moved from.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
class StaffActions {

	private final StaffRegistrations registrations;

	private final CheckIns checkIns;

	private final RegistrationDirectory directory;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffActions(StaffRegistrations registrations, CheckIns checkIns, RegistrationDirectory directory, AuditLog audit,
			JdbcClient jdbc, Clock clock) {
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.directory = directory;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public RegistrationView approve(long id) {
		RegistrationView before = this.registrations.lockForChange(id);
		return audited("APPROVED", before, this.registrations.approve(id));
	}

	@Transactional
	public RegistrationView decline(long id) {
		RegistrationView before = this.registrations.lockForChange(id);
		return audited("DECLINED", before, this.registrations.decline(id));
	}

	@Transactional
	public RegistrationView cancel(long id) {
		RegistrationView before = this.registrations.lockForChange(id);
		return audited("CANCELLED", before, this.registrations.cancelByStaff(id));
	}

	@Transactional
	public RegistrationView moveToWaitlist(long id) {
		RegistrationView before = this.registrations.lockForChange(id);
		return audited("MOVED_TO_WAITLIST", before, this.registrations.moveToWaitlist(id));
	}

	/** Confirms from the waitlist or pending; only an ADMIN may add a seat to do it. */
	@Transactional
	public RegistrationView confirm(long id, boolean exceedCapacity) {
		if (exceedCapacity && !isAdmin()) {
			throw new AccessDeniedException("exceeding capacity needs ADMIN");
		}
		RegistrationView before = this.registrations.lockForChange(id);
		return audited(exceedCapacity ? "CONFIRMED_OVER_CAPACITY" : "CONFIRMED", before,
				this.registrations.confirm(id, exceedCapacity));
	}

	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'DOOR')")
	public CheckIn checkIn(long id) {
		RegistrationView before = find(id);
		CheckIn result = this.checkIns.checkIn(id);
		if (!result.alreadyCheckedIn()) {
			this.audit.recordForCurrentUser("CHECKED_IN", before.eventId(), id, null);
		}
		return result;
	}

	/**
	 * A door phone's check-in ({@link CheckIns#checkInFromPhone}). The audit names who
	 * recorded the arrival that is stored: a first arrival as CHECKED_IN; an earlier time
	 * that replaces another phone's as CHECK_IN_EARLIER with the time kept.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'DOOR')")
	public PhoneCheckIn checkInFromPhone(long id, Instant at, String key) {
		RegistrationView before = find(id);
		PhoneCheckIn result = this.checkIns.checkInFromPhone(id, at, key);
		switch (result.kept()) {
			case NEW -> this.audit.recordForCurrentUser("CHECKED_IN", before.eventId(), id, null);
			case EARLIER -> this.audit.recordForCurrentUser("CHECK_IN_EARLIER", before.eventId(), id,
					"checkedInAt=" + result.registration().checkedInAt());
			default -> {
			}
		}
		return result;
	}

	/**
	 * A door phone's undo of the arrival it saw ({@link CheckIns#undoFromPhone}): audited
	 * as {@link #undoCheckIn} when it undid one.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'DOOR')")
	public PhoneUndo undoCheckInFromPhone(long id, String key, Instant seen) {
		RegistrationView before = this.registrations.lockForChange(id);
		PhoneUndo result = this.checkIns.undoFromPhone(id, key, seen);
		if (result.undone()) {
			this.audit.recordForCurrentUser("CHECK_IN_UNDONE", before.eventId(), id,
					"checkedInAt=" + before.checkedInAt());
		}
		return result;
	}

	/**
	 * The log keeps when they had arrived ({@code checkedInAt=<instant>}, read as "Había
	 * llegado el ..."): the status does not change, so a status line would say nothing.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'DOOR')")
	public RegistrationView undoCheckIn(long id) {
		RegistrationView before = this.registrations.lockForChange(id);
		RegistrationView after = this.checkIns.undoCheckIn(id);
		this.audit.recordForCurrentUser("CHECK_IN_UNDONE", before.eventId(), id,
				(before.checkedInAt() != null) ? "checkedInAt=" + before.checkedInAt() : null);
		return after;
	}

	/**
	 * Edits the details as loaded at {@code expectedVersion}; the audit row holds the
	 * before and after of changed fields. A save that changes nothing writes nothing, in
	 * the history neither.
	 */
	@Transactional
	public EditResult update(long id, CheckedForm form, Integer expectedVersion) {
		EditResult edit = this.registrations.update(id, form, expectedVersion);
		if (edit.changed()) {
			this.audit.recordForCurrentUser("EDITED", edit.registration().eventId(), id, edit.details());
		}
		return edit;
	}

	/**
	 * Sends the registrant the email of their current status again, with a fresh link;
	 * refused for an erased registration.
	 */
	@Transactional
	public void resend(long id) {
		RegistrationView registration = find(id);
		RegistrationMessage.Type type = this.registrations.resend(id);
		this.audit.recordForCurrentUser("EMAIL_RESENT", registration.eventId(), id, "type=" + type);
	}

	/**
	 * A staff note on a registration. A note about a person is their personal data: on a
	 * registration whose data was erased or anonymized it is refused and nothing is
	 * stored.
	 * @return false when refused
	 */
	@Transactional
	public boolean addNote(long id, String body) {
		// Under the row lock an erasure takes too: either it committed first (and the
		// note is refused) or it waits and then deletes this note with the others.
		RegistrationView registration = this.registrations.lockForChange(id);
		if (!this.directory.erasedAmong(List.of(id)).isEmpty()) {
			return false;
		}
		this.jdbc.sql("insert into staff_note (registration_id, author, body, created_at) values (?, ?, ?, ?)")
			.params(id, Audited.currentActor(), body, Timestamp.from(this.clock.instant()))
			.update();
		this.audit.recordForCurrentUser("NOTE_ADDED", registration.eventId(), id, null);
		return true;
	}

	@Transactional
	public void changeCapacity(long eventId, int before, int capacity) {
		this.registrations.changeCapacity(eventId, capacity);
		this.audit.recordForCurrentUser("CAPACITY_CHANGED", eventId, null, "capacity: " + before + " -> " + capacity);
	}

	/** The status change (and a check-in it took away, see {@link ChangeDetails}). */
	private RegistrationView audited(String action, RegistrationView before, RegistrationView after) {
		this.audit.recordForCurrentUser(action, before.eventId(), before.id(), ChangeDetails.status(before, after));
		return after;
	}

	private RegistrationView find(long id) {
		return this.directory.find(id).orElseThrow(NotFoundException::new);
	}

	private static boolean isAdmin() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> StaffRole.ADMIN.authority().equals(a.getAuthority()));
	}

}
