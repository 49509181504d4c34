package org.winformusic.events.registration;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;
import org.winformusic.events.shared.StoredText;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * How a {@link RegistrationForm} is read from a posted request, for the public form, the
 * registrant's edit and the staff edit: the form and its binding problems go into the
 * model under {@value #NAME}, where the page's fields read them.
 * <ul>
 * <li>Only the form's fields are read: the record's components, and the answers to the
 * event's own questions ({@code q<question id>}, every value of each). Anything else
 * posted ({@code status}, {@code eventId}, request headers) is ignored.
 * <li>Text is normalized to Unicode NFC and stripped; nothing but white space is null.
 * <li>A field posted more than once is not bound and gets the error
 * {@code registration.error.repeated}: it is unclear which value the person meant.
 * <li>A checkbox is {@code true} when sent as {@code true} or {@code on}.
 * </ul>
 * Control characters are reported by {@link RegistrationValidator} with the other
 * characters a field refuses; the staff edit refuses them already here, as every staff
 * form does ({@link StoredText#REFUSED}, value not shown again).
 * <p>
 * The form is built directly, not by Spring's data binder: the binder looks up the
 * record's constructor, its parameter names and generic types again for every request, a
 * tenth of a registration POST's processor time.
 */
public final class RegistrationFormBinding {

	/** The model attribute name of the form. */
	public static final String NAME = "registrationForm";

	static final String REPEATED = "registration.error.repeated";

	private static final Pattern QUESTION_FIELD = Pattern.compile("q([1-9][0-9]{0,17})");

	/** More answer fields than any form has are not read. */
	private static final int MAX_QUESTION_FIELDS = 100;

	private RegistrationFormBinding() {
	}

	/** The public form and the registrant's edit: the event's questions included. */
	public static Posted registrant(ServletRequest request, Model model) {
		return bind(request, model, false);
	}

	/**
	 * The staff forms: control characters refused as on every staff form. The answers are
	 * read too; the door's walk-in does not ask the questions, and its check ignores them
	 * ({@link FormContext#hasQuestions}).
	 */
	public static Posted staff(ServletRequest request, Model model) {
		return bind(request, model, true);
	}

	private static Posted bind(ServletRequest request, Model model, boolean staff) {
		Fields fields = new Fields(request, staff);
		RegistrationForm form = new RegistrationForm(fields.text("fullName"), fields.text("email"),
				fields.text("company"), fields.text("jobTitle"), fields.text("companyType"), fields.text("state"),
				fields.text("city"), fields.text("phone"), fields.text("associationInterest"),
				fields.text("referralSource"), fields.text("comments"), fields.checkbox("privacyConsent"),
				fields.checkbox("newsOptIn"), fields.text("website"), answers(request));
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, NAME);
		// The value is not kept: shown again, it could carry the bytes back into the
		// page.
		fields.problems.forEach((field, code) -> result
			.addError(new FieldError(NAME, field, null, true, result.resolveMessageCodes(code, field), null, null)));
		model.addAttribute(NAME, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + NAME, result);
		return new Posted(form, result);
	}

	/** Stripped NFC text, or null when nothing but white space was sent. */
	static String normalize(String value) {
		if (value == null) {
			return null;
		}
		String stripped = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/** The answers to the event's questions, by question id, every value of each. */
	private static Map<Long, List<String>> answers(ServletRequest request) {
		Map<Long, List<String>> answers = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			Matcher matcher = QUESTION_FIELD.matcher(parameter.getKey());
			if (matcher.matches() && answers.size() < MAX_QUESTION_FIELDS) {
				answers.put(Long.valueOf(matcher.group(1)), List.of(parameter.getValue()));
			}
		}
		return answers;
	}

	/**
	 * A posted form, and its binding result: the problems found reading it, to which the
	 * validation adds its own.
	 */
	public record Posted(RegistrationForm form, BindingResult result) {

	}

	/** Reads the single-valued fields, noting each one's problem, in form order. */
	private static final class Fields {

		private final ServletRequest request;

		private final boolean refuseControlCharacters;

		private final Map<String, String> problems = new LinkedHashMap<>();

		Fields(ServletRequest request, boolean refuseControlCharacters) {
			this.request = request;
			this.refuseControlCharacters = refuseControlCharacters;
		}

		String text(String field) {
			String value = single(field);
			if (value != null && this.refuseControlCharacters && StoredText.hasControlCharacters(value)) {
				this.problems.put(field, StoredText.REFUSED);
				return null;
			}
			return normalize(value);
		}

		Boolean checkbox(String field) {
			String value = single(field);
			return (value != null) ? ("true".equals(value) || "on".equals(value)) : null;
		}

		private String single(String field) {
			String[] values = this.request.getParameterValues(field);
			if (values == null || values.length == 0) {
				return null;
			}
			if (values.length > 1) {
				this.problems.put(field, REPEATED);
				return null;
			}
			return values[0];
		}

	}

}
