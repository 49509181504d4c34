package org.winformusic.events.shared;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

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

}
