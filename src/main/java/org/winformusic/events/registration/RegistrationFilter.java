package org.winformusic.events.registration;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What staff filter the registrations of one event by: the admin list and the CSV export
 * take the same query parameters
 * ({@code q, status, companyType, state, associationInterest,
 * checkedIn}), so "export what I see" is one link. Null means "any".
 *
 * @param q searched in name, email and company, ignoring case and accents
 */
public record RegistrationFilter(String q, RegistrationStatus status, CompanyType companyType, String state,
		AssociationInterest associationInterest, Boolean checkedIn) {

	public static final RegistrationFilter ALL = new RegistrationFilter(null, null, null, null, null, null);

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
