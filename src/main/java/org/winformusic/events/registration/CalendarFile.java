package org.winformusic.events.registration;

import java.util.Date;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;
import org.winformusic.events.event.EventInfo;

/**
 * The iCalendar file of one registration: the manage page offers it, and the mail feature
 * attaches it to confirmation and promotion emails. The UID is stable per registration,
 * so a calendar updates the entry instead of adding a second one; times are UTC.
 */
public final class CalendarFile {

	/** The media type of the file. */
	public static final String MEDIA_TYPE = "text/calendar";

	private CalendarFile() {
	}

	/**
	 * The iCalendar text for a registration.
	 * @param event the event, in the registrant's language
	 * @param registration the registration (a cancelled or declined one gives a cancelled
	 * entry)
	 * @param manageLink the absolute manage link, put into the description
	 */
	public static String build(EventInfo event, RegistrationView registration, String manageLink) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//WIN Events//Registration//EN");
		calendar.setMethod(Method.publish());
		VEvent entry = new VEvent();
		entry.setUid("registration-" + registration.id() + "@win-events");
		entry.setDateTimeStamp(Date.from(registration.updatedAt()));
		entry.setDateStart(Date.from(event.startsAt()));
		entry.setDateEnd(Date.from(event.endsAt()));
		entry.setSummary(event.title());
		entry.setLocation(event.venueName() + ", " + event.venueAddress());
		StringBuilder description = new StringBuilder();
		if (event.summary() != null) {
			description.append(event.summary()).append("\n\n");
		}
		description.append(manageLink);
		entry.setDescription(description.toString());
		entry.setUrl(manageLink);
		boolean ended = registration.status() == RegistrationStatus.CANCELLED
				|| registration.status() == RegistrationStatus.DECLINED;
		entry.setStatus(ended ? Status.cancelled() : Status.confirmed());
		calendar.addEvent(entry);
		return Biweekly.write(calendar).go();
	}

}
