package org.winformusic.events.registration;

import java.util.List;
import java.util.Map;

import org.winformusic.events.event.EventQuestion;

/**
 * Answers to an event's own questions after {@link AnswerChecks}: the questions asked and
 * the normalized answers by question id. {@link #NOT_ASKED} stands for a form that did
 * not carry the questions (a staff edit): stored answers stay as they are.
 */
record CheckedAnswers(List<EventQuestion> questions, Map<Long, Answer> answers) {

	static final CheckedAnswers NOT_ASKED = new CheckedAnswers(List.of(), Map.of());

	/** One answer: text, yes/no, or the chosen choices' ids. */
	record Answer(String text, Boolean yesNo, List<Long> choiceIds) {

	}

}
