package org.winformusic.events.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.winformusic.events.event.EventQuestion;

/**
 * Answers to an event's own questions after {@link AnswerChecks}: the questions asked and
 * the normalized answers by question id. {@link #NOT_ASKED} stands for a form that did
 * not carry the questions (the door's walk-in): stored answers stay as they are.
 */
record CheckedAnswers(List<EventQuestion> questions, Map<Long, Answer> answers) {

	static final CheckedAnswers NOT_ASKED = new CheckedAnswers(List.of(), Map.of());

	/**
	 * The answers as {@link AnswerChecks#stored} reads them back, to tell whether a save
	 * changes any.
	 */
	Map<Long, String> asStored() {
		Map<Long, String> values = new LinkedHashMap<>();
		this.answers.forEach((questionId, answer) -> values.put(questionId, answer.asStored()));
		return values;
	}

	/** One answer: text, yes/no, or the chosen choices' ids. */
	record Answer(String text, Boolean yesNo, List<Long> choiceIds) {

		/**
		 * The text, {@code true}/{@code false}, or the chosen choice ids in ascending
		 * order separated by commas.
		 */
		String asStored() {
			if (this.text != null) {
				return this.text;
			}
			if (this.yesNo != null) {
				return this.yesNo.toString();
			}
			return this.choiceIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
		}

	}

}
