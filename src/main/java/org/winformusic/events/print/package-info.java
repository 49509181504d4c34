/**
 * Door day on paper: the name badges and the printable door list of an event, as PDFs for
 * staff. Reads registrations through the registration module's query, as the admin list
 * and the export do.
 */
@ApplicationModule(allowedDependencies = { "event", "registration", "shared" })
package org.winformusic.events.print;

import org.springframework.modulith.ApplicationModule;
