package org.winformusic.events.admin;

import java.util.Locale;
import java.util.Optional;

import org.winformusic.events.registration.AnswerFilters;
import org.winformusic.events.registration.RegistrationAnswers;

import org.springframework.context.MessageSource;

/**
 * The parts of audit details that name an event's own questions in words: a changed
 * answer ("¿Vienes en grupo?: Sí → No") and a choice or a yes/no answer used as a filter.
 */
final class QuestionWords {

	private final MessageSource messages;

	private final RegistrationAnswers answers;

	private final AnswerFilters filters;

	QuestionWords(MessageSource messages, RegistrationAnswers answers, AnswerFilters filters) {
		this.messages = messages;
		this.answers = answers;
		this.filters = filters;
	}

	/** A changed answer in words; empty when the event has no such question. */
	Optional<String> answer(long eventId, long questionId, String before, String after, Locale locale) {
		return this.answers.changeInWords(eventId, questionId, before, after, locale)
			.map((change) -> this.messages.getMessage("ux.audit.change",
					new Object[] { change.label(), orEmpty(change.before(), locale), orEmpty(change.after(), locale) },
					locale));
	}

	/**
	 * A filter on an answer in words: a choice ({@code choice}, {@code choiceRemoved}) or
	 * a yes/no answer ({@code yesNo}); null for a filter on anything else.
	 */
	String filter(String name, Long eventId, String value, Locale locale) {
		return name.startsWith("choice") ? choice(eventId, value, locale)
				: name.equals("yesNo") ? yesNo(eventId, value, locale) : null;
	}

	/** A choice by its label and question; "#12" when the event has no such choice. */
	private String choice(Long eventId, String value, Locale locale) {
		if (eventId == null || !value.matches("\\d{1,18}")) {
			return "#" + value;
		}
		return this.filters.choiceInWords(eventId, Long.parseLong(value), locale).orElse("#" + value);
	}

	/**
	 * A yes/no answer ({@code 12:yes}) by its word and question; as stored when the event
	 * has no such question.
	 */
	private String yesNo(Long eventId, String value, Locale locale) {
		return (eventId != null) ? this.filters.yesNoInWords(eventId, value, locale).orElse(value) : value;
	}

	private String orEmpty(String value, Locale locale) {
		return (value != null) ? value : this.messages.getMessage("ux.audit.empty", null, locale);
	}

}
