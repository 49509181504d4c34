package org.winformusic.events.admin;

import java.util.Locale;
import java.util.Optional;

import org.winformusic.events.registration.RegistrationAnswers;

import org.springframework.context.MessageSource;

/**
 * The parts of audit details that name an event's own questions in words: a changed
 * answer ("¿Vienes en grupo?: Sí → No") and a choice used as a filter.
 */
final class QuestionWords {

	private final MessageSource messages;

	private final RegistrationAnswers answers;

	QuestionWords(MessageSource messages, RegistrationAnswers answers) {
		this.messages = messages;
		this.answers = answers;
	}

	/** A changed answer in words; empty when the event has no such question. */
	Optional<String> answer(long eventId, long questionId, String before, String after, Locale locale) {
		return this.answers.changeInWords(eventId, questionId, before, after, locale)
			.map((change) -> this.messages.getMessage("ux.audit.change",
					new Object[] { change.label(), orEmpty(change.before(), locale), orEmpty(change.after(), locale) },
					locale));
	}

	/** A choice by its label and question; "#12" when the event has no such choice. */
	String choice(Long eventId, String value, Locale locale) {
		if (eventId == null || !value.matches("\\d{1,18}")) {
			return "#" + value;
		}
		return this.answers.choiceInWords(eventId, Long.parseLong(value), locale).orElse("#" + value);
	}

	private String orEmpty(String value, Locale locale) {
		return (value != null) ? value : this.messages.getMessage("ux.audit.empty", null, locale);
	}

}
