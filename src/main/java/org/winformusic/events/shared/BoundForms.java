package org.winformusic.events.shared;

import jakarta.validation.Validator;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The form of a page, shown again with all its problems. When the binder refused a value
 * while building a record form (a control character, see {@link FormBinding}, or a number
 * it cannot read), Spring hands the handler the record built from the other values, but
 * the page's binding result, the one the field fragments read, holds no form, and Spring
 * checked none of the form's constraints. {@link #keep} puts the two back together and
 * checks the rest, so the page shows the typed values and every problem of the submit,
 * each next to its field.
 * <p>
 * Every handler of a {@code @Valid @ModelAttribute} form with a {@code BindingResult}
 * calls it first, with the application's {@link Validator} (the one Spring validates
 * with): one call, so that no form shows its problems one submit at a time.
 */
public final class BoundForms {

	private BoundForms() {
	}

	/**
	 * Makes {@code form} the page's form with the problems of {@code result}, and, when
	 * the binder refused a value, the problems of the form's constraints, except on a
	 * field that has one already (one problem per field).
	 * @return the binding result to report further problems into
	 */
	public static BindingResult keep(Model model, String name, Object form, BindingResult result, Validator validator) {
		if (form == null) {
			return result;
		}
		BindingResult kept = result;
		if (result.getTarget() != form) {
			kept = new BeanPropertyBindingResult(form, name);
			kept.addAllErrors(result);
			// The form first: putting it drops the binding result that does not hold it.
			model.addAttribute(name, form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
		}
		validateRest(validator, form, kept);
		return kept;
	}

	/**
	 * Checks the constraints of a form the binder refused a value of. Spring validates a
	 * record form only when every value was bound: one unreadable number ("1e2") or a
	 * refused character would hide every other problem of the same submit (an empty
	 * title, an empty venue). Does nothing when the binder refused nothing: Spring
	 * validated the form then.
	 */
	private static void validateRest(Validator validator, Object form, BindingResult result) {
		if (result.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure)) {
			return;
		}
		SmartValidator constraints = (validator instanceof SmartValidator smart) ? smart
				: new SpringValidatorAdapter(validator);
		BeanPropertyBindingResult rest = new BeanPropertyBindingResult(form, result.getObjectName());
		constraints.validate(form, rest);
		for (FieldError error : rest.getFieldErrors()) {
			if (!result.hasFieldErrors(error.getField())) {
				result.addError(error);
			}
		}
	}

}
