package org.winformusic.events.registration;

import java.util.List;

/**
 * One problem with one field of a {@link RegistrationForm}: the form field name (as
 * posted) and a message key of the {@code messages/registration} bundle with its
 * arguments, so each page shows it in the reader's language.
 */
public record FieldProblem(String field, String messageKey, List<Object> args) {

	public FieldProblem {
		args = List.copyOf(args);
	}

	static FieldProblem of(String field, String messageKey, Object... args) {
		return new FieldProblem(field, messageKey, List.of(args));
	}

	/** The message arguments as the MessageSource wants them. */
	public Object[] arguments() {
		return this.args.toArray();
	}

}
