package org.winformusic.events.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A single-line text field of a form: it refuses what the registration form's single-line
 * fields refuse ({@link StoredText#NOT_SINGLE_LINE}: line breaks, control and invisible
 * format characters), with the message a control character gets from the binder. It
 * targets what the built-in constraints target, so it behaves as they do on a record.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	String message() default "{" + StoredText.REFUSED + "}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the value against {@link StoredText#isSingleLine(String)}. */
	class Check implements ConstraintValidator<SingleLine, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return StoredText.isSingleLine(value);
		}

	}

}
