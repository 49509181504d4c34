package org.winformusic.events.export;

import java.io.IOException;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationQuery;

/** Runs one export and records it in the audit log. */
@Service
class ExportService {

	private static final Log logger = LogFactory.getLog(ExportService.class);

	private final RegistrationExport registrations;

	private final ExportAudit audit;

	ExportService(RegistrationExport registrations, ExportAudit audit) {
		this.registrations = registrations;
		this.audit = audit;
	}

	long export(EventInfo event, RegistrationQuery query, ExportFormat format, Locale locale, RowWriter writer)
			throws IOException {
		long rows = this.registrations.write(event, query, locale, format.people(), writer);
		this.audit.exported(event, query.filter(), format, rows);
		// No personal data here: the filter's search text may be a name or an address.
		logger.info("Exported " + rows + " registrations of event " + event.slug() + " as " + format);
		return rows;
	}

}
