package org.winformusic.events.registration;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A checked form's normalized values. */
record ValidForm(String fullName, String email, String company, String jobTitle, CompanyType companyType, String state,
		String city, String phone, AssociationInterest associationInterest, String referralSource, String comments,
		boolean newsOptIn) {

	String searchText() {
		return RegistrationFilter.searchable(this.fullName + " " + this.email + " " + this.company);
	}

	/**
	 * Binds the person's fields to the named parameters of an INSERT of a registration:
	 * {@code fullName}, {@code email}, {@code company}, {@code jobTitle},
	 * {@code companyType}, {@code state}, {@code city}, {@code phone}, {@code interest},
	 * {@code referralSource}, {@code comments} and {@code searchText}.
	 */
	JdbcClient.StatementSpec bindTo(JdbcClient.StatementSpec statement) {
		return statement.param("fullName", this.fullName)
			.param("email", this.email)
			.param("company", this.company)
			.param("jobTitle", this.jobTitle)
			.param("companyType", this.companyType.name())
			.param("state", this.state)
			.param("city", this.city)
			.param("phone", this.phone)
			.param("interest", this.associationInterest.name())
			.param("referralSource", this.referralSource)
			.param("comments", this.comments)
			.param("searchText", searchText());
	}

}
