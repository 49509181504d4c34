package org.winformusic.events.registration.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.event.EventQuestion;
import org.winformusic.events.event.EventQuestions;
import org.winformusic.events.event.QuestionKind;
import org.winformusic.events.registration.FieldProblem;
import org.winformusic.events.registration.RegistrationForm;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The event's own questions on the registration and edit forms: reading the posted
 * answers ({@code q<question id>}), and the model the question fragments of
 * {@code registration/fields.html} render, after the standard fields and before the
 * privacy consent, with their errors in the same summary.
 */
@Component
class QuestionFields {

	private static final Pattern FIELD = Pattern.compile("q([1-9][0-9]{0,17})");

	/** More answer fields than any form has are not read. */
	private static final int MAX_FIELDS = 100;

	private final EventQuestions questions;

	private final MessageSource messages;

	QuestionFields(EventQuestions questions, MessageSource messages) {
		this.questions = questions;
		this.messages = messages;
	}

	/** The posted answers by question id (every value of each {@code q<id>} field). */
	static Map<Long, List<String>> read(HttpServletRequest request) {
		Map<Long, List<String>> answers = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			var matcher = FIELD.matcher(parameter.getKey());
			if (matcher.matches() && answers.size() < MAX_FIELDS) {
				answers.put(Long.valueOf(matcher.group(1)), List.of(parameter.getValue()));
			}
		}
		return answers;
	}

	/**
	 * Adds the questions, the answers to show and their errors to a model that
	 * {@link FormPages#prepare} filled. Question errors go into {@code errors} before the
	 * privacy consent's, as the fields appear on the page.
	 */
	void prepare(Model model, long eventId, RegistrationForm form, List<FieldProblem> problems, Locale locale) {
		List<QuestionField> fields = new ArrayList<>();
		for (EventQuestion question : this.questions.live(eventId)) {
			fields.add(new QuestionField(question.fieldName(), question.kind().name(), question.label(locale),
					question.help(locale), question.required(), question.kind() == QuestionKind.LONG_TEXT ? 2000 : 300,
					options(question, locale)));
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (form.answers() != null) {
			form.answers().forEach((id, posted) -> values.put("q" + id, posted));
		}
		model.addAttribute("questions", fields);
		model.addAttribute("answers", values);
		@SuppressWarnings("unchecked")
		Map<String, String> standard = (Map<String, String>) model.getAttribute("errors");
		Map<String, String> errors = new LinkedHashMap<>();
		standard.forEach((field, message) -> {
			if (field.equals("privacyConsent") || field.equals("newsOptIn")) {
				addQuestionErrors(errors, fields, problems, locale);
			}
			errors.put(field, message);
		});
		addQuestionErrors(errors, fields, problems, locale);
		model.addAttribute("errors", errors);
	}

	private void addQuestionErrors(Map<String, String> errors, List<QuestionField> fields, List<FieldProblem> problems,
			Locale locale) {
		for (QuestionField field : fields) {
			if (!errors.containsKey(field.name())) {
				problems.stream()
					.filter((p) -> p.field().equals(field.name()))
					.findFirst()
					.ifPresent((p) -> errors.put(field.name(),
							this.messages.getMessage(p.messageKey(), p.arguments(), locale)));
			}
		}
	}

	private List<FormPages.Option> options(EventQuestion question, Locale locale) {
		if (question.kind() == QuestionKind.YES_NO) {
			return List.of(
					new FormPages.Option("true", this.messages.getMessage("questions.answer.true", null, locale)),
					new FormPages.Option("false", this.messages.getMessage("questions.answer.false", null, locale)));
		}
		return question.choices()
			.stream()
			.map((c) -> new FormPages.Option(Long.toString(c.id()), c.label(locale)))
			.toList();
	}

	/**
	 * One question as the form shows it.
	 *
	 * @param name the posted field name, also the id of its first input
	 * @param kind a {@link QuestionKind} name
	 * @param help the help text, or null
	 */
	record QuestionField(String name, String kind, String label, String help, boolean required, int max,
			List<FormPages.Option> options) {

		/** The id of option {@code i}: the first takes the field's name (error links). */
		public String optionId(int i) {
			return (i == 0) ? this.name : this.name + "-" + i;
		}

	}

}
