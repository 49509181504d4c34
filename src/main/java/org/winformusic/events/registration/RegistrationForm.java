package org.winformusic.events.registration;

import java.util.List;
import java.util.Map;

/**
 * What a registrant (or staff, editing) submits. Field names are a contract: scripts and
 * embedded forms post them (DESIGN.md); answers to the event's own questions come as
 * {@code q<question id>}. Bound from a request as {@link RegistrationFormBinding} says,
 * checked by {@link RegistrationValidator}.
 */
public record RegistrationForm(String fullName, String email, String company, String jobTitle, String companyType,
		String state, String city, String phone, String associationInterest, String referralSource, String comments,
		Boolean privacyConsent, Boolean newsOptIn, String website, Map<Long, List<String>> answers) {

	/**
	 * A form without the event's own questions ({@code answers} null: whatever was
	 * answered stays as it is).
	 */
	public RegistrationForm(String fullName, String email, String company, String jobTitle, String companyType,
			String state, String city, String phone, String associationInterest, String referralSource, String comments,
			Boolean privacyConsent, Boolean newsOptIn, String website) {
		this(fullName, email, company, jobTitle, companyType, state, city, phone, associationInterest, referralSource,
				comments, privacyConsent, newsOptIn, website, null);
	}

	/** The same form with another address in its email field. */
	public RegistrationForm withEmail(String address) {
		return new RegistrationForm(this.fullName, address, this.company, this.jobTitle, this.companyType, this.state,
				this.city, this.phone, this.associationInterest, this.referralSource, this.comments,
				this.privacyConsent, this.newsOptIn, this.website, this.answers);
	}

	/** This form with the answers to the event's questions, by question id. */
	public RegistrationForm withAnswers(Map<Long, List<String>> posted) {
		return new RegistrationForm(this.fullName, this.email, this.company, this.jobTitle, this.companyType,
				this.state, this.city, this.phone, this.associationInterest, this.referralSource, this.comments,
				this.privacyConsent, this.newsOptIn, this.website, posted);
	}

	/**
	 * The form pre-filled with a registration's details, for editing: the phone as people
	 * of the event's {@code country} write it ("55 1234 5678", not "+525512345678"),
	 * which the form stores back as it was ({@link PhoneNumbers#asTyped}); with its
	 * country code for someone outside the country.
	 */
	public static RegistrationForm of(RegistrationView view, String country) {
		return new RegistrationForm(view.fullName(), view.email(), view.company(), view.jobTitle(),
				view.companyType().name(), view.state(), view.city(),
				PhoneNumbers.asTyped(view.phone(), country, view.state()), view.associationInterest().name(),
				view.referralSource(), view.comments(), true, view.newsOptIn(), null);
	}

}
