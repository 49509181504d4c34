package org.winformusic.events.registration;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The form rules of DESIGN.md, for the public form, self-service edits and staff edits
 * alike. Values are stripped and normalized to Unicode NFC before they are checked, and
 * what is stored is the normalized value. Messages are keys of
 * {@code messages/registration*.properties}.
 */
@Component
class RegistrationValidator {

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
	 * Control characters, every invisible format character (Unicode category Cf:
	 * zero-width, bidi overrides and isolates, BOM, soft hyphen, tags...) and the
	 * replacement character that stands for bytes that were not valid UTF-8. Single-line
	 * fields reject all of them.
	 */
	private static final Pattern FORBIDDEN_SINGLE_LINE = Pattern.compile("[\\p{Cc}\\p{Cf}\\uFFFD\\u2028\\u2029]");

	/** Comments may hold line breaks (and tabs), nothing else of the above. */
	private static final Pattern FORBIDDEN_MULTI_LINE = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\p{Cf}\\uFFFD]");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{5,30}(\\s*(ext\\.?|x)\\s*[0-9]{1,6})?",
			Pattern.CASE_INSENSITIVE);

	/** Misspelled domains people often type, and what they meant. */
	private static final Map<String, String> DOMAIN_TYPOS = Map.ofEntries(Map.entry("gmial.com", "gmail.com"),
			Map.entry("gmal.com", "gmail.com"), Map.entry("gmai.com", "gmail.com"), Map.entry("gamil.com", "gmail.com"),
			Map.entry("gnail.com", "gmail.com"), Map.entry("gmaill.com", "gmail.com"),
			Map.entry("gmail.con", "gmail.com"), Map.entry("gmail.co", "gmail.com"),
			Map.entry("gmail.cmo", "gmail.com"), Map.entry("gmail.om", "gmail.com"),
			Map.entry("hotmial.com", "hotmail.com"), Map.entry("hotmal.com", "hotmail.com"),
			Map.entry("hotmai.com", "hotmail.com"), Map.entry("hotamil.com", "hotmail.com"),
			Map.entry("hotmail.con", "hotmail.com"), Map.entry("hotmail.co", "hotmail.com"),
			Map.entry("hotmial.com.mx", "hotmail.com.mx"), Map.entry("hotmal.com.mx", "hotmail.com.mx"),
			Map.entry("yaho.com", "yahoo.com"), Map.entry("yahooo.com", "yahoo.com"),
			Map.entry("yahoo.con", "yahoo.com"), Map.entry("yaho.com.mx", "yahoo.com.mx"),
			Map.entry("outlok.com", "outlook.com"), Map.entry("outloo.com", "outlook.com"),
			Map.entry("outlook.con", "outlook.com"), Map.entry("iclod.com", "icloud.com"),
			Map.entry("icloud.con", "icloud.com"), Map.entry("live.con", "live.com"));

	/**
	 * Checks a form.
	 * @param repeated names of fields that were posted more than once: each is an error,
	 * since it is unclear which value the person meant
	 * @param requireConsent whether privacy consent must be given (new registrations; an
	 * edit keeps the consent given then)
	 * @param country the event's country: its regions are the choices of {@code state},
	 * and phone numbers without a {@code +} prefix are read as numbers of that country
	 */
	ValidForm validate(RegistrationForm form, Set<String> repeated, boolean requireConsent, String country) {
		List<FieldProblem> problems = new ArrayList<>();
		for (String field : repeated) {
			problems.add(FieldProblem.of(field, "registration.error.repeated"));
		}
		String fullName = singleLine("fullName", form.fullName(), true, FULL_NAME_MAX, problems);
		String email = singleLine("email", form.email(), true, EMAIL_MAX, problems);
		String emailSuggestion = null;
		if (email != null) {
			if (!EMAIL.matcher(email).matches() || email.indexOf('@') > 64) {
				problems.add(FieldProblem.of("email", "registration.error.email.invalid"));
			}
			else {
				emailSuggestion = suggestion(email);
			}
		}
		String company = singleLine("company", form.company(), true, COMPANY_MAX, problems);
		String jobTitle = singleLine("jobTitle", form.jobTitle(), false, JOB_TITLE_MAX, problems);
		CompanyType companyType = choice("companyType", form.companyType(), CompanyType.class, problems);
		String state = region(form.state(), Regions.of(country), problems);
		String city = singleLine("city", form.city(), true, CITY_MAX, problems);
		String phone = singleLine("phone", form.phone(), false, PHONE_MAX, problems);
		if (phone != null) {
			String e164 = PHONE.matcher(phone).matches() ? PhoneNumbers.normalize(phone, country) : null;
			if (e164 == null) {
				problems.add(FieldProblem.of("phone", "registration.error.phone.invalid"));
			}
			else {
				phone = e164;
			}
		}
		AssociationInterest interest = choice("associationInterest", form.associationInterest(),
				AssociationInterest.class, problems);
		String referralSource = singleLine("referralSource", form.referralSource(), false, REFERRAL_MAX, problems);
		String comments = text("comments", form.comments(), COMMENTS_MAX, FORBIDDEN_MULTI_LINE, false, problems);
		if (requireConsent && !Boolean.TRUE.equals(form.privacyConsent())) {
			problems.add(FieldProblem.of("privacyConsent", "registration.error.privacyConsent.required"));
		}
		boolean newsOptIn = Boolean.TRUE.equals(form.newsOptIn());
		return new ValidForm(fullName, email, company, jobTitle, companyType, state, city, phone, interest,
				referralSource, comments, newsOptIn, emailSuggestion, List.copyOf(problems));
	}

	/** The address with its domain corrected, when the domain is a known typo. */
	static String suggestion(String email) {
		int at = email.lastIndexOf('@');
		String meant = DOMAIN_TYPOS.get(email.substring(at + 1).toLowerCase(Locale.ROOT));
		return (meant != null) ? email.substring(0, at + 1) + meant : null;
	}

	private static String singleLine(String field, String value, boolean required, int max,
			List<FieldProblem> problems) {
		return text(field, value, max, FORBIDDEN_SINGLE_LINE, required, problems);
	}

	private static String text(String field, String value, int max, Pattern forbidden, boolean required,
			List<FieldProblem> problems) {
		String normalized = normalize(value);
		if (normalized == null) {
			if (required) {
				problems.add(FieldProblem.of(field, "registration.error." + field + ".required"));
			}
			return null;
		}
		if (normalized.codePointCount(0, normalized.length()) > max) {
			problems.add(FieldProblem.of(field, "registration.error.tooLong", max));
		}
		else if (forbidden.matcher(normalized).find()) {
			problems.add(FieldProblem.of(field, "registration.error.characters"));
		}
		return normalized;
	}

	/** One of the list's codes, or for a free-text list a single line of text. */
	private static String region(String value, Regions.RegionList regions, List<FieldProblem> problems) {
		if (regions.freeText()) {
			String text = singleLine("state", value, false, REGION_MAX, problems);
			if (text == null) {
				problems.add(FieldProblem.of("state", regions.key("required", null)));
			}
			return text;
		}
		String normalized = normalize(value);
		if (normalized == null) {
			problems.add(FieldProblem.of("state", regions.key("required", "registration.error.state.required")));
			return null;
		}
		if (!regions.contains(normalized)) {
			problems.add(FieldProblem.of("state", "registration.error.choice"));
			return null;
		}
		return normalized;
	}

	private static <E extends Enum<E>> E choice(String field, String value, Class<E> type,
			List<FieldProblem> problems) {
		String normalized = normalize(value);
		if (normalized == null) {
			problems.add(FieldProblem.of(field, "registration.error." + field + ".required"));
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(normalized)) {
				return constant;
			}
		}
		problems.add(FieldProblem.of(field, "registration.error.choice"));
		return null;
	}

	/** Stripped NFC text, or null when nothing but white space was sent. */
	static String normalize(String value) {
		if (value == null) {
			return null;
		}
		String stripped = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/**
	 * A checked form: normalized values, and the problems found (empty when valid).
	 *
	 * @param emailSuggestion the address with a commonly misspelled domain corrected, or
	 * null
	 */
	record ValidForm(String fullName, String email, String company, String jobTitle, CompanyType companyType,
			String state, String city, String phone, AssociationInterest associationInterest, String referralSource,
			String comments, boolean newsOptIn, String emailSuggestion, List<FieldProblem> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

		String searchText() {
			return RegistrationFilter.searchable(this.fullName + " " + this.email + " " + this.company);
		}

	}

}
