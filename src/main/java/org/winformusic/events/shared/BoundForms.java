package org.winformusic.events.shared;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;

/**
 * The form of a page, shown again with its problems. When the binder refused a value
 * while building a record form (a control character, see {@link FormBinding}), Spring
 * hands the handler the record built from the other values, but the page's binding
 * result, the one the field fragments read, holds no form. {@link #keep} puts the two
 * back together, so the page shows the typed values and each problem next to its field.
 */
public final class BoundForms {

	private BoundForms() {
	}

	/**
	 * Makes {@code form} the page's form with the problems of {@code result}.
	 * @return the binding result to report further problems into
	 */
	public static BindingResult keep(Model model, String name, Object form, BindingResult result) {
		if (form == null || result.getTarget() == form) {
			return result;
		}
		BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, name);
		kept.addAllErrors(result);
		// The form first: putting it drops the binding result that does not hold it.
		model.addAttribute(name, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
		return kept;
	}

	/**
	 * Checks the constraints of a form the binder refused a value of. Spring validates a
	 * record form only when every value was bound: one unreadable number ("1e2") or a
	 * refused character would hide every other problem of the same submit (an empty
	 * title, an empty venue). Adds each constraint's problem to {@code result}, except on
	 * a field that has one already (one problem per field). Does nothing when the binder
	 * refused nothing: Spring validated the form then.
	 */
	public static void validateRest(SmartValidator validator, Object form, BindingResult result) {
		if (form == null || result.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure)) {
			return;
		}
		BeanPropertyBindingResult rest = new BeanPropertyBindingResult(form, result.getObjectName());
		validator.validate(form, rest);
		for (FieldError error : rest.getFieldErrors()) {
			if (!result.hasFieldErrors(error.getField())) {
				result.addError(error);
			}
		}
	}

}
