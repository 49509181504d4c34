/**
 * Door day on paper: the name badges and the printable door list of an event, as PDFs for
 * staff. Reads registrations through the same filter as the admin list and the export.
 */
@ApplicationModule(allowedDependencies = { "admin", "event", "registration", "shared" })
package org.winformusic.events.print;

import org.springframework.modulith.ApplicationModule;
