package org.winformusic.events.registration;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Valid registration forms for tests. */
public final class TestForms {

	private TestForms() {
	}

	public static RegistrationForm valid(String email) {
		return new RegistrationForm("Ana Pérez", email, "Discos Norte", "Directora", "INDEPENDENT_LABEL", "CMX",
				"Ciudad de México", "+52 55 1234 5678", "YES", "Instagram", "Sin comentarios", true, false, null);
	}

	/**
	 * The form checked, as the edit pages check it, for an edit of a registration of a
	 * Mexican event; fails when the form breaks the rules.
	 */
	public static CheckedForm checkedEdit(RegistrationValidator validator, RegistrationForm form, long eventId) {
		BindingResult errors = new BeanPropertyBindingResult(form, RegistrationFormBinding.NAME);
		CheckedForm checked = validator.check(form, FormContext.editing(eventId, "MX"), errors);
		assertThat(errors.getFieldErrors()).isEmpty();
		return checked;
	}

}
