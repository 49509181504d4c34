package org.winformusic.events.registration;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.winformusic.events.shared.StoredText;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RegistrationFormBinding} reads from a posted form: each field from its own
 * parameter, nothing else. The pages' tests post the form through the controllers.
 */
class RegistrationFormBindingTests {

	@Test
	void everyFieldIsReadFromItsOwnParameterAndTheFormGoesIntoTheModel() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/events/x/register");
		RegistrationFields.FIELDS.forEach((field) -> request.addParameter(field, "value of " + field));
		request.setParameter("privacyConsent", "on");
		request.setParameter("newsOptIn", "true");
		request.addParameter("q12", "7", "8");
		request.addParameter("status", "DECLINED");
		ExtendedModelMap model = new ExtendedModelMap();

		RegistrationFormBinding.Posted posted = RegistrationFormBinding.registrant(request, model);

		RegistrationForm form = posted.form();
		assertThat(List.of(form.fullName(), form.email(), form.company(), form.jobTitle(), form.companyType(),
				form.state(), form.city(), form.phone(), form.associationInterest(), form.referralSource(),
				form.comments(), form.website()))
			.containsExactly("value of fullName", "value of email", "value of company", "value of jobTitle",
					"value of companyType", "value of state", "value of city", "value of phone",
					"value of associationInterest", "value of referralSource", "value of comments", "value of website");
		assertThat(form.privacyConsent()).isTrue();
		assertThat(form.newsOptIn()).isTrue();
		assertThat(form.answers()).isEqualTo(Map.of(12L, List.of("7", "8")));
		assertThat(posted.result().hasErrors()).isFalse();
		assertThat(model.get(RegistrationFormBinding.NAME)).isSameAs(form);
		assertThat(model.get(BindingResult.MODEL_KEY_PREFIX + RegistrationFormBinding.NAME)).isSameAs(posted.result());
		assertThat(posted.result().getTarget()).isSameAs(form);
	}

	@Test
	void textIsComposedAndStrippedBlankIsNullAndACheckboxIsTrueOnlyWhenTicked() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("fullName", "  Jose\u0301 Pen\u0303a  ");
		request.addParameter("company", "   ");
		request.addParameter("privacyConsent", "yes please");

		RegistrationForm form = RegistrationFormBinding.registrant(request, new ExtendedModelMap()).form();

		assertThat(form.fullName()).isEqualTo("Jos\u00e9 Pe\u00f1a");
		assertThat(form.company()).isNull();
		assertThat(form.email()).isNull();
		assertThat(form.privacyConsent()).isFalse();
		assertThat(form.newsOptIn()).isNull();
		assertThat(form.answers()).isEmpty();
	}

	@Test
	void aRepeatedFieldIsNotReadAndGetsItsErrorTheOthersAreKept() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("email", "ana@example.com", "otra@example.com");
		request.addParameter("privacyConsent", "true", "true");
		request.addParameter("city", "Puebla");

		RegistrationFormBinding.Posted posted = RegistrationFormBinding.registrant(request, new ExtendedModelMap());

		assertThat(posted.form().email()).isNull();
		assertThat(posted.form().privacyConsent()).isNull();
		assertThat(posted.form().city()).isEqualTo("Puebla");
		assertThat(posted.result().getFieldErrors()).extracting((error) -> error.getField() + " " + error.getCode())
			.containsExactly("email " + RegistrationFormBinding.REPEATED,
					"privacyConsent " + RegistrationFormBinding.REPEATED);
		assertThat(posted.result().getFieldValue("email")).isNull();
	}

	@Test
	void theStaffEditRefusesControlCharactersAndReadsTheAnswers() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("city", "Pue\u0000bla");
		request.addParameter("company", "Discos\tNorte");
		request.addParameter("q12", "7");

		RegistrationFormBinding.Posted staff = RegistrationFormBinding.staff(request, new ExtendedModelMap());
		RegistrationFormBinding.Posted registrant = RegistrationFormBinding.registrant(request, new ExtendedModelMap());

		assertThat(staff.form().city()).isNull();
		assertThat(staff.form().company()).isEqualTo("Discos\tNorte");
		// Staff correct the answers to the event's questions too (StaffAnswersTests).
		assertThat(staff.form().answers()).containsExactly(Map.entry(12L, List.of("7")));
		assertThat(staff.result().getFieldErrors()).extracting((error) -> error.getField() + " " + error.getCode())
			.containsExactly("city " + StoredText.REFUSED);
		// The registrant's validator reports them with the other refused characters.
		assertThat(registrant.form().city()).isEqualTo("Pue\u0000bla");
		assertThat(registrant.result().hasErrors()).isFalse();
	}

}
