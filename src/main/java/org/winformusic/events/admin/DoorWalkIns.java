package org.winformusic.events.admin;

import java.util.Locale;

import org.winformusic.events.event.RegisteringEvent;
import org.winformusic.events.registration.CheckedForm;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.WalkIns;
import org.winformusic.events.registration.WalkIns.Outcome;
import org.winformusic.events.registration.WalkIns.WalkIn;
import org.winformusic.events.registration.WalkIns.WhenFull;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A walk-in added at the door ({@link WalkIns}) and its audit rows in one transaction:
 * who added them (REGISTERED_AT_DOOR: the staff member gave the person's consent for
 * them, as told), a seat added for them (CONFIRMED_OVER_CAPACITY, ADMIN only, as on the
 * registration page) and the arrival (CHECKED_IN).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'DOOR')")
class DoorWalkIns {

	private final WalkIns walkIns;

	private final AuditLog audit;

	DoorWalkIns(WalkIns walkIns, AuditLog audit) {
		this.walkIns = walkIns;
		this.audit = audit;
	}

	@Transactional
	public WalkIn add(RegisteringEvent event, CheckedForm form, Locale language, WhenFull whenFull) {
		if (whenFull == WhenFull.ADD_SEAT
				&& !AdminModel.has(SecurityContextHolder.getContext().getAuthentication(), StaffRole.ADMIN)) {
			throw new AccessDeniedException("exceeding capacity needs ADMIN");
		}
		WalkIn result = this.walkIns.add(event, form, language, whenFull);
		if (result.outcome() == Outcome.CHECKED_IN || result.outcome() == Outcome.WAITLISTED) {
			RegistrationView added = result.registration();
			this.audit.recordForCurrentUser("REGISTERED_AT_DOOR", event.id(), added.id(),
					"status=" + added.status().name());
			if (result.extraSeat()) {
				this.audit.recordForCurrentUser("CONFIRMED_OVER_CAPACITY", event.id(), added.id(), null);
			}
			if (result.outcome() == Outcome.CHECKED_IN) {
				this.audit.recordForCurrentUser("CHECKED_IN", event.id(), added.id(), null);
			}
		}
		return result;
	}

}
