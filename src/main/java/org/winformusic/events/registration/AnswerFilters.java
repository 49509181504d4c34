package org.winformusic.events.registration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.winformusic.events.event.EventQuestion;
import org.winformusic.events.event.EventQuestions;
import org.winformusic.events.event.QuestionKind;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The answers to an event's own questions that staff filter its registrations by, in the
 * list, the export and the printouts: a choice of a choice question ({@code choice}, by
 * its id) and a yes or a no to a yes/no question ({@code yesNo}, as
 * {@code <question id>:yes} or {@code :no}). Every question counts, removed ones too:
 * their answers are still there.
 */
@Service
public class AnswerFilters {

	private final EventQuestions questions;

	private final MessageSource messages;

	AnswerFilters(EventQuestions questions, MessageSource messages) {
		this.questions = questions;
		this.messages = messages;
	}

	/** The choices and the yes/no questions {@link RegistrationQuery#parse} accepts. */
	public RegistrationQuery.Answerable answerable(long eventId) {
		List<EventQuestion> all = this.questions.all(eventId);
		return new RegistrationQuery.Answerable(
				all.stream()
					.filter((q) -> q.kind().hasChoices())
					.flatMap((q) -> q.choices().stream())
					.map(EventQuestion.Choice::id)
					.toList(),
				all.stream().filter((q) -> q.kind() == QuestionKind.YES_NO).map(EventQuestion::id).toList());
	}

	/** The choices of every choice question, grouped by question. */
	public List<FilterGroup> choiceFilters(long eventId, Locale locale) {
		return this.questions.all(eventId)
			.stream()
			.filter((q) -> q.kind().hasChoices())
			.map((q) -> new FilterGroup(q.label(locale),
					q.choices()
						.stream()
						.map((c) -> new FilterOption(Long.toString(c.id()),
								RegistrationAnswers.choiceLabel(c, locale, this.messages)))
						.toList()))
			.toList();
	}

	/**
	 * "Sí" and "No" of every yes/no question, grouped by question, each naming its
	 * question as {@link #yesNoInWords} does: a closed select shows the option alone, and
	 * with two questions a bare "Sí" would not say which.
	 */
	public List<FilterGroup> yesNoFilters(long eventId, Locale locale) {
		return this.questions.all(eventId)
			.stream()
			.filter((q) -> q.kind() == QuestionKind.YES_NO)
			.map((q) -> new FilterGroup(q.label(locale),
					List.of(new FilterOption(RegistrationFilter.YesNo.value(q.id(), true), inWords(true, q, locale)),
							new FilterOption(RegistrationFilter.YesNo.value(q.id(), false),
									inWords(false, q, locale)))))
			.toList();
	}

	/**
	 * One of the event's choices in words, "choice (question)" (removed questions and
	 * choices too: an old export's filter still names them); empty when the event has no
	 * choice with this id.
	 */
	public Optional<String> choiceInWords(long eventId, long choiceId, Locale locale) {
		return this.questions.all(eventId)
			.stream()
			.flatMap((q) -> q.choices()
				.stream()
				.filter((c) -> c.id() == choiceId)
				.map((c) -> c.label(locale) + " (" + q.label(locale) + ")"))
			.findFirst();
	}

	/**
	 * A yes/no filter ({@code 12:yes}) in words, "Sí (¿Vienes en grupo?)"; empty when it
	 * is none, or the event has no yes/no question with this id.
	 */
	public Optional<String> yesNoInWords(long eventId, String value, Locale locale) {
		RegistrationFilter.YesNo answer = RegistrationFilter.YesNo.parse(value);
		if (answer == null) {
			return Optional.empty();
		}
		return this.questions.all(eventId)
			.stream()
			.filter((q) -> q.id() == answer.questionId() && q.kind() == QuestionKind.YES_NO)
			.map((q) -> inWords(answer.yes(), q, locale))
			.findFirst();
	}

	private String inWords(boolean yes, EventQuestion question, Locale locale) {
		return this.messages.getMessage("questions.answer." + yes, null, locale) + " (" + question.label(locale) + ")";
	}

	/** The options of one question, for a filter's select. */
	public record FilterGroup(String label, List<FilterOption> options) {
	}

	/** An option: the parameter's value and its label. */
	public record FilterOption(String value, String label) {
	}

}
