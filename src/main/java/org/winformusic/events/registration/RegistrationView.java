package org.winformusic.events.registration;

import java.time.Instant;
import java.util.Locale;

/**
 * A registration as other features read it (emails, admin pages, export).
 *
 * @param waitlistPosition 1-based place in the waitlist when {@code WAITLISTED}, else
 * null
 * @param version the row's {@code version}: one more with every change of the
 * registration (the calendar file's SEQUENCE grows with it, see {@link CalendarFile})
 */
public record RegistrationView(long id, long eventId, RegistrationStatus status, String fullName, String email,
		String company, String jobTitle, CompanyType companyType, String state, String city, String phone,
		AssociationInterest associationInterest, String referralSource, String comments, boolean newsOptIn,
		String privacyConsentVersion, Instant privacyConsentAt, Locale locale, Instant createdAt, Instant updatedAt,
		Instant confirmedAt, Instant cancelledAt, Instant declinedAt, Instant checkedInAt, Integer waitlistPosition,
		int version) {

}
