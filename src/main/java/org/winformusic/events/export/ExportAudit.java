package org.winformusic.events.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.shared.Audited;

/**
 * Publishes one audit entry per export: who (the staff email, or {@code token:<name>} for
 * an API token), which event, the filter, the row count and the format. The searched text
 * is not kept, only that there was one ({@code search=yes}): it is a name or an address,
 * personal data that would outlive the person's erasure in the log.
 */
@Component
class ExportAudit {

	static final String ACTION = "REGISTRATIONS_EXPORTED";

	private final ApplicationEventPublisher audit;

	/** How a request authenticated with an API token names its actor. */
	static String tokenActor(String tokenName) {
		return Audited.TOKEN_ACTOR_PREFIX + tokenName;
	}

	ExportAudit(ApplicationEventPublisher audit) {
		this.audit = audit;
	}

	void exported(EventInfo event, RegistrationFilter filter, ExportFormat format, long rows) {
		this.audit.publishEvent(Audited.byCurrentUser(ACTION, event.id(), null, details(filter, format, rows)));
	}

	static String details(RegistrationFilter filter, ExportFormat format, long rows) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("format", format);
		values.put("rows", rows);
		values.put("search", (filter.q() != null && !filter.q().isBlank()) ? "yes" : null);
		values.put("status", filter.status());
		values.put("companyType", filter.companyType());
		values.put("state", filter.state());
		values.put("associationInterest", filter.associationInterest());
		values.put("checkedIn", filter.checkedIn());
		values.put("choice", filter.choice());
		StringJoiner details = new StringJoiner(", ");
		values.forEach((name, value) -> {
			if (value != null) {
				details.add(name + "=" + value);
			}
		});
		return details.toString();
	}

}
