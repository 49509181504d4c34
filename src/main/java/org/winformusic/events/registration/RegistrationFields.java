package org.winformusic.events.registration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The model the field fragments of {@code registration/fields.html} render, for the
 * public form, the registrant's edit and the staff edit: the form's values, its problems
 * (one message per field, the first, in page order, for the fields and the error summary)
 * and the choices (the regions of the event's country; none when its region is free
 * text).
 */
@Component
public class RegistrationFields {

	/** The form fields in page order: the error summary lists problems in this order. */
	public static final List<String> FIELDS = List.of("fullName", "email", "company", "jobTitle", "companyType",
			"state", "city", "phone", "associationInterest", "referralSource", "comments", "privacyConsent",
			"newsOptIn", "website");

	/** The fields with a hint under their label ({@code registration.hint.<field>}). */
	private static final List<String> HINTED = List.of("email", "phone", "comments");

	/** A form with nothing filled in. */
	public static final RegistrationForm EMPTY = new RegistrationForm(null, null, null, null, null, null, null, null,
			null, null, null, null, null, null);

	private final MessageSource messages;

	private final Regions regions;

	RegistrationFields(MessageSource messages, Regions regions) {
		this.messages = messages;
		this.regions = regions;
	}

	/** Adds the values, the problems of {@code result} and the choices to the model. */
	public void prepare(Model model, RegistrationForm form, BindingResult result, String country, Locale locale) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("fullName", form.fullName());
		values.put("email", form.email());
		values.put("company", form.company());
		values.put("jobTitle", form.jobTitle());
		values.put("companyType", form.companyType());
		values.put("state", form.state());
		values.put("city", form.city());
		values.put("phone", form.phone());
		values.put("associationInterest", form.associationInterest());
		values.put("referralSource", form.referralSource());
		values.put("comments", form.comments());
		values.put("privacyConsent", Boolean.TRUE.equals(form.privacyConsent()) ? "true" : null);
		values.put("newsOptIn", Boolean.TRUE.equals(form.newsOptIn()) ? "true" : null);
		model.addAttribute("values", values);
		Map<String, String> errors = new LinkedHashMap<>();
		FIELDS.forEach((field) -> addError(errors, field, result, locale));
		model.addAttribute("errors", errors);
		Map<String, String> hints = new LinkedHashMap<>();
		HINTED
			.forEach((field) -> hints.put(field, this.messages.getMessage("registration.hint." + field, null, locale)));
		model.addAttribute("hints", hints);
		model.addAttribute("stateLabel", this.regions.fieldLabel(country, locale));
		model.addAttribute("interestLabel", this.regions.interestQuestion(country, locale));
		model.addAttribute("states",
				this.regions.options(country, locale).stream().map((r) -> new Option(r.code(), r.label())).toList());
		model.addAttribute("companyTypes", Arrays.stream(CompanyType.values()).map(Enum::name).toList());
		model.addAttribute("interests", Arrays.stream(AssociationInterest.values()).map(Enum::name).toList());
	}

	/** Puts the first problem of {@code field}, if any, into {@code errors}. */
	public void addError(Map<String, String> errors, String field, BindingResult result, Locale locale) {
		FieldError error = result.getFieldError(field);
		if (error != null && !errors.containsKey(field)) {
			errors.put(field, this.messages.getMessage(error, locale));
		}
	}

	/** A choice in a select. */
	public record Option(String value, String label) {
	}

}
