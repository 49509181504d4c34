/**
 * The attendee export (CSV, XLSX) for staff and for API tokens. Owns {@code api_token};
 * implements the admin module's {@code StaffApiTokens}.
 */
@ApplicationModule(allowedDependencies = { "admin", "event", "registration", "shared" })
package org.winformusic.events.export;

import org.springframework.modulith.ApplicationModule;
