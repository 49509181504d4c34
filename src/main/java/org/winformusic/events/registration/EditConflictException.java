package org.winformusic.events.registration;

import java.util.List;

import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A save refused because the registration changed after the edit form was loaded, and the
 * form holds something else than what is saved now. Nothing was saved. The form is shown
 * again with what the person typed, the current version (saving again replaces what is
 * saved now) and, for each field that differs, what is saved now.
 */
public class EditConflictException extends ObjectOptimisticLockingFailureException {

	private final transient EditableRegistration current;

	private final transient List<String> differing;

	EditConflictException(EditableRegistration current, List<String> differing) {
		super(Registration.class, current.registration().id());
		this.current = current;
		this.differing = List.copyOf(differing);
	}

	/** The registration as it is saved now, with its version. */
	public EditableRegistration current() {
		return this.current;
	}

	/**
	 * The fields whose posted value is not the saved one, by form field name
	 * ({@code q<id>} for an answer to the event's own questions), in form order.
	 */
	public List<String> differing() {
		return this.differing;
	}

}
