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
 */
@Component
class Edits {

	private final RegistrationRepository repository;

	private final AnswerChecks answers;

	private final RegistrationDirectory directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Edits(RegistrationRepository repository, AnswerChecks answers, RegistrationDirectory directory, Clock clock,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.answers = answers;
		this.directory = directory;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Edits the details with a form checked against the registration's event, through the
	 * entity, its row locked like {@link Changes#lock} does. The before values are read
	 * under that lock, so the result's details name what this save changed. When anything
	 * changed the registration since the form was loaded at {@code expectedVersion}
	 * (null: no form version to check), the save is refused if the form holds anything
	 * else than what is saved now; if it holds just that, there is nothing to save.
	 * @throws RegistrationStateException when the registration was cancelled or declined,
	 * or (EMAIL_TAKEN) when another registration of the event holds the new address
	 * @throws EditConflictException when someone else changed it meanwhile and the form
	 * differs from what they saved: nothing was saved
	 */
	EditResult edit(long registrationId, CheckedForm form, Integer expectedVersion) {
		Registration registration = this.repository.findLockedById(registrationId).orElseThrow(NotFoundException::new);
		if (form.eventId() != registration.eventId()) {
			throw new IllegalArgumentException("The form was checked for another event");
		}
		if (!registration.status().active()) {
			throw new RegistrationStateException(Reason.WRONG_STATUS,
					"Registration " + registrationId + " is " + registration.status());
		}
		RegistrationView before = registration.view();
		Map<Long, String> answersBefore = this.answers.stored(registrationId, form.answers());
		Map<Long, String> answersAfter = form.answers().asStored();
		List<String> differing = new ArrayList<>(registration.differences(form.values(), form.country()));
		for (EventQuestion question : form.answers().questions()) {
			if (!Objects.equals(answersBefore.get(question.id()), answersAfter.get(question.id()))) {
				differing.add("q" + question.id());
			}
		}
		if (differing.isEmpty()) {
			return new EditResult(before, "", null);
		}
		if (expectedVersion != null && expectedVersion != registration.version()) {
			throw new EditConflictException(new EditableRegistration(before, registration.version()), differing);
		}
		registration.edit(form.values(), this.clock.instant());
		try {
			this.repository.saveAndFlush(registration);
		}
		catch (DataIntegrityViolationException ex) {
			if (!isUniqueViolation(ex)) {
				throw ex;
			}
			throw new RegistrationStateException(Reason.EMAIL_TAKEN,
					"Another registration of the event holds the address of registration " + registrationId);
		}
		this.answers.store(registrationId, form.answers(), true);
		RegistrationView after = this.directory.find(registrationId).orElseThrow(NotFoundException::new);
		String details = ChangeDetails.fields(before, after) + "\n" + ChangeDetails
			.answers(form.answers().questions().stream().map(EventQuestion::id).toList(), answersBefore, answersAfter);
		boolean newAddress = !before.email().equalsIgnoreCase(after.email());
		if (newAddress) {
			tellBothAddresses(before, after);
		}
		return new EditResult(after, details.strip(), newAddress ? before.email() : null);
	}

	/**
	 * A changed address is confirmed where it leads: the new one gets the personal link
	 * (a typo shows when nothing arrives, and the manage page names where it went), the
	 * old one is told of the change without any link. Queued in this change's
	 * transaction, like every email.
	 */
	private void tellBothAddresses(RegistrationView before, RegistrationView after) {
		String language = after.locale().getLanguage();
		this.events.publishEvent(
				new RegistrationMessage(after.id(), after.eventId(), language, Type.EMAIL_CHANGED, after.email()));
		this.events.publishEvent(
				new RegistrationMessage(after.id(), after.eventId(), language, Type.EMAIL_CHANGED_OLD, before.email()));
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
