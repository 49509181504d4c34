package org.winformusic.events.registration;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to single registrations for other features (emails, admin pages). */
@Service
@Transactional(readOnly = true)
public class RegistrationDirectory {

	private final RegistrationRepository repository;

	RegistrationDirectory(RegistrationRepository repository) {
		this.repository = repository;
	}

	public Optional<RegistrationView> find(long id) {
		return this.repository.findView(id);
	}

	/**
	 * A registration that still holds its personal data: empty for an erased one, and for
	 * one anonymized after its event, as for an id that never existed.
	 */
	public Optional<RegistrationView> findWithPersonalData(long id) {
		return this.repository.findViewWithPersonalData(id);
	}

	/**
	 * A registration with the version it was read at, for an edit form that sends the
	 * version back.
	 */
	public Optional<EditableRegistration> findForEdit(long id) {
		return this.repository.findById(id)
			.map((registration) -> new EditableRegistration(registration.view(), registration.version()));
	}

	/**
	 * Several registrations in one query (the outbox sender's batch); missing ids are
	 * absent.
	 */
	public Map<Long, RegistrationView> findAll(Collection<Long> ids) {
		Map<Long, RegistrationView> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.repository.findViews(ids).forEach((view) -> found.put(view.id(), view));
		return found;
	}

	/**
	 * Which of these registrations no longer hold their personal data (erased, or
	 * anonymized after their event), in one query.
	 */
	public Set<Long> erasedAmong(Collection<Long> ids) {
		return ids.isEmpty() ? Set.of() : Set.copyOf(this.repository.findAnonymizedIds(ids));
	}

}
