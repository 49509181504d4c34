/**
 * Personal data rights (LFPDPPP 2025 and GDPR): the privacy notice, the registrant's data
 * download, erasure (blocking, then suppression), the news opt-out, the staff
 * data-request page and the retention job. It asks the owning modules for their data
 * through small public classes ({@code RegistrationErasure}, {@code OutboxErasure},
 * {@code PersonalDataTraces}) and owns no table.
 */
@ApplicationModule(allowedDependencies = { "admin", "event", "mail", "registration", "shared" })
package org.winformusic.events.privacy;

import org.springframework.modulith.ApplicationModule;
