package org.winformusic.events.registration;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What staff filter the registrations of one event by, as {@link RegistrationQuery} reads
 * it from the query parameters the list, the export and the printouts share. Null means
 * "any".
 *
 * @param q searched in name, email and company, ignoring case and accents
 * @param choice the id of a choice of one of the event's own questions: only those who
 * chose it
 */
public record RegistrationFilter(String q, RegistrationStatus status, CompanyType companyType, String state,
		AssociationInterest associationInterest, Boolean checkedIn, Long choice) {

	public static final RegistrationFilter ALL = new RegistrationFilter(null, null, null, null, null, null);

	/** A filter on the standard fields only (no answer to the event's own questions). */
	public RegistrationFilter(String q, RegistrationStatus status, CompanyType companyType, String state,
			AssociationInterest associationInterest, Boolean checkedIn) {
		this(q, status, companyType, state, associationInterest, checkedIn, null);
	}

	/**
	 * Lower-case text without accents or other combining marks, as stored in
	 * {@code registration.search_text}: "José Peña" becomes "jose pena".
	 */
	public static String searchable(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
	}

}
