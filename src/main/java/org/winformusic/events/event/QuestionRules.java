package org.winformusic.events.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.winformusic.events.event.QuestionRow.ChoiceRow;

/**
 * What the event editor checks in its questions: a kind, labels in both languages, at
 * least two choices for a choice question, bounded lengths, no change of kind once a
 * question has answers, and no chosen choice removed without the organizer confirming it
 * (its answers stay, marked as no longer on the form). Errors are keyed by the indexed
 * field name ({@code questions[1].labelEn}) with a message key of
 * {@code messages/questions}, the maximum length with its number ({@link FieldProblems}).
 */
final class QuestionRules {

	static final int MAX_QUESTIONS = 30;

	static final int MAX_CHOICES = 30;

	static final int LABEL_MAX = 300;

	static final int HELP_MAX = 500;

	static final int CHOICE_MAX = 200;

	private QuestionRules() {
	}

	/**
	 * @param stored the event's questions as stored (for the kind of answered ones)
	 * @param answered ids of stored questions that have answers
	 * @param leaving by row index, the chosen choices the row leaves out
	 */
	static Map<String, String> check(List<QuestionRow> rows, Map<Long, EventQuestion> stored, Set<Long> answered,
			Map<Integer, List<EventQuestions.LeavingChoice>> leaving) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (rows.size() > MAX_QUESTIONS) {
			errors.put("questions", "questions.error.tooMany");
			return errors;
		}
		for (int i = 0; i < rows.size(); i++) {
			QuestionRow row = rows.get(i);
			String prefix = "questions[" + i + "].";
			QuestionKind kind = QuestionKind.of(row.kind());
			EventQuestion before = (row.id() != null) ? stored.get(row.id()) : null;
			if (kind == null) {
				errors.put(prefix + "kind", "questions.error.kind");
			}
			else if (before != null && before.kind() != kind && answered.contains(before.id())) {
				errors.put(prefix + "kind", "questions.error.kindLocked");
			}
			text(errors, prefix + "labelEs", row.labelEs(), true, LABEL_MAX);
			text(errors, prefix + "labelEn", row.labelEn(), true, LABEL_MAX);
			text(errors, prefix + "helpEs", row.helpEs(), false, HELP_MAX);
			text(errors, prefix + "helpEn", row.helpEn(), false, HELP_MAX);
			if (kind != null && kind.hasChoices()) {
				choices(errors, prefix, row.choices());
				List<EventQuestions.LeavingChoice> gone = leaving.getOrDefault(i, List.of());
				if (!gone.isEmpty()
						&& !row.confirmedRemovals().containsAll(gone.stream().map((c) -> c.id()).toList())) {
					errors.putIfAbsent(prefix + "choices", "questions.error.choiceChosen");
				}
			}
		}
		return errors;
	}

	private static void choices(Map<String, String> errors, String prefix, List<ChoiceRow> choices) {
		if (choices.size() < 2) {
			errors.put(prefix + "choices", "questions.error.twoChoices");
		}
		else if (choices.size() > MAX_CHOICES) {
			errors.put(prefix + "choices", "questions.error.tooManyChoices");
		}
		for (int j = 0; j < choices.size(); j++) {
			String name = prefix + "choices[" + j + "].";
			text(errors, name + "labelEs", choices.get(j).labelEs(), true, CHOICE_MAX);
			text(errors, name + "labelEn", choices.get(j).labelEn(), true, CHOICE_MAX);
		}
	}

	private static void text(Map<String, String> errors, String field, String value, boolean required, int max) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, "eventadmin.error.required");
			}
		}
		else if (value.strip().length() > max) {
			errors.put(field, FieldProblems.withNumber(FieldProblems.MAX_LENGTH, max));
		}
	}

}
