package org.winformusic.events.registration;

import java.util.List;

/**
 * Registration details that break the form rules (DESIGN.md): thrown by staff edits and
 * self-service edits; the page shows each {@link FieldProblem} next to its field.
 */
public class RegistrationValidationException extends RuntimeException {

	private final List<FieldProblem> problems;

	RegistrationValidationException(List<FieldProblem> problems) {
		super("Invalid registration details in fields "
				+ problems.stream().map(FieldProblem::field).distinct().toList(), null, false, false);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
