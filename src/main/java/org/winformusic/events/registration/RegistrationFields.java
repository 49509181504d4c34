package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.winformusic.events.event.Countries;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The model the field fragments of {@code registration/fields.html} render, for the
 * public form, the registrant's edit and the staff edit: the form's values, its problems
 * (one message per field, the first, in page order, for the fields and the error
 * summary), the choices (the regions of the event's country; none when its region is free
 * text) and, after a save refused because someone else saved first, what each differing
 * field holds now.
 */
@Component
public class RegistrationFields {

	/** The model attribute and hidden input of {@link #loaded}. */
	public static final String LOADED = "loaded";

	/** The form fields in page order: the error summary lists problems in this order. */
	public static final List<String> FIELDS = List.of("fullName", "email", "company", "jobTitle", "companyType",
			"state", "city", "phone", "associationInterest", "referralSource", "comments", "privacyConsent",
			"newsOptIn", "website");

	/**
	 * The prefix of the staff forms' words (the door's walk-in, correcting a
	 * registration's details): staff type for someone else, so "Escribe el nombre
	 * completo de la persona.", not "Escribe tu nombre completo.".
	 */
	public static final String ABOUT_SOMEONE_ELSE = "staff.";

	/** The fields with a hint under their label ({@code registration.hint.<field>}). */
	private static final List<String> HINTED = List.of("email", "phone", "comments");

	/** A form with nothing filled in. */
	public static final RegistrationForm EMPTY = new RegistrationForm(null, null, null, null, null, null, null, null,
			null, null, null, null, null, null);

	private final MessageSource messages;

	private final Regions regions;

	private final RegistrationAnswers answers;

	RegistrationFields(MessageSource messages, Regions regions, RegistrationAnswers answers) {
		this.messages = messages;
		this.regions = regions;
		this.answers = answers;
	}

	/** Adds the values, the problems of {@code result} and the choices to the model. */
	public void prepare(Model model, RegistrationForm form, BindingResult result, String country, Locale locale) {
		prepare(model, form, result, country, locale, "", null);
	}

	/**
	 * The same in other words: each problem, hint and label is read from {@code words} +
	 * its key first ({@link #ABOUT_SOMEONE_ELSE} on staff forms), else from its key. On
	 * an edit, {@code storedRegion} is the registration's (else null): a region typed
	 * before the country had its list stays a choice, also when the one posted was
	 * refused.
	 */
	public void prepare(Model model, RegistrationForm form, BindingResult result, String country, Locale locale,
			String words, String storedRegion) {
		model.addAttribute("values", shown(form));
		Map<String, String> errors = new LinkedHashMap<>();
		FIELDS.forEach((field) -> addError(errors, field, result, words, locale));
		model.addAttribute("errors", errors);
		Map<String, String> hints = new LinkedHashMap<>();
		HINTED.forEach((field) -> hints.put(field, inWords("registration.hint." + field, words, null, locale)));
		if (Countries.known(country)) {
			// A number without its country code is read as one of the event's country
			// (and the validator asks someone "outside" in the list for it): the hint
			// says so before they send, whether the region is chosen or typed.
			hints.put("phone",
					Countries.contracted(inWords("registration.hint.phone.abroad", words,
							new Object[] { Countries.inSentence(country, locale), PhoneNumbers.abroadExample(country) },
							locale), locale));
		}
		model.addAttribute("hints", hints);
		Map<String, String> labels = new LinkedHashMap<>();
		FIELDS.forEach((field) -> labels.put(field, inWords("registration.field." + field, words, null, locale)));
		labels.put("newsOptIn.latam", inWords("registration.field.newsOptIn.latam", words, null, locale));
		model.addAttribute("labels", labels);
		model.addAttribute("stateLabel", this.regions.fieldLabel(country, locale));
		model.addAttribute("interestLabel", this.regions.interestQuestion(country, words, locale));
		// A region refused (not in the list, not the one stored) is no choice to offer.
		model.addAttribute("states",
				stateOptions(country, result.hasFieldErrors("state") ? storedRegion : form.state(), locale));
		model.addAttribute("companyTypes", Arrays.stream(CompanyType.values()).map(Enum::name).toList());
		model.addAttribute("interests", Arrays.stream(AssociationInterest.values()).map(Enum::name).toList());
	}

	/**
	 * The regions to choose from; first, a region the form holds that the list lacks, as
	 * typed (a region typed before Brazil had its list: an edit keeps it unless changed;
	 * {@code held} is the stored one, if any, when the form's region was refused).
	 */
	private List<Option> stateOptions(String country, String held, Locale locale) {
		List<Option> options = new ArrayList<>();
		this.regions.options(country, locale).forEach((r) -> options.add(new Option(r.code(), r.label())));
		String typed = RegistrationFormBinding.normalize(held);
		if (!options.isEmpty() && typed != null && options.stream().noneMatch((o) -> o.value().equals(typed))) {
			options.add(0, new Option(typed, typed));
		}
		return options;
	}

	/**
	 * For a save refused because someone else saved first: the form keeps what was typed
	 * (see {@link #prepare}), takes the current version, and each field that holds
	 * something else than what is saved now says what that is ({@code saved}: field name
	 * to label and value, in form order, for the fields and the list on top).
	 */
	public void showSaved(Model model, EditConflictException conflict, String country, Locale locale) {
		RegistrationView current = conflict.current().registration();
		Map<Long, List<String>> answersNow = this.answers.formValues(current.id());
		// Only what someone else changed since this form was loaded: a field the person
		// changed themselves differs from what is saved too, but is theirs to save.
		Map<String, String> shown = fingerprints((String) model.getAttribute(LOADED));
		Map<String, String> now = fingerprints(loaded(current, country, answersNow));
		List<String> changed = conflict.differing()
			.stream()
			.filter((field) -> shown.isEmpty() || !Objects.equals(shown.get(field), now.get(field)))
			.toList();
		Map<String, RegistrationAnswers.AnswerView> answered = new LinkedHashMap<>();
		if (changed.stream().anyMatch((field) -> field.startsWith("q"))) {
			this.answers.of(current.id(), current.eventId(), locale, false)
				.forEach((answer) -> answered.put("q" + answer.questionId(), answer));
		}
		Map<String, SavedValue> saved = new LinkedHashMap<>();
		for (String field : changed) {
			RegistrationAnswers.AnswerView answer = answered.get(field);
			if (answer != null) {
				saved.put(field, new SavedValue(answer.label(), orEmpty(answer.value(), locale)));
			}
			else if (!field.startsWith("q")) {
				saved.put(field, new SavedValue(label(field, country, locale),
						orEmpty(savedValue(field, current, country, locale), locale)));
			}
		}
		model.addAttribute("version", conflict.current().version());
		model.addAttribute(LOADED, loaded(current, country, answersNow));
		model.addAttribute("stale", true);
		model.addAttribute("saved", saved);
	}

	/**
	 * What an edit form was loaded with, for its hidden input {@value #LOADED} next to
	 * the version: a short digest of each field's value as the form shows it (no value
	 * itself), so that a save refused because someone else saved first names only the
	 * fields they changed ({@link #showSaved}, which reads it back from the model).
	 * @param answers the registration's answers as the form shows them
	 */
	public String loaded(RegistrationView registration, String country, Map<Long, List<String>> answers) {
		Map<String, Object> values = new LinkedHashMap<>(shown(RegistrationForm.of(registration, country)));
		answers.forEach((question, answer) -> values.put("q" + question, answer));
		StringJoiner loaded = new StringJoiner(" ");
		values.forEach((field, value) -> loaded.add(field + ":" + digest(String.valueOf(value))));
		return loaded.toString();
	}

	/** The form's values as its fields show them, in page order (a ticked box "true"). */
	private static Map<String, String> shown(RegistrationForm form) {
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
		return values;
	}

	/** {@link #loaded} read back, field to digest; empty for a form without it. */
	private static Map<String, String> fingerprints(String loaded) {
		Map<String, String> digests = new LinkedHashMap<>();
		if (loaded != null) {
			for (String entry : loaded.strip().split("\\s+")) {
				int colon = entry.indexOf(':');
				if (colon > 0) {
					digests.put(entry.substring(0, colon), entry.substring(colon + 1));
				}
			}
		}
		return digests;
	}

	private static String digest(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String label(String field, String country, Locale locale) {
		return switch (field) {
			case "state" -> this.regions.fieldLabel(country, locale);
			case "associationInterest" -> this.regions.interestQuestion(country, locale);
			default -> this.messages.getMessage("registration.field." + field, null, locale);
		};
	}

	/** A saved value as the form shows it: a choice by its name, the phone as typed. */
	private String savedValue(String field, RegistrationView current, String country, Locale locale) {
		return switch (field) {
			case "fullName" -> current.fullName();
			case "email" -> current.email();
			case "company" -> current.company();
			case "jobTitle" -> current.jobTitle();
			case "companyType" -> message("registration.companyType." + current.companyType(), locale);
			case "state" -> this.regions.label(country, current.state(), locale);
			case "city" -> current.city();
			case "phone" -> PhoneNumbers.asTyped(current.phone(), country, current.state());
			case "associationInterest" -> message("registration.interest." + current.associationInterest(), locale);
			case "referralSource" -> current.referralSource();
			case "comments" -> current.comments();
			case "newsOptIn" -> message("registration.edit.saved.checkbox." + current.newsOptIn(), locale);
			default -> throw new IllegalArgumentException("Not a form field: " + field);
		};
	}

	private String orEmpty(String value, Locale locale) {
		return (value == null || value.isBlank()) ? message("registration.edit.saved.empty", locale) : value;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/** Puts the first problem of {@code field}, if any, into {@code errors}. */
	public void addError(Map<String, String> errors, String field, BindingResult result, Locale locale) {
		addError(errors, field, result, "", locale);
	}

	private void addError(Map<String, String> errors, String field, BindingResult result, String words, Locale locale) {
		FieldError error = result.getFieldError(field);
		if (error != null && !errors.containsKey(field)) {
			errors.put(field, this.messages.getMessage(inWords(error, words), locale));
		}
	}

	/** The text of {@code key}, read with {@code words} before it first. */
	private String inWords(String key, String words, Object[] arguments, Locale locale) {
		return this.messages
			.getMessage(new DefaultMessageSourceResolvable(new String[] { words + key, key }, arguments), locale);
	}

	/** The error with its codes read with {@code words} before them first. */
	private static MessageSourceResolvable inWords(FieldError error, String words) {
		if (words.isEmpty() || error.getCodes() == null) {
			return error;
		}
		List<String> codes = new ArrayList<>();
		Arrays.stream(error.getCodes()).map((code) -> words + code).forEach(codes::add);
		codes.addAll(Arrays.asList(error.getCodes()));
		return new DefaultMessageSourceResolvable(codes.toArray(String[]::new), error.getArguments(),
				error.getDefaultMessage());
	}

	/** A choice in a select. */
	public record Option(String value, String label) {
	}

	/** What a field holds now that someone else saved it: its label and its value. */
	public record SavedValue(String label, String value) {
	}

}
