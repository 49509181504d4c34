package org.winformusic.events.shared;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

/**
 * How every form Spring binds (a record or bean behind {@code @ModelAttribute}) treats
 * typed text: a value holding a control character (NUL and the other C0/C1 controls
 * except TAB, CR and LF, see {@link StoredText}) is not bound, and its field gets the
 * error {@value StoredText#REFUSED}, shown next to the field like any other problem, the
 * other values kept. A form whose handler takes a {@code BindingResult} thus answers bad
 * bytes with its normal page; the record's other constraints are still checked. Request
 * parameters bound one by one ({@code @RequestParam}) are left alone:
 * {@link RequestGuard} answers those requests before they get here.
 */
@Configuration(proxyBeanMethods = false)
class FormBinding {

	/**
	 * Spring Boot's binding initializer (conversions and validation as it sets them up)
	 * plus the refusal of control characters. An initializer, not an {@code @InitBinder}
	 * advice: Spring MVC builds a handler method for each advice method on every request,
	 * whether it binds a form or not (about 2 % of a registration POST's application
	 * CPU).
	 */
	@Bean
	ConfigurableWebBindingInitializer webBindingInitializer(
			@Qualifier("mvcConversionService") FormattingConversionService conversions,
			@Qualifier("mvcValidator") Validator validator) {
		ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer() {

			@Override
			public void initBinder(WebDataBinder binder) {
				super.initBinder(binder);
				refuseControlCharacters(binder);
			}

		};
		initializer.setConversionService(conversions);
		initializer.setValidator(validator);
		return initializer;
	}

	private static void refuseControlCharacters(WebDataBinder binder) {
		if (binder.getTarget() == null && binder.getTargetType() == null) {
			return;
		}
		binder.registerCustomEditor(String.class, new StorableTextEditor());
		binder.setBindingErrorProcessor(new ControlCharacterErrors());
	}

	/** Binds text as typed, unless it holds a control character. */
	static final class StorableTextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (StoredText.hasControlCharacters(text)) {
				throw new ControlCharactersException();
			}
			setValue(text);
		}

	}

	/**
	 * Reports a refused value with {@value StoredText#REFUSED}, the rest as Spring does.
	 */
	static final class ControlCharacterErrors extends DefaultBindingErrorProcessor {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			if (!(ex.getCause() instanceof ControlCharactersException) || ex.getPropertyName() == null) {
				super.processPropertyAccessException(ex, result);
				return;
			}
			String field = ex.getPropertyName();
			// The value is not kept: shown again, it would carry the bytes back into the
			// page.
			result.addError(new FieldError(result.getObjectName(), field, null, true,
					result.resolveMessageCodes(StoredText.REFUSED, field), null, null));
		}

	}

	/**
	 * Text with a control character; an IllegalArgumentException, as the binder expects.
	 */
	static final class ControlCharactersException extends IllegalArgumentException {

		ControlCharactersException() {
			super("control characters");
		}

	}

}
