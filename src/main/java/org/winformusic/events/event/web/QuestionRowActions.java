package org.winformusic.events.event.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.winformusic.events.event.EventForm;
import org.winformusic.events.event.QuestionRow;
import org.winformusic.events.event.QuestionRow.ChoiceRow;

/**
 * The row buttons of the editor's questions section: add, remove and move questions
 * ({@code add:questions}, {@code up:questions:2}) and their choices
 * ({@code add:questions:0:choices}, {@code remove:questions:0:choices:1}).
 */
final class QuestionRowActions {

	static final String LIST = "questions";

	private QuestionRowActions() {
	}

	/**
	 * The form after the action, when it is one of this section's.
	 * @return empty for any other value
	 */
	static Optional<Applied> apply(EventForm form, String value) {
		Optional<RowAction> parsed = RowAction.parse(value).filter((a) -> a.list().equals(LIST));
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		RowAction action = parsed.get();
		List<QuestionRow> questions = form.questions();
		// The path after the verb: [questions, 1] or [questions, 1, choices, 2].
		List<String> path = action.path().subList(1, action.path().size());
		if (path.size() <= 2) {
			List<QuestionRow> changed = action.apply(questions, QuestionRow::blank);
			int focus = moved(action, changed.size());
			return Optional.of(new Applied(form.withQuestions(changed), (focus >= 0) ? "question-" + focus : LIST));
		}
		int question = Integer.parseInt(path.get(1));
		if (!path.get(2).equals("choices") || question >= questions.size()) {
			return Optional.of(new Applied(form, LIST));
		}
		QuestionRow row = questions.get(question);
		List<ChoiceRow> choices = action.apply(row.choices(), ChoiceRow::blank);
		List<QuestionRow> changed = new ArrayList<>(questions);
		changed.set(question, row.withChoices(choices));
		int focus = moved(action, choices.size());
		String anchor = "question-" + question + ((focus >= 0) ? "-choice-" + focus : "-choices");
		return Optional.of(new Applied(form.withQuestions(changed), anchor));
	}

	/** Where the row acted on is now (-1 when it was removed). */
	private static int moved(RowAction action, int size) {
		return switch (action.verb()) {
			case "add" -> size - 1;
			case "up" -> Math.max(action.index() - 1, 0);
			case "down" -> Math.min(action.index() + 1, size - 1);
			default -> -1;
		};
	}

	/**
	 * The form after a row action, and the id of the element to bring into view.
	 */
	record Applied(EventForm form, String anchor) {
	}

}
