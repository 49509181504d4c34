package org.winformusic.events.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.winformusic.events.event.EventQuestion;
import org.winformusic.events.event.EventQuestions;
import org.winformusic.events.event.QuestionKind;
import org.winformusic.events.registration.RegistrationFields.Option;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The event's own questions on the registration and edit forms, the staff edit's too: the
 * model the question fragments of {@code registration/fields.html} render, after the
 * standard fields and before the privacy consent, with their errors in the same summary.
 */
@Component
public class QuestionFields {

	/** The hint of a required question on the staff edit, which may leave it blank. */
	private static final String STAFF_MAY_LEAVE_BLANK = "questions.staff.mayLeaveBlank";

	private final EventQuestions questions;

	private final MessageSource messages;

	private final RegistrationFields fields;

	QuestionFields(EventQuestions questions, MessageSource messages, RegistrationFields fields) {
		this.questions = questions;
		this.messages = messages;
		this.fields = fields;
	}

	/**
	 * Adds the questions, the answers to show and their errors to a model that
	 * {@link RegistrationFields#prepare} filled. Question errors go into {@code errors}
	 * before the privacy consent's, as the fields appear on the page.
	 */
	public void prepare(Model model, long eventId, RegistrationForm form, BindingResult result, Locale locale) {
		prepare(model, eventId, form, result, locale, false);
	}

	/**
	 * The same for the staff edit, checked with {@link FormContext#staffEditing}: staff
	 * may leave a required question unanswered (a walk-in was not asked, a question added
	 * later was never answered), so none is marked required, and a required one says in
	 * its hint that the registration form asks for it.
	 */
	public void prepareForStaff(Model model, long eventId, RegistrationForm form, BindingResult result, Locale locale) {
		prepare(model, eventId, form, result, locale, true);
	}

	private void prepare(Model model, long eventId, RegistrationForm form, BindingResult result, Locale locale,
			boolean staff) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (form.answers() != null) {
			form.answers().forEach((id, posted) -> values.put("q" + id, posted));
		}
		List<QuestionField> asked = new ArrayList<>();
		for (EventQuestion question : this.questions.all(eventId)) {
			if (question.removed()) {
				continue;
			}
			String help = question.help(locale);
			if (staff && question.required()) {
				String mayLeaveBlank = this.messages.getMessage(STAFF_MAY_LEAVE_BLANK, null, locale);
				help = (help != null) ? help + " " + mayLeaveBlank : mayLeaveBlank;
			}
			asked.add(new QuestionField(question.fieldName(), question.kind().name(), question.label(locale), help,
					question.required() && !staff, question.kind() == QuestionKind.LONG_TEXT ? 2000 : 300,
					options(question, values.getOrDefault(question.fieldName(), List.of()), locale)));
		}
		model.addAttribute("questions", asked);
		model.addAttribute("answers", values);
		@SuppressWarnings("unchecked")
		Map<String, String> standard = (Map<String, String>) model.getAttribute("errors");
		Map<String, String> errors = new LinkedHashMap<>();
		standard.forEach((field, message) -> {
			if (field.equals("privacyConsent") || field.equals("newsOptIn")) {
				asked.forEach((question) -> this.fields.addError(errors, question.name(), result, locale));
			}
			errors.put(field, message);
		});
		asked.forEach((question) -> this.fields.addError(errors, question.name(), result, locale));
		model.addAttribute("errors", errors);
	}

	/**
	 * The options of a choice or yes/no question: the choices the form offers, and one
	 * removed since that the answer shown still holds (their own, on the manage page or
	 * the staff edit), marked, so keeping the answer keeps it.
	 */
	private List<Option> options(EventQuestion question, List<String> shown, Locale locale) {
		if (question.kind() == QuestionKind.YES_NO) {
			return List.of(new Option("true", this.messages.getMessage("questions.answer.true", null, locale)),
					new Option("false", this.messages.getMessage("questions.answer.false", null, locale)));
		}
		String mark = this.messages.getMessage("questions.removedMark", null, locale);
		return question.choices()
			.stream()
			.filter((c) -> !c.removed() || shown.contains(Long.toString(c.id())))
			.map((c) -> new Option(Long.toString(c.id()), c.removed() ? c.label(locale) + " " + mark : c.label(locale)))
			.toList();
	}

	/**
	 * One question as the form shows it.
	 *
	 * @param name the posted field name, also the id of its first input
	 * @param kind a {@link QuestionKind} name
	 * @param help the help text, or null
	 */
	public record QuestionField(String name, String kind, String label, String help, boolean required, int max,
			List<Option> options) {

		/** The id of option {@code i}: the first takes the field's name (error links). */
		public String optionId(int i) {
			return (i == 0) ? this.name : this.name + "-" + i;
		}

	}

}
