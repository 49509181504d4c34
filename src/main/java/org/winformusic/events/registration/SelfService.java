package org.winformusic.events.registration;

import java.time.Clock;
import java.util.Optional;

import org.winformusic.events.registration.Changes.Locked;
import org.winformusic.events.registration.EmailChangeOutcome.Outcome;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.shared.Audited;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a registrant does with their manage link: look, cancel, edit, ask for a change of
 * address; and what the owner of that new address does with the confirmation link it was
 * sent ({@link EmailChanges}). A cancel, an edit or a confirmed change of address is in
 * the registration's audit trail like a staff change, its actor
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

	private final EmailChanges emailChanges;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LinkReminders links;

	SelfService(ManageTokens tokens, RegistrationDirectory directory, Changes changes, Edits edits,
			EmailChanges emailChanges, ApplicationEventPublisher events, Clock clock, LinkReminders links) {
		this.links = links;
		this.tokens = tokens;
		this.directory = directory;
		this.changes = changes;
		this.edits = edits;
		this.emailChanges = emailChanges;
		this.events = events;
		this.clock = clock;
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
	 * or (EMAIL_CHANGES_LIMIT) after too many changes of address this hour
	 */
	public EditResult updateByToken(String token, CheckedForm form) {
		return updateByToken(token, form, null, null);
	}

	/**
	 * Self-service edit of the details and answers as the form loaded them at
	 * {@code expectedVersion} (see {@link EditableRegistration}). A save that changes
	 * nothing writes nothing and is not in the history ({@link Edits}). Another address
	 * than the registration's asks for a change that its owner must confirm
	 * ({@link Edits#editOwn}, where {@code emailShown} is explained); the answer is the
	 * same whether or not another registration of the event holds it.
	 * @throws EditConflictException when the registration changed since that version and
	 * the form holds something else than what is saved now: nothing was saved
	 * @throws RegistrationStateException (EVENT_OVER) once the event has ended
	 */
	public EditResult updateByToken(String token, CheckedForm form, Integer expectedVersion, String emailShown) {
		return this.changes.run(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			this.changes.requireBeforeTheEnd(this.changes.lock(id));
			EditResult edit = this.edits.editOwn(id, form, expectedVersion, emailShown);
			if (edit.changed()) {
				// The before and after values, as a staff edit records them.
				audit(EDITED, edit.registration(), edit.details());
			}
			return edit;
		});
	}

	/**
	 * The change of address waiting for confirmation, shown on the manage page while the
	 * registration is active.
	 */
	@Transactional(readOnly = true)
	public Optional<EmailChanges.Waiting> waitingEmailChange(RegistrationView registration) {
		return registration.status().active() ? this.emailChanges.waiting(registration.id()) : Optional.empty();
	}

	/**
	 * Whether the address of a cancelled registration registered for the event again: a
	 * newer registration holds it ({@link RegistrationStatus#holdsAddress()}), so the
	 * form would only answer "already registered". It tells no more than that answer
	 * does.
	 */
	@Transactional(readOnly = true)
	public boolean registeredAgain(RegistrationView registration) {
		return registration.status() == RegistrationStatus.CANCELLED && registration.email() != null
				&& this.links.holdingAddress(registration.eventId(), registration.email()).isPresent();
	}

	/**
	 * Cancels the change of address waiting for confirmation: its link says so from now.
	 * @return whether one was waiting
	 * @throws NotFoundException for an unknown token
	 */
	public boolean cancelEmailChangeByToken(String token) {
		return this.changes.run(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			this.changes.lock(id);
			return this.emailChanges.end(id, EmailChanges.State.CANCELLED);
		});
	}

	/**
	 * What a confirmation link would do now, for the page that asks to confirm (a mail
	 * scanner's GET changes nothing).
	 * @throws NotFoundException for a link that leads nowhere (never existed, or its
	 * change expired long ago or went with the registration's data)
	 */
	@Transactional(readOnly = true)
	public EmailChangeOutcome checkEmailChange(String confirmToken) {
		EmailChanges.Change change = this.emailChanges.find(confirmToken).orElseThrow(NotFoundException::new);
		RegistrationView registration = this.changes.view(change.registrationId());
		return new EmailChangeOutcome(outcome(change, registration), change.newEmail(), registration, null);
	}

	/**
	 * Confirms a change of address with its link: the registration takes the new address
	 * (in the audit trail as the registrant's edit), every earlier manage link stops
	 * working, the change ends, and the old address is told without any link. The
	 * registration's row lock orders two clicks at once: the second finds the change
	 * confirmed. Another registration of the event holding the address changes nothing.
	 * @return the outcome; after {@link EmailChangeOutcome.Outcome#CONFIRMED} with a new
	 * manage token for the confirming browser, never stored
	 * @throws NotFoundException for a link that leads nowhere
	 */
	public EmailChangeOutcome confirmEmailChange(String confirmToken) {
		EmailChanges.Change found = this.emailChanges.find(confirmToken).orElseThrow(NotFoundException::new);
		try {
			return this.changes.run(() -> confirm(found));
		}
		catch (RegistrationStateException ex) {
			if (ex.reason() != RegistrationStateException.Reason.EMAIL_TAKEN) {
				throw ex;
			}
			// Taken between the check and the write: rolled back, nothing changed.
			return new EmailChangeOutcome(Outcome.TAKEN, found.newEmail(), this.changes.view(found.registrationId()),
					null);
		}
	}

	private EmailChangeOutcome confirm(EmailChanges.Change found) {
		long id = found.registrationId();
		this.changes.lock(id);
		EmailChanges.Change change = this.emailChanges.lock(found.id());
		RegistrationView before = this.changes.view(id);
		Outcome outcome = outcome(change, before);
		if (outcome == Outcome.READY
				&& this.emailChanges.heldByAnother(before.eventId(), change.newEmail(), before.id())) {
			outcome = Outcome.TAKEN;
		}
		if (outcome != Outcome.READY) {
			return new EmailChangeOutcome(outcome, change.newEmail(), before, null);
		}
		RegistrationView after = this.edits.changeAddress(id, change.newEmail());
		this.emailChanges.confirmed(change.id());
		this.tokens.revokeAll(id);
		String manageToken = this.tokens.issue(id);
		this.events.publishEvent(new RegistrationMessage(id, after.eventId(), after.locale().getLanguage(),
				Type.EMAIL_CHANGED_OLD, before.email()));
		audit(EDITED, after, ChangeDetails.fields(before, after));
		return new EmailChangeOutcome(Outcome.CONFIRMED, change.newEmail(), after, manageToken);
	}

	/** What a confirmation link of {@code change} does now, uniqueness aside. */
	private Outcome outcome(EmailChanges.Change change, RegistrationView registration) {
		return switch (change.state()) {
			case CONFIRMED -> Outcome.ALREADY_CONFIRMED;
			case SUPERSEDED -> Outcome.SUPERSEDED;
			case CANCELLED -> Outcome.CANCELLED;
			case PENDING -> !registration.status().active() ? Outcome.ENDED
					: this.changes.eventEnded(registration.eventId()) ? Outcome.EVENT_OVER
							: !change.expiresAt().isAfter(this.clock.instant()) ? Outcome.EXPIRED : Outcome.READY;
		};
	}

	/** The registrant's own change; no address is stored with it. */
	private void audit(String action, RegistrationView registration, String details) {
		this.events.publishEvent(new Audited(Audited.REGISTRANT, action, registration.eventId(), registration.id(),
				details.isEmpty() ? null : details, null));
	}

}
