package org.winformusic.events.registration;

import java.time.Instant;

import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.RegistrationStatus;

/** One line of the registrations list. */
public record RegistrationRow(long id, String fullName, String email, String company, CompanyType companyType,
		String state, String city, AssociationInterest associationInterest, RegistrationStatus status,
		Instant createdAt, Instant checkedInAt) {

	public boolean checkedIn() {
		return this.checkedInAt != null;
	}

}
