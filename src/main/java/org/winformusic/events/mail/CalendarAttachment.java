package org.winformusic.events.mail;

import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationView;

/** The iCalendar file (RFC 5545) attached to confirmation and promotion emails. */
interface CalendarAttachment {

	/**
	 * The {@code event.ics} text for one registration, its UID stable per registration.
	 */
	String ics(RegistrationView registration, EventInfo event, String manageLink);

}
