package org.winformusic.events.print;

import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.shared.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One audit entry per printout, as an export has: badges and the door list carry names,
 * companies and door codes out of the building. Who (the staff email), which event, which
 * printout, how many people and the filter ("printout=DOOR_LIST, people=2130, search=yes,
 * status=CONFIRMED"), never the searched text ({@link RegistrationFilter#auditDetails}).
 * Written once the PDF is built, before a byte is sent.
 */
@Component
class PrintAudit {

	static final String ACTION = "PRINTED";

	/** Which printout, as the audit entry stores it. */
	enum Printout {

		/** Badges on A4 sheets of 8. */
		BADGES_SHEET,

		/** One badge per page. */
		BADGES_SINGLE,

		/** The door list. */
		DOOR_LIST

	}

	private final ApplicationEventPublisher audit;

	PrintAudit(ApplicationEventPublisher audit) {
		this.audit = audit;
	}

	void printed(EventInfo event, Printout printout, int people, RegistrationFilter filter) {
		String filtered = filter.auditDetails();
		this.audit.publishEvent(Audited.byCurrentUser(ACTION, event.id(), null,
				"printout=" + printout + ", people=" + people + (filtered.isEmpty() ? "" : ", " + filtered)));
	}

}
