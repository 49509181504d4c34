package org.winformusic.events.registration;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.winformusic.events.shared.EmailAddresses;
import org.winformusic.events.shared.StoredText;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;

/**
 * The form rules of DESIGN.md, for the public form, self-service edits and staff edits
 * alike: a Spring {@link SmartValidator} writing into the form's {@link Errors}, with the
 * event as context ({@link FormContext}: its regions, phone country and questions).
 * Values are stripped and normalized to Unicode NFC before they are checked (the binder
 * did so already, see {@link RegistrationFormBinding}), and what is stored is the
 * normalized value. Messages are keys of {@code messages/registration*.properties}.
 */
@Component
public class RegistrationValidator implements SmartValidator {

	static final int FULL_NAME_MAX = 120;

	static final int EMAIL_MAX = 254;

	static final int COMPANY_MAX = 150;

	static final int JOB_TITLE_MAX = 100;

	static final int CITY_MAX = 100;

	static final int PHONE_MAX = 30;

	/** A free-text region (a country whose subdivisions the form does not list). */
	static final int REGION_MAX = 100;

	static final int REFERRAL_MAX = 100;

	static final int COMMENTS_MAX = 1000;

	/**
	 * What single-line fields take: no control or invisible format characters, but the
	 * joiners inside an emoji.
	 */
	private static final Predicate<String> SINGLE_LINE = StoredText::isSingleLine;

	/** Comments may hold line breaks (and tabs), nothing else of the above. */
	private static final Predicate<String> MULTI_LINE = StoredText::isMultiLine;

	/** A line break as browsers post it (CRLF) or as old systems write it (a lone CR). */
	private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");

	/**
	 * The characters a phone may be typed with; whether they make a number is
	 * libphonenumber's to say ({@link PhoneNumbers}), and each gets its own message.
	 */
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]+(\\s*(ext\\.?|x)\\s*[0-9]{1,6})?",
			Pattern.CASE_INSENSITIVE);

	/** The countries whose phone message says how many digits to type, and an example. */
	private static final Set<String> PHONE_MESSAGE_COUNTRIES = Set.of("MX", "CO");

	private final AnswerChecks answers;

	RegistrationValidator(AnswerChecks answers) {
		this.answers = answers;
	}

	@Override
	public boolean supports(Class<?> type) {
		return RegistrationForm.class.isAssignableFrom(type);
	}

	/**
	 * Not without the event: use {@link #validate(Object, Errors, Object...)} with a
	 * {@link FormContext}, or {@link #check}.
	 */
	@Override
	public void validate(Object target, Errors errors) {
		throw new IllegalArgumentException("A registration form is checked against its event: pass a FormContext");
	}

	@Override
	public void validate(Object target, Errors errors, Object... hints) {
		FormContext context = Arrays.stream(hints)
			.filter(FormContext.class::isInstance)
			.map(FormContext.class::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No FormContext among the hints"));
		check((RegistrationForm) target, context, errors);
	}

	/**
	 * Checks a form against its event, writing each problem into {@code errors} (field
	 * name as posted, message key and arguments).
	 * @return the normalized values to store, or null when {@code errors} holds any
	 * problem (a binding problem included)
	 */
	public CheckedForm check(RegistrationForm form, FormContext context, Errors errors) {
		String fullName = singleLine("fullName", form.fullName(), true, FULL_NAME_MAX, errors);
		String email = singleLine("email", form.email(), true, EMAIL_MAX, errors);
		String emailProblem = (email != null && !errors.hasFieldErrors("email")) ? EmailRules.problem(email) : null;
		if (emailProblem != null) {
			reject(errors, "email", emailProblem);
		}
		String company = singleLine("company", form.company(), true, COMPANY_MAX, errors);
		String jobTitle = singleLine("jobTitle", form.jobTitle(), false, JOB_TITLE_MAX, errors);
		CompanyType companyType = choice("companyType", form.companyType(), CompanyType.class, errors);
		Regions.RegionList regions = Regions.of(context.country());
		String state = region(form.state(), regions, context.storedRegion(), errors);
		String city = singleLine("city", form.city(), true, CITY_MAX, errors);
		String phone = phone(form.phone(), context.country(), regions.abroad(state), errors);
		AssociationInterest interest = choice("associationInterest", form.associationInterest(),
				AssociationInterest.class, errors);
		String referralSource = singleLine("referralSource", form.referralSource(), false, REFERRAL_MAX, errors);
		String comments = text("comments", lineFeeds(form.comments()), COMMENTS_MAX, MULTI_LINE, false, errors);
		if (context.requireConsent() && !Boolean.TRUE.equals(form.privacyConsent())
				&& !errors.hasFieldErrors("privacyConsent")) {
			reject(errors, "privacyConsent", "registration.error.privacyConsent.required");
		}
		boolean newsOptIn = Boolean.TRUE.equals(form.newsOptIn());
		CheckedAnswers answers = this.answers.check(context, form.answers(), errors);
		if (errors.hasErrors()) {
			return null;
		}
		// One spelling per mailbox, so the unique index and the lookups by address see
		// ana@xn--diseo-rta.mx and ana@diseño.mx as the address they are.
		return new CheckedForm(
				context.eventId(), context.country(), new ValidForm(fullName, EmailAddresses.canonical(email), company,
						jobTitle, companyType, state, city, phone, interest, referralSource, comments, newsOptIn),
				answers);
	}

	/**
	 * A typed address as the form stores it (stripped, NFC, the domain in its one
	 * spelling: {@link EmailAddresses#canonical}), for a lookup by address; null when
	 * nothing but white space was typed.
	 */
	static String address(String typed) {
		String normalized = normalize(typed);
		return (normalized != null) ? EmailAddresses.canonical(normalized) : null;
	}

	/**
	 * Why a typed address cannot be one a registration holds, as a message key
	 * ({@code registration.error.email.*}), or null when it could be.
	 */
	public static String emailProblem(String typed) {
		String normalized = normalize(typed);
		if (normalized == null) {
			return "registration.error.email.required";
		}
		return (normalized.length() > EMAIL_MAX) ? "registration.error.email.invalid" : EmailRules.problem(normalized);
	}

	/**
	 * The address with its domain corrected when the domain is a commonly misspelled one
	 * ("did you mean …?"), else null. For an address the form accepts.
	 */
	public static String suggestedEmail(String email) {
		String normalized = normalize(email);
		return (normalized != null && normalized.indexOf('@') > 0) ? EmailRules.suggestion(normalized) : null;
	}

	private static String singleLine(String field, String value, boolean required, int max, Errors errors) {
		return text(field, value, max, SINGLE_LINE, required, errors);
	}

	private static String text(String field, String value, int max, Predicate<String> allowed, boolean required,
			Errors errors) {
		String normalized = normalize(value);
		if (normalized == null) {
			if (required) {
				reject(errors, field, "registration.error." + field + ".required");
			}
			return null;
		}
		if (normalized.codePointCount(0, normalized.length()) > max) {
			reject(errors, field, "registration.error.tooLong", max);
		}
		else if (!allowed.test(normalized)) {
			reject(errors, field, "registration.error.characters");
		}
		return normalized;
	}

	/**
	 * The phone in E.164, or as typed when refused. Someone outside the event's country
	 * ({@code abroad}) types its country code: else "300 123 4567" from Bogotá would be
	 * stored as the Mexican {@code +523001234567}, or refused with Mexican advice.
	 */
	private static String phone(String value, String country, boolean abroad, Errors errors) {
		String phone = singleLine("phone", value, false, PHONE_MAX, errors);
		if (phone == null || errors.hasFieldErrors("phone")) {
			return phone;
		}
		if (!PHONE.matcher(phone).matches()) {
			reject(errors, "phone", "registration.error.phone.invalid");
			return phone;
		}
		String e164 = PhoneNumbers.normalize(phone, country);
		if (abroad && (e164 == null || !PhoneNumbers.withCountryCode(phone, country))) {
			reject(errors, "phone", "registration.error.phone.international", PhoneNumbers.abroadExample(country));
			return phone;
		}
		if (e164 == null) {
			notANumber(country, errors);
			return phone;
		}
		return e164;
	}

	/**
	 * A phone typed with the right characters that is still no number (too short, a wrong
	 * prefix): the message says how to type one for the event's country.
	 */
	private static void notANumber(String country, Errors errors) {
		String example = PhoneNumbers.example(country);
		if (PHONE_MESSAGE_COUNTRIES.contains(country) || example == null) {
			String known = PHONE_MESSAGE_COUNTRIES.contains(country) ? country : "MX";
			reject(errors, "phone", "registration.error.phone.number." + known);
		}
		else {
			reject(errors, "phone", "registration.error.phone.number", example);
		}
	}

	// A region of the list (RegionList.chosen), or a line of free text.
	private static String region(String value, Regions.RegionList regions, String stored, Errors errors) {
		if (regions.freeText()) {
			String text = singleLine("state", value, false, REGION_MAX, errors);
			if (text == null) {
				reject(errors, "state", regions.key("required", null));
			}
			return text;
		}
		String normalized = normalize(value);
		if (normalized == null) {
			reject(errors, "state", regions.key("required", "registration.error.state.required"));
			return null;
		}
		String code = regions.chosen(normalized, stored);
		if (code == null) {
			reject(errors, "state", "registration.error.choice");
			return null;
		}
		return code;
	}

	private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, Errors errors) {
		String normalized = normalize(value);
		if (normalized == null) {
			reject(errors, field, "registration.error." + field + ".required");
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(normalized)) {
				return constant;
			}
		}
		reject(errors, field, "registration.error.choice");
		return null;
	}

	/**
	 * Multi-line text with each line break as one LF. A browser counts a line break as
	 * one character against a textarea's {@code maxlength} but posts it as CRLF: counted
	 * as posted, text the browser let through would be refused as too long. What is
	 * stored is the text as counted.
	 */
	static String lineFeeds(String value) {
		return (value != null) ? LINE_BREAK.matcher(value).replaceAll("\n") : null;
	}

	/** Stripped NFC text, or null when nothing but white space was sent. */
	static String normalize(String value) {
		return RegistrationFormBinding.normalize(value);
	}

	/**
	 * A problem with a field. Answer fields ({@code q<id>}) are no property of the form,
	 * so the error is added as it is rather than read back from the form.
	 */
	static void reject(Errors errors, String field, String code, Object... args) {
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(errors.getObjectName(), field, null, false,
					result.resolveMessageCodes(code, field), args, null));
		}
		else {
			errors.rejectValue(field, code, args, null);
		}
	}

}
