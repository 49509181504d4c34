package org.winformusic.events.registration;

/**
 * What a registrant (or staff, editing) submits. Field names are a contract: scripts and
 * embedded forms post them (DESIGN.md). Validation rules live with the registration
 * feature.
 */
public record RegistrationForm(String fullName, String email, String company, String jobTitle, String companyType,
		String state, String city, String phone, String associationInterest, String referralSource, String comments,
		Boolean privacyConsent, Boolean newsOptIn, String website) {

	/** The form pre-filled with a registration's details, for editing. */
	public static RegistrationForm of(RegistrationView view) {
		return new RegistrationForm(view.fullName(), view.email(), view.company(), view.jobTitle(),
				view.companyType().name(), view.state(), view.city(), view.phone(), view.associationInterest().name(),
				view.referralSource(), view.comments(), true, view.newsOptIn(), null);
	}

}
