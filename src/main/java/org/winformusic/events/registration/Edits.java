package org.winformusic.events.registration;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.winformusic.events.event.EventQuestion;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStateException.Reason;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * An edit of a registration's details and of its answers to the event's own questions,
 * shared by {@link SelfService} and {@link StaffRegistrations}; runs in the caller's
 * change ({@link Changes#run}).
 *
 * <p>
 * A save that changes nothing stored (the same fields, the same answers) writes nothing:
 * the version stays, so an edit form open elsewhere still saves, and the result says so
 * (no audit entry, no "edited" line with nothing in it). A form loaded before someone
 * else's change is refused only when saving it would change something.
 *
 * <p>
 * A new address is where the two part. Staff act on the person's request: the address
 * changes at once, every earlier manage link stops working and both addresses are told.
 * The registrant's new address only asks for a change, which its owner confirms
 * ({@link EmailChanges}); the other details are saved at once.
 */
@Component
class Edits {

	private final RegistrationRepository repository;

	private final AnswerChecks answers;

	private final RegistrationDirectory directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ManageTokens tokens;

	private final EmailChanges emailChanges;

	Edits(RegistrationRepository repository, AnswerChecks answers, RegistrationDirectory directory, Clock clock,
			ApplicationEventPublisher events, ManageTokens tokens, EmailChanges emailChanges) {
		this.repository = repository;
		this.answers = answers;
		this.directory = directory;
		this.clock = clock;
		this.events = events;
		this.tokens = tokens;
		this.emailChanges = emailChanges;
	}

	/**
	 * Staff's edit of the details with a form checked against the registration's event,
	 * through the entity, its row locked like {@link Changes#lock} does. The before
	 * values are read under that lock, so the result's details name what this save
	 * changed. When anything changed the registration since the form was loaded at
	 * {@code expectedVersion} (null: no form version to check), the save is refused if
	 * the form holds anything else than what is saved now; if it holds just that, there
	 * is nothing to save. A new address takes effect at once: every earlier manage link
	 * stops working, a change the registrant asked for ends, and both addresses are told.
	 * @throws RegistrationStateException when the registration was cancelled or declined,
	 * or (EMAIL_TAKEN) when another registration of the event holds the new address
	 * @throws EditConflictException when someone else changed it meanwhile and the form
	 * differs from what they saved: nothing was saved
	 */
	EditResult edit(long registrationId, CheckedForm form, Integer expectedVersion) {
		Registration registration = lock(registrationId, form);
		EditResult edit = save(registration, form, form.values(), List.of(), expectedVersion);
		if (edit.emailChanged()) {
			this.emailChanges.end(registrationId, EmailChanges.State.SUPERSEDED);
			this.tokens.revokeAll(registrationId);
			tellBothAddresses(edit.previousEmail(), edit.registration());
		}
		return edit;
	}

	/**
	 * The registrant's own edit, as {@link #edit} but for the address. Another address
	 * than the registration's is a request for a change that its owner confirms
	 * ({@link EmailChanges}): the registration keeps its address meanwhile. Typing the
	 * registration's address back, in a form that showed the change waiting
	 * ({@code emailShown}: the address the form was loaded with, null for the one a form
	 * loaded now would show), cancels that change: nothing is sent. The answer is the
	 * same whether or not another registration of the event holds the address typed.
	 * @throws RegistrationStateException when the registration was cancelled or declined,
	 * or (EMAIL_CHANGES_LIMIT) when it asked for too many changes of address this hour:
	 * nothing was saved
	 */
	EditResult editOwn(long registrationId, CheckedForm form, Integer expectedVersion, String emailShown) {
		Registration registration = lock(registrationId, form);
		String current = registration.view().email();
		String typed = form.values().email();
		String waiting = this.emailChanges.waiting(registrationId).map(EmailChanges.Waiting::newEmail).orElse(null);
		if (typed.equalsIgnoreCase(current)) {
			String shown = (emailShown != null && !emailShown.isBlank()) ? emailShown.strip()
					: (waiting != null) ? waiting : current;
			boolean changedBack = waiting != null && !shown.equalsIgnoreCase(current);
			EditResult edit = save(registration, form, form.values(), List.of(), expectedVersion);
			if (changedBack) {
				this.emailChanges.end(registrationId, EmailChanges.State.CANCELLED);
			}
			return edit.withEmailChange(null, changedBack);
		}
		boolean asked = !typed.equalsIgnoreCase(waiting);
		EditResult edit = save(registration, form, Registration.withEmail(form.values(), current),
				asked ? List.of("email") : List.of(), expectedVersion);
		if (asked) {
			this.emailChanges.request(edit.registration(), typed);
		}
		return edit.withEmailChange(asked ? typed : null, false);
	}

	/**
	 * A confirmed change of address: the entity's email, its row locked.
	 * @throws RegistrationStateException (EMAIL_TAKEN) when another registration of the
	 * event holds the address
	 */
	RegistrationView changeAddress(long registrationId, String address) {
		Registration registration = this.repository.findLockedById(registrationId).orElseThrow(NotFoundException::new);
		registration.changeEmail(address, this.clock.instant());
		flush(registration);
		return this.directory.find(registrationId).orElseThrow(NotFoundException::new);
	}

	private Registration lock(long registrationId, CheckedForm form) {
		Registration registration = this.repository.findLockedById(registrationId).orElseThrow(NotFoundException::new);
		if (form.eventId() != registration.eventId()) {
			throw new IllegalArgumentException("The form was checked for another event");
		}
		if (!registration.status().active()) {
			throw new RegistrationStateException(Reason.WRONG_STATUS,
					"Registration " + registrationId + " is " + registration.status());
		}
		return registration;
	}

	/**
	 * Saves {@code values} and the form's answers when they differ from what is stored.
	 * @param alsoAsked what the form asks for besides what it stores (the address of a
	 * change to confirm): a form loaded before someone else's change that asks for it is
	 * refused like one that would store something
	 */
	private EditResult save(Registration registration, CheckedForm form, ValidForm values, List<String> alsoAsked,
			Integer expectedVersion) {
		long registrationId = registration.id();
		RegistrationView before = registration.view();
		Map<Long, String> answersBefore = this.answers.stored(registrationId, form.answers());
		Map<Long, String> answersAfter = form.answers().asStored();
		List<String> differing = new ArrayList<>(registration.differences(values, form.country()));
		for (EventQuestion question : form.answers().questions()) {
			if (!Objects.equals(answersBefore.get(question.id()), answersAfter.get(question.id()))) {
				differing.add("q" + question.id());
			}
		}
		if (differing.isEmpty() && alsoAsked.isEmpty()) {
			return new EditResult(before, "", null);
		}
		if (expectedVersion != null && expectedVersion != registration.version()) {
			List<String> asked = new ArrayList<>(alsoAsked);
			asked.addAll(differing);
			throw new EditConflictException(new EditableRegistration(before, registration.version()), asked);
		}
		if (differing.isEmpty()) {
			return new EditResult(before, "", null);
		}
		registration.edit(values, this.clock.instant());
		flush(registration);
		this.answers.store(registrationId, form.answers(), true);
		RegistrationView after = this.directory.find(registrationId).orElseThrow(NotFoundException::new);
		String details = ChangeDetails.fields(before, after) + "\n" + ChangeDetails
			.answers(form.answers().questions().stream().map(EventQuestion::id).toList(), answersBefore, answersAfter);
		boolean newAddress = !before.email().equalsIgnoreCase(after.email());
		return new EditResult(after, details.strip(), newAddress ? before.email() : null);
	}

	private void flush(Registration registration) {
		try {
			this.repository.saveAndFlush(registration);
		}
		catch (DataIntegrityViolationException ex) {
			if (!isUniqueViolation(ex)) {
				throw ex;
			}
			throw new RegistrationStateException(Reason.EMAIL_TAKEN,
					"Another registration of the event holds the address of registration " + registration.id());
		}
	}

	/**
	 * Staff changed the address: the new one gets the personal link (a typo shows when
	 * nothing arrives), the old one is told of the change without any link. Queued in
	 * this change's transaction, like every email.
	 */
	private void tellBothAddresses(String before, RegistrationView after) {
		String language = after.locale().getLanguage();
		this.events.publishEvent(
				new RegistrationMessage(after.id(), after.eventId(), language, Type.EMAIL_CHANGED, after.email()));
		this.events.publishEvent(
				new RegistrationMessage(after.id(), after.eventId(), language, Type.EMAIL_CHANGED_OLD, before));
	}

	/** The one-active-registration-per-address index refused the write. */
	private static boolean isUniqueViolation(DataIntegrityViolationException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				return true;
			}
		}
		return ex instanceof DuplicateKeyException;
	}

}
