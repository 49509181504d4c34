/**
 * Registrations: the public form, the registrant's manage page, seats and the waitlist,
 * staff status changes, check-in passes and erasure. Public API: {@code
 * PublicRegistrations}, {@code SelfService}, {@code StaffRegistrations},
 * {@code CheckIns}, {@code RegistrationDirectory} (view records),
 * {@code RegistrationTallies}, {@code
 * RegistrationErasure}, {@code RegistrantLanguage}, {@code BehindManageLink},
 * {@code EmailChanges} (whose confirmation links the mail module mints), and
 * {@code EmailHistory}, which the mail module implements. Owns {@code registration} and
 * its answers, tokens, tallies and blocked data, {@code event_seat} (capacity is the
 * number of seat rows), {@code email_change} and its tokens, {@code
 * link_request}, {@code rate_limit_bucket}, {@code app_secret} and {@code
 * checkin_undone} (door phones' check-ins undone).
 */
@ApplicationModule(allowedDependencies = { "event", "shared" })
package org.winformusic.events.registration;

import org.springframework.modulith.ApplicationModule;
