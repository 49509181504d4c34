package org.winformusic.events.export;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.shared.Audited;

/**
 * Publishes one audit entry per export: who (the staff email; for an API token, its
 * owner's, with the token's name on a line of the details), which event, the filter, the
 * row count and the format. The searched text is not kept, only that there was one
 * ({@code search=yes}): it is a name or an address, personal data that would outlive the
 * person's erasure in the log.
 */
@Component
class ExportAudit {

	static final String ACTION = "REGISTRATIONS_EXPORTED";

	private final ApplicationEventPublisher audit;

	/** The detail line that names an API token ("token=crm sync"). */
	static String token(String tokenName) {
		return "token=" + tokenName;
	}

	ExportAudit(ApplicationEventPublisher audit) {
		this.audit = audit;
	}

	void exported(EventInfo event, RegistrationFilter filter, ExportFormat format, long rows) {
		String details = details(filter, format, rows);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getDetails() instanceof ViaToken via) {
			details = token(via.name()) + "\n" + details;
		}
		this.audit.publishEvent(Audited.byCurrentUser(ACTION, event.id(), null, details));
	}

	/** The details of a request signed in with an API token: which token. */
	record ViaToken(String name) {

	}

	static String details(RegistrationFilter filter, ExportFormat format, long rows) {
		String filtered = filter.auditDetails();
		return "format=" + format + ", rows=" + rows + (filtered.isEmpty() ? "" : ", " + filtered);
	}

}
