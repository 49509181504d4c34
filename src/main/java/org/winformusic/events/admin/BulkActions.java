package org.winformusic.events.admin;

import java.util.List;
import java.util.Objects;

import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * One action applied to each selected registration of an event, each in its own
 * transaction (through {@link StaffActions}) so one that cannot change does not undo the
 * others.
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
class BulkActions {

	static final int MAX_SELECTED = 500;

	private final StaffActions actions;

	private final RegistrationDirectory directory;

	BulkActions(StaffActions actions, RegistrationDirectory directory) {
		this.actions = actions;
		this.directory = directory;
	}

	/**
	 * @return how many registrations the action applied to
	 */
	public int apply(long eventId, Action action, List<Long> ids) {
		int done = 0;
		for (Long id : ids.stream().filter(Objects::nonNull).distinct().limit(MAX_SELECTED).toList()) {
			RegistrationView registration = this.directory.find(id).orElse(null);
			if (registration == null || registration.eventId() != eventId) {
				continue;
			}
			try {
				switch (action) {
					case APPROVE -> this.actions.approve(id);
					case DECLINE -> this.actions.decline(id);
					case RESEND -> this.actions.resend(id);
				}
				done++;
			}
			catch (RuntimeException ex) {
				if (ex instanceof org.springframework.security.access.AccessDeniedException) {
					throw ex;
				}
				// Not possible in its current status: skipped; the page reports the
				// count.
			}
		}
		return done;
	}

	/** What can be applied to several selected rows at once. */
	enum Action {

		APPROVE, DECLINE, RESEND

	}

}
