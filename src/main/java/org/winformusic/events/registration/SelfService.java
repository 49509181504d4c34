package org.winformusic.events.registration;

import java.util.Optional;

import org.winformusic.events.registration.Changes.Locked;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.shared.Audited;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a registrant does with their manage link: look, cancel, edit. A cancel or an edit
 * is in the registration's audit trail like a staff change, its actor
 * {@link Audited#REGISTRANT}, written in the change's transaction.
 */
@Service
public class SelfService {

	static final String CANCELLED = "CANCELLED_BY_REGISTRANT";

	static final String EDITED = "EDITED_BY_REGISTRANT";

	private final ManageTokens tokens;

	private final RegistrationDirectory directory;

	private final Changes changes;

	private final Edits edits;

	private final ApplicationEventPublisher audit;

	SelfService(ManageTokens tokens, RegistrationDirectory directory, Changes changes, Edits edits,
			ApplicationEventPublisher audit) {
		this.tokens = tokens;
		this.directory = directory;
		this.changes = changes;
		this.edits = edits;
		this.audit = audit;
	}

	/** The registration a manage token belongs to. */
	@Transactional(readOnly = true)
	public Optional<RegistrationView> findByToken(String token) {
		return this.tokens.resolve(token).flatMap(this.directory::find);
	}

	/**
	 * The registration a manage token belongs to, with its version, for the edit form.
	 */
	@Transactional(readOnly = true)
	public Optional<EditableRegistration> findForEditByToken(String token) {
		return this.tokens.resolve(token).flatMap(this.directory::findForEdit);
	}

	/**
	 * Self-service cancel. A registration that is already cancelled or declined stays so.
	 * Refused once the person was checked in (they attended: the arrival stays) and once
	 * the event has ended (the registration is a record of it); nothing changes then.
	 * @throws NotFoundException for an unknown token
	 * @throws RegistrationStateException (ARRIVED or EVENT_OVER) when refused
	 */
	public RegistrationView cancelByToken(String token) {
		return cancel(token, true);
	}

	/**
	 * The cancel that comes with the registrant's erasure of their data: whatever
	 * happened, the registration ends (an arrival goes with it, the audit log keeps it).
	 * @throws NotFoundException for an unknown token
	 */
	public RegistrationView cancelToErase(String token) {
		return cancel(token, false);
	}

	private RegistrationView cancel(String token, boolean refuseAfterAttending) {
		return this.changes.run(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			Locked current = this.changes.lock(id);
			if (!current.status().active()) {
				return this.changes.view(id);
			}
			if (refuseAfterAttending) {
				this.changes.requireBeforeTheEnd(current);
				Changes.requireNotArrived(current);
			}
			// Read under the lock: the audit's from-status is the one this cancel ends.
			RegistrationView before = this.changes.view(id);
			this.changes.end(current, RegistrationStatus.CANCELLED, Type.CANCELLED);
			RegistrationView after = this.changes.view(id);
			audit(CANCELLED, after, ChangeDetails.status(before, after));
			return after;
		});
	}

	/**
	 * Self-service edit, with a form checked against the registration's event (consent is
	 * not asked again).
	 * @throws RegistrationStateException when the registration was cancelled or declined,
	 * or (EMAIL_TAKEN) when another registration of the event holds the new address
	 */
	public EditResult updateByToken(String token, CheckedForm form) {
		return updateByToken(token, form, null);
	}

	/**
	 * Self-service edit of the details and answers as the form loaded them at
	 * {@code expectedVersion} (see {@link EditableRegistration}). A save that changes
	 * nothing writes nothing and is not in the history ({@link Edits}).
	 * @throws EditConflictException when the registration changed since that version and
	 * the form holds something else than what is saved now: nothing was saved
	 * @throws RegistrationStateException (EVENT_OVER) once the event has ended
	 */
	public EditResult updateByToken(String token, CheckedForm form, Integer expectedVersion) {
		return this.changes.run(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			this.changes.requireBeforeTheEnd(this.changes.lock(id));
			EditResult edit = this.edits.edit(id, form, expectedVersion);
			if (edit.changed()) {
				// The before and after values, as a staff edit records them.
				audit(EDITED, edit.registration(), edit.details());
			}
			return edit;
		});
	}

	/** The registrant's own change; no address is stored with it. */
	private void audit(String action, RegistrationView registration, String details) {
		this.audit.publishEvent(new Audited(Audited.REGISTRANT, action, registration.eventId(), registration.id(),
				details.isEmpty() ? null : details, null));
	}

}
