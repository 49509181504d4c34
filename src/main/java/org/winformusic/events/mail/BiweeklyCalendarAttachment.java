package org.winformusic.events.mail;

import java.time.Clock;
import java.util.Date;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;

import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the calendar file with biweekly, which does the escaping and line folding. Times
 * are in UTC, which every calendar converts to the reader's zone.
 */
@Component
class BiweeklyCalendarAttachment implements CalendarAttachment {

	private final Clock clock;

	private final MessageSource messages;

	BiweeklyCalendarAttachment(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	public String ics(RegistrationView registration, EventInfo event, String manageLink) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//WIN Worldwide Independent Network//WIN Events//EN");
		calendar.setMethod(Method.publish());
		VEvent vevent = new VEvent();
		vevent.setUid("registration-" + registration.id() + "@win-events");
		vevent.setDateTimeStamp(Date.from(this.clock.instant()));
		vevent.setDateStart(Date.from(event.startsAt()), true);
		vevent.setDateEnd(Date.from(event.endsAt()), true);
		vevent.setSummary(event.title());
		vevent.setLocation(event.venueName() + ", " + event.venueAddress());
		String manage = this.messages.getMessage("mail.calendar.manage", null, registration.locale());
		vevent.setDescription(event.summary() + "\n\n" + manage + " " + manageLink);
		vevent.setUrl(manageLink);
		calendar.addEvent(vevent);
		return Biweekly.write(calendar).go();
	}

}
