package org.winformusic.events.registration;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.winformusic.events.event.EventQuestion;
import org.winformusic.events.event.EventQuestions;
import org.winformusic.events.event.QuestionKind;
import org.winformusic.events.registration.CheckedAnswers.Answer;
import org.winformusic.events.shared.StoredText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Checks and stores the answers to an event's own questions, in the transaction of the
 * registration or edit they belong to. Text is normalized and refused for the same
 * characters as the standard fields; a choice must be one the form offers (or one removed
 * since that the registration edited keeps); a required question must be answered. The
 * message of a missing answer names the question in the reader's language (argument 0
 * Spanish, 1 English).
 */
@Component
class AnswerChecks {

	static final int SHORT_TEXT_MAX = 300;

	static final int LONG_TEXT_MAX = 2000;

	private final EventQuestions questions;

	private final JdbcClient jdbc;

	AnswerChecks(EventQuestions questions, JdbcClient jdbc) {
		this.questions = questions;
		this.jdbc = jdbc;
	}

	/**
	 * Checks posted answers against the questions of the context's event. A choice must
	 * be one the form offers, or one removed since that the registration edited holds.
	 * @param posted values by question id, or null when the form did not carry them
	 * @param errors where each problem goes, under the question's field name
	 */
	CheckedAnswers check(FormContext context, Map<Long, List<String>> posted, Errors errors) {
		if (posted == null || !context.hasQuestions()) {
			return CheckedAnswers.NOT_ASKED;
		}
		Set<Long> held = held(context.registrationId());
		List<EventQuestion> asked = this.questions.all(context.eventId())
			.stream()
			.filter((q) -> !q.removed())
			.map((q) -> new EventQuestion(q.id(), q.eventId(), q.position(), q.kind(), q.labelEs(), q.labelEn(),
					q.helpEs(), q.helpEn(), q.required(), false,
					q.choices().stream().filter((c) -> !c.removed() || held.contains(c.id())).toList()))
			.toList();
		Map<Long, Answer> answers = new LinkedHashMap<>();
		for (EventQuestion question : asked) {
			List<String> values = posted.getOrDefault(question.id(), List.of())
				.stream()
				.map(RegistrationValidator::normalize)
				.filter((v) -> v != null)
				.toList();
			String field = question.fieldName();
			if (values.isEmpty()) {
				if (question.required() && context.requireAnswers()) {
					RegistrationValidator.reject(errors, field, "questions.error.required", question.labelEs(),
							question.labelEn());
				}
				continue;
			}
			if (question.kind() != QuestionKind.MANY_CHOICES && values.size() > 1) {
				RegistrationValidator.reject(errors, field, RegistrationFormBinding.REPEATED);
				continue;
			}
			Answer answer = answer(question, values, field, errors);
			if (answer != null) {
				answers.put(question.id(), answer);
			}
		}
		return new CheckedAnswers(asked, answers);
	}

	private static Answer answer(EventQuestion question, List<String> values, String field, Errors errors) {
		String value = values.get(0);
		switch (question.kind()) {
			case SHORT_TEXT, LONG_TEXT -> {
				boolean shortText = question.kind() == QuestionKind.SHORT_TEXT;
				if (!shortText) {
					// A line break counts, and is stored, as one character (see
					// lineFeeds).
					value = RegistrationValidator.lineFeeds(value);
				}
				int max = shortText ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
				if (value.codePointCount(0, value.length()) > max) {
					RegistrationValidator.reject(errors, field, "registration.error.tooLong", max);
				}
				else if (!(shortText ? StoredText.isSingleLine(value) : StoredText.isMultiLine(value))) {
					RegistrationValidator.reject(errors, field, "registration.error.characters");
				}
				return new Answer(value, null, List.of());
			}
			case YES_NO -> {
				if (!value.equals("true") && !value.equals("false")) {
					RegistrationValidator.reject(errors, field, "registration.error.choice");
					return null;
				}
				return new Answer(null, Boolean.valueOf(value), List.of());
			}
			default -> {
				Set<Long> offered = new HashSet<>();
				question.choices().forEach((c) -> offered.add(c.id()));
				Set<Long> chosen = new LinkedHashSet<>();
				for (String v : values) {
					Long id = v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
					if (id == null || !offered.contains(id)) {
						RegistrationValidator.reject(errors, field, "registration.error.choice");
						return null;
					}
					chosen.add(id);
				}
				return new Answer(null, null, List.copyOf(chosen));
			}
		}
	}

	/** The choices a stored registration holds; none for a new one. */
	private Set<Long> held(Long registrationId) {
		if (registrationId == null) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select choice_id from registration_answer_choice where registration_id = ?")
			.param(registrationId)
			.query(Long.class)
			.list());
	}

	/**
	 * Replaces the registration's answers to the questions that were asked; answers to
	 * questions removed since stay.
	 */
	void store(long registrationId, CheckedAnswers checked, boolean replacing) {
		if (checked.questions().isEmpty()) {
			return;
		}
		if (replacing) {
			deleteAnswers(registrationId, checked.questions().stream().mapToLong(EventQuestion::id).toArray());
		}
		checked.answers().forEach((questionId, answer) -> {
			if (answer.choiceIds().isEmpty()) {
				this.jdbc.sql("""
						insert into registration_answer (registration_id, question_id, text_value, yes_no)
						values (?, ?, ?, ?)
						""").params(registrationId, questionId, answer.text(), answer.yesNo()).update();
			}
			else {
				long[] choices = answer.choiceIds().stream().mapToLong(Long::longValue).toArray();
				this.jdbc.sql("""
						insert into registration_answer_choice (registration_id, question_id, choice_id)
						select ?, ?, unnest(?)
						""").params(registrationId, questionId, choices).update();
			}
		});
	}

	/**
	 * The registration's stored answers to the questions that were checked, by question
	 * id, in the shape of {@link CheckedAnswers#asStored}: the text, {@code true}/
	 * {@code false}, or the chosen choice ids in ascending order separated by commas;
	 * unanswered questions are absent.
	 */
	Map<Long, String> stored(long registrationId, CheckedAnswers checked) {
		Map<Long, String> values = new LinkedHashMap<>();
		if (checked.questions().isEmpty()) {
			return values;
		}
		this.jdbc.sql("""
				select question_id, coalesce(text_value, yes_no::text) as v from registration_answer
				 where registration_id = :id and question_id = any(:questions)
				union all
				select question_id, string_agg(choice_id::text, ',' order by choice_id) from registration_answer_choice
				 where registration_id = :id and question_id = any(:questions) group by question_id
				""")
			.param("id", registrationId)
			.param("questions", checked.questions().stream().mapToLong(EventQuestion::id).toArray())
			.query((ResultSet rs) -> {
				values.put(rs.getLong("question_id"), rs.getString("v"));
			});
		return values;
	}

	private void deleteAnswers(long registrationId, long[] questionIds) {
		this.jdbc.sql("delete from registration_answer where registration_id = ? and question_id = any(?)")
			.params(registrationId, questionIds)
			.update();
		this.jdbc.sql("delete from registration_answer_choice where registration_id = ? and question_id = any(?)")
			.params(registrationId, questionIds)
			.update();
	}

}
