package org.winformusic.events.registration.web;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.FieldProblem;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the registration and edit forms share: reading the posted fields into a
 * {@link RegistrationForm} (never an entity: unknown parameters such as {@code status} or
 * {@code eventId} are simply not read), and the model the field templates render.
 */
@Component
class FormPages {

	/** The form fields in page order: the error summary lists problems in this order. */
	static final List<String> FIELDS = List.of("fullName", "email", "company", "jobTitle", "companyType", "state",
			"city", "phone", "associationInterest", "referralSource", "comments", "privacyConsent", "newsOptIn",
			"website");

	static final RegistrationForm EMPTY = new RegistrationForm(null, null, null, null, null, null, null, null, null,
			null, null, null, null, null);

	private final MessageSource messages;

	private final Regions regions;

	FormPages(MessageSource messages, Regions regions) {
		this.messages = messages;
		this.regions = regions;
	}

	/**
	 * The posted form. A field sent more than once keeps its first value and is reported
	 * in {@link Posted#repeated()}, which the validator turns into an error.
	 */
	static Posted read(HttpServletRequest request) {
		Set<String> repeated = new HashSet<>();
		Map<String, String> first = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String[] values = request.getParameterValues(field);
			if (values != null && values.length > 0) {
				first.put(field, values[0]);
				if (values.length > 1 && !field.equals("website")) {
					repeated.add(field);
				}
			}
		}
		RegistrationForm form = new RegistrationForm(first.get("fullName"), first.get("email"), first.get("company"),
				first.get("jobTitle"), first.get("companyType"), first.get("state"), first.get("city"),
				first.get("phone"), first.get("associationInterest"), first.get("referralSource"),
				first.get("comments"), checked(first.get("privacyConsent")), checked(first.get("newsOptIn")),
				first.get("website"), QuestionFields.read(request));
		return new Posted(form, Set.copyOf(repeated));
	}

	private static Boolean checked(String value) {
		return (value != null) && (value.equals("true") || value.equals("on"));
	}

	/**
	 * Adds what the field templates need: values, errors and the choices (the regions of
	 * the event's {@code country}; none when its region is free text).
	 */
	void prepare(Model model, RegistrationForm form, List<FieldProblem> problems, String country, Locale locale) {
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
		model.addAttribute("errors", errors(problems, locale));
		model.addAttribute("stateLabel", this.regions.fieldLabel(country, locale));
		model.addAttribute("interestLabel", this.regions.interestQuestion(country, locale));
		model.addAttribute("states",
				this.regions.options(country, locale).stream().map((r) -> new Option(r.code(), r.label())).toList());
		model.addAttribute("companyTypes", Arrays.stream(CompanyType.values()).map(Enum::name).toList());
		model.addAttribute("interests", Arrays.stream(AssociationInterest.values()).map(Enum::name).toList());
	}

	/** One message per field (the first problem), in page order. */
	Map<String, String> errors(List<FieldProblem> problems, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String field : FIELDS) {
			problems.stream()
				.filter((p) -> p.field().equals(field))
				.findFirst()
				.ifPresent((p) -> errors.put(field, this.messages.getMessage(p.messageKey(), p.arguments(), locale)));
		}
		return errors;
	}

	/** A posted form and the fields that came more than once. */
	record Posted(RegistrationForm form, Set<String> repeated) {
	}

	/** A choice in a select. */
	record Option(String value, String label) {
	}

}
