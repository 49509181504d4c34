package org.winformusic.events.registration;

import java.util.Optional;
import java.util.Set;

import org.winformusic.events.registration.Changes.Locked;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a registrant does with their manage link: look, cancel, edit. */
@Service
public class SelfService {

	private final ManageTokens tokens;

	private final RegistrationDirectory directory;

	private final Changes changes;

	SelfService(ManageTokens tokens, RegistrationDirectory directory, Changes changes) {
		this.tokens = tokens;
		this.directory = directory;
		this.changes = changes;
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
	 * @throws NotFoundException for an unknown token
	 */
	public RegistrationView cancelByToken(String token) {
		return this.changes.run(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			Locked current = this.changes.lock(id);
			if (current.status().active()) {
				this.changes.end(current, RegistrationStatus.CANCELLED, Type.CANCELLED);
			}
			return this.changes.view(id);
		});
	}

	/**
	 * Self-service edit, with the public form's validation (consent is not asked again).
	 * @throws RegistrationValidationException when the details break the rules
	 * @throws RegistrationStateException when the registration was cancelled or declined
	 */
	public RegistrationView updateByToken(String token, RegistrationForm form, Set<String> repeatedFields) {
		return updateByToken(token, form, repeatedFields, null);
	}

	/**
	 * Self-service edit of the details as the form loaded them at {@code expectedVersion}
	 * (see {@link EditableRegistration}).
	 * @throws org.springframework.dao.OptimisticLockingFailureException when the
	 * registration changed since that version: nothing was saved
	 */
	public RegistrationView updateByToken(String token, RegistrationForm form, Set<String> repeatedFields,
			Integer expectedVersion) {
		return this.changes.run(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			return this.changes.edit(id, form, repeatedFields, expectedVersion);
		});
	}

}
