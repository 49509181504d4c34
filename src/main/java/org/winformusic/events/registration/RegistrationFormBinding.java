package org.winformusic.events.registration;

import java.beans.PropertyEditorSupport;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;
import org.winformusic.events.shared.StoredText;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * How a {@link RegistrationForm} is bound from a request ({@code @ModelAttribute}, model
 * name {@value #NAME}), for the public form, the registrant's edit and the staff edit.
 * Controllers call one of the two methods from their {@code @InitBinder(NAME)}.
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
 * characters a field refuses; the staff edit refuses them already at binding, as every
 * staff form does ({@link StoredText#REFUSED}, value not shown again).
 */
public final class RegistrationFormBinding {

	/** The model attribute (and binder) name of the form. */
	public static final String NAME = "registrationForm";

	static final String REPEATED = "registration.error.repeated";

	private static final Pattern QUESTION_FIELD = Pattern.compile("q([1-9][0-9]{0,17})");

	/** More answer fields than any form has are not read. */
	private static final int MAX_QUESTION_FIELDS = 100;

	private RegistrationFormBinding() {
	}

	/** The public form and the registrant's edit: the event's questions included. */
	public static void registrant(WebDataBinder binder, ServletRequest request) {
		configure(binder, false);
		binder.registerCustomEditor(Map.class, "answers", new AnswersEditor(request));
	}

	/**
	 * The staff edit: no consent and no answers (the recorded ones stay), and control
	 * characters refused as on every staff form.
	 */
	public static void staff(WebDataBinder binder) {
		configure(binder, true);
		binder.registerCustomEditor(Map.class, "answers", new NotBound());
	}

	private static void configure(WebDataBinder binder, boolean refuseControlCharacters) {
		// The record is built from its constructor alone: no second pass over every
		// parameter looking for setters (and for a field marker in "_csrf").
		binder.setDeclarativeBinding(true);
		if (binder instanceof ExtendedServletRequestDataBinder extended) {
			extended.setHeaderPredicate((header) -> false);
		}
		binder.registerCustomEditor(String.class, new TextEditor(refuseControlCharacters));
		binder.registerCustomEditor(Boolean.class, new CheckboxEditor());
		binder.setBindingErrorProcessor(new Errors());
	}

	/** Stripped NFC text, or null when nothing but white space was sent. */
	static String normalize(String value) {
		if (value == null) {
			return null;
		}
		String stripped = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/**
	 * Notices a field sent more than once. The binder hands an editor the values of a
	 * repeated parameter first as an array, then joined by commas as text: the array
	 * marks the text that follows as repeated.
	 */
	private abstract static class SingleValueEditor extends PropertyEditorSupport {

		private boolean repeated;

		@Override
		public void setValue(Object value) {
			if (value instanceof String[] values && values.length > 1) {
				this.repeated = true;
			}
			super.setValue(value);
		}

		@Override
		public void setAsText(String text) {
			if (this.repeated) {
				this.repeated = false;
				throw new RepeatedException();
			}
			setValue(read(text));
		}

		abstract Object read(String text);

	}

	private static final class TextEditor extends SingleValueEditor {

		private final boolean refuseControlCharacters;

		TextEditor(boolean refuseControlCharacters) {
			this.refuseControlCharacters = refuseControlCharacters;
		}

		@Override
		Object read(String text) {
			if (this.refuseControlCharacters && StoredText.hasControlCharacters(text)) {
				throw new ControlCharactersException();
			}
			return normalize(text);
		}

	}

	private static final class CheckboxEditor extends SingleValueEditor {

		@Override
		Object read(String text) {
			return "true".equals(text) || "on".equals(text);
		}

	}

	/**
	 * The answers to the event's questions, read from the request's {@code q<id>} fields:
	 * the record has one component for all of them, which no posted name matches, so the
	 * binder asks this editor for its value.
	 */
	private static final class AnswersEditor extends PropertyEditorSupport {

		private final ServletRequest request;

		AnswersEditor(ServletRequest request) {
			this.request = request;
		}

		@Override
		public void setValue(Object ignored) {
			Map<Long, List<String>> answers = new LinkedHashMap<>();
			for (Map.Entry<String, String[]> parameter : this.request.getParameterMap().entrySet()) {
				Matcher matcher = QUESTION_FIELD.matcher(parameter.getKey());
				if (matcher.matches() && answers.size() < MAX_QUESTION_FIELDS) {
					answers.put(Long.valueOf(matcher.group(1)), List.of(parameter.getValue()));
				}
			}
			super.setValue(answers);
		}

		@Override
		public void setAsText(String ignored) {
			setValue(null);
		}

	}

	/** A component the form does not bind: always null. */
	private static final class NotBound extends PropertyEditorSupport {

		@Override
		public void setValue(Object ignored) {
			super.setValue(null);
		}

		@Override
		public void setAsText(String ignored) {
			setValue(null);
		}

	}

	/** Reports a repeated field and a refused character next to the field. */
	private static final class Errors extends DefaultBindingErrorProcessor {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			String field = ex.getPropertyName();
			if (field == null || !RegistrationFields.FIELDS.contains(field)) {
				// Not a field of the form (such as answers[1]): ignored as any other
				// parameter the form does not have.
				return;
			}
			// Anything else the binder could not read (no page sends it) is a wrong
			// choice.
			String code = (ex.getCause() instanceof RepeatedException) ? REPEATED
					: (ex.getCause() instanceof ControlCharactersException) ? StoredText.REFUSED
							: "registration.error.choice";
			// The value is not kept: shown again, it could carry the bytes back into the
			// page.
			result.addError(new FieldError(result.getObjectName(), field, null, true,
					result.resolveMessageCodes(code, field), null, null));
		}

	}

	private static final class RepeatedException extends IllegalArgumentException {

		RepeatedException() {
			super("repeated field");
		}

	}

	private static final class ControlCharactersException extends IllegalArgumentException {

		ControlCharactersException() {
			super("control characters");
		}

	}

}
