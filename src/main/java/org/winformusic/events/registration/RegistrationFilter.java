package org.winformusic.events.registration;

import java.net.IDN;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff filter the registrations of one event by, as {@link RegistrationQuery} reads
 * it from the query parameters the list, the export and the printouts share. Null means
 * "any".
 *
 * @param q searched in name, email and company, ignoring case and accents
 * @param choice the id of a choice of one of the event's own questions: only those who
 * chose it
 * @param yesNo a yes/no question of the event and an answer to it: only those who gave
 * that answer
 */
public record RegistrationFilter(String q, RegistrationStatus status, CompanyType companyType, String state,
		AssociationInterest associationInterest, Boolean checkedIn, Long choice, YesNo yesNo) {

	public static final RegistrationFilter ALL = new RegistrationFilter(null, null, null, null, null, null);

	/**
	 * The apostrophes a name or a company is typed with: straight, typographic (’ and ‘,
	 * a phone's default), reversed ‛, the modifier letter ʼ, the acute accent ´, the
	 * grave accent ` and the prime ′.
	 */
	static final String APOSTROPHES = "'\u2018\u2019\u201B\u02BC\u00B4`\u2032";

	private static final Pattern APOSTROPHE = Pattern.compile("[" + APOSTROPHES + "]");

	/** A domain label in its ASCII (IDNA) form, as in {@code ana@xn--diseo-rta.mx}. */
	private static final Pattern ACE_LABEL = Pattern.compile("(?i)(?<![a-z0-9-])xn--[a-z0-9-]+");

	/** A filter on the standard fields only (no answer to the event's own questions). */
	public RegistrationFilter(String q, RegistrationStatus status, CompanyType companyType, String state,
			AssociationInterest associationInterest, Boolean checkedIn) {
		this(q, status, companyType, state, associationInterest, checkedIn, null, null);
	}

	/** A filter on the standard fields and a choice. */
	public RegistrationFilter(String q, RegistrationStatus status, CompanyType companyType, String state,
			AssociationInterest associationInterest, Boolean checkedIn, Long choice) {
		this(q, status, companyType, state, associationInterest, checkedIn, choice, null);
	}

	/**
	 * The filter as an audit entry states it (an export's, a printout's): "search=yes,
	 * status=CONFIRMED"; empty for none. The searched text is not kept, only that there
	 * was one: it is a name or an address, personal data that would outlive the person's
	 * erasure in the log (V46 took it out of the older entries).
	 */
	public String auditDetails() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("search", (this.q != null && !this.q.isBlank()) ? "yes" : null);
		values.put("status", this.status);
		values.put("companyType", this.companyType);
		values.put("state", this.state);
		values.put("associationInterest", this.associationInterest);
		values.put("checkedIn", this.checkedIn);
		values.put("choice", this.choice);
		values.put("yesNo", this.yesNo);
		StringJoiner details = new StringJoiner(", ");
		values.forEach((name, value) -> {
			if (value != null) {
				details.add(name + "=" + value);
			}
		});
		return details.toString();
	}

	/**
	 * A yes/no question and an answer to it, written {@code 12:yes} or {@code 12:no} in
	 * links (the {@code yesNo} query parameter) and in the audit log.
	 */
	public record YesNo(long questionId, boolean yes) {

		private static final Pattern WRITTEN = Pattern.compile("([1-9][0-9]{0,17}):(yes|no|true|false)");

		/** {@code 12:yes}. */
		public static String value(long questionId, boolean yes) {
			return questionId + ":" + (yes ? "yes" : "no");
		}

		/** The answer written as {@link #value}, or null when it is not so written. */
		public static YesNo parse(String value) {
			Matcher written = (value != null) ? WRITTEN.matcher(value.strip().toLowerCase(Locale.ROOT)) : null;
			if (written == null || !written.matches()) {
				return null;
			}
			String answer = written.group(2);
			return new YesNo(Long.parseLong(written.group(1)), answer.equals("yes") || answer.equals("true"));
		}

		@Override
		public String toString() {
			return value(this.questionId, this.yes);
		}

	}

	/**
	 * Lower-case text without accents or other combining marks and without apostrophes,
	 * as stored in {@code registration.search_text}: "José Peña" becomes "jose pena",
	 * "Renée O’Connor" "renee oconnor". Apostrophes of every kind (the straight one, the
	 * typographic ’ a phone types, ‘ ʼ ´ ` ′) are left out rather than made one, so that
	 * "o'connor", "O’Connor" and "oconnor" all find the person: a name with an apostrophe
	 * is often typed without it (V48 recomputed the stored text of earlier rows).
	 */
	public static String searchable(String text) {
		if (text == null) {
			return "";
		}
		// The acute accent ´ decomposes into a space and a combining mark: out first.
		String decomposed = Normalizer.normalize(withoutApostrophes(unicodeLabels(text)), Normalizer.Form.NFKD);
		return withoutApostrophes(decomposed.replaceAll("\\p{M}+", "")).toLowerCase(Locale.ROOT).strip();
	}

	private static String withoutApostrophes(String text) {
		return APOSTROPHE.matcher(text).replaceAll("");
	}

	/**
	 * Domain labels typed in their ASCII form ({@code xn--diseo-rta}) in their Unicode
	 * one ({@code diseño}): addresses are stored with the domain in Unicode
	 * ({@link org.winformusic.events.shared.EmailAddresses#canonical}), and staff may
	 * have the ASCII spelling from a bounce or a mail log. A label that is no valid IDNA
	 * stays as typed.
	 */
	private static String unicodeLabels(String text) {
		if (!text.toLowerCase(Locale.ROOT).contains("xn--")) {
			return text;
		}
		Matcher label = ACE_LABEL.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (label.find()) {
			String ascii = label.group().toLowerCase(Locale.ROOT);
			String unicode = IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
			label.appendReplacement(out, Matcher.quoteReplacement(unicode));
		}
		label.appendTail(out);
		return out.toString();
	}

}
