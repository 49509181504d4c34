/**
 * The staff side: sign-in, staff users and roles, the event list and dashboards, the
 * registrations list and detail, status changes, notes, check-in at the door and the
 * audit log. Public API: {@code StaffRole}, {@code AuditLog} (read side),
 * {@code PersonalDataTraces}, {@code StaffDirectory}, and {@code StaffApiTokens}, which
 * the export module implements. Owns {@code staff_user}, {@code staff_note},
 * {@code audit_log}, {@code login_attempt} and the Spring Session tables.
 */
@ApplicationModule(allowedDependencies = { "event", "mail", "registration", "shared" })
package org.winformusic.events.admin;

import org.springframework.modulith.ApplicationModule;
