package org.winformusic.events.print;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.shared.EventTimes;

/**
 * Prints the badges and the door list of one event in the staff member's language: picks
 * the people, words the texts, hands both to the drawing. Each printout is audited as an
 * export is: names, companies and door codes leave the building on paper.
 */
@Service
class Printouts {

	private static final Log logger = LogFactory.getLog(Printouts.class);

	/** Badges, unless a status is asked for: only people who have a seat. */
	static final Set<RegistrationStatus> BADGE_STATUSES = EnumSet.of(RegistrationStatus.CONFIRMED);

	/** The door list, unless a status is asked for: everyone who may still turn up. */
	static final Set<RegistrationStatus> DOOR_STATUSES = EnumSet.of(RegistrationStatus.CONFIRMED,
			RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING);

	/** The door list header's counts, in this order. */
	private static final List<RegistrationStatus> COUNT_ORDER = List.of(RegistrationStatus.CONFIRMED,
			RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING, RegistrationStatus.CANCELLED,
			RegistrationStatus.DECLINED);

	private final Attendees attendees;

	private final BadgePdf badges;

	private final DoorListPdf doorList;

	private final MessageSource messages;

	private final EventTimes times;

	private final Clock clock;

	private final PrintAudit audit;

	Printouts(Attendees attendees, BadgePdf badges, DoorListPdf doorList, MessageSource messages, EventTimes times,
			Clock clock, PrintAudit audit) {
		this.audit = audit;
		this.attendees = attendees;
		this.badges = badges;
		this.doorList = doorList;
		this.messages = messages;
		this.times = times;
		this.clock = clock;
	}

	void badges(EventInfo event, RegistrationFilter filter, BadgePdf.Layout layout, Locale locale, OutputStream out)
			throws IOException {
		List<Attendee> people = this.attendees.find(event.id(), filter, BADGE_STATUSES);
		BadgePdf.Texts texts = new BadgePdf.Texts(message("door.badges.title", locale, event.title()), event.title(),
				this.times.date(event.startsAt(), event.zone(), locale), message("door.badges.nobody", locale));
		this.badges.write(texts, people, layout, out);
		this.audit.printed(event, (layout == BadgePdf.Layout.SINGLE) ? PrintAudit.Printout.BADGES_SINGLE
				: PrintAudit.Printout.BADGES_SHEET, people.size(), filter);
		// No personal data here: the filter's search text may be a name.
		logger.info("Printed " + people.size() + " badges of event " + event.slug() + " as " + layout);
	}

	void doorList(EventInfo event, RegistrationFilter filter, Locale locale, OutputStream out) throws IOException {
		List<Attendee> people = this.attendees.find(event.id(), filter, DOOR_STATUSES);
		Map<RegistrationStatus, String> statuses = new EnumMap<>(RegistrationStatus.class);
		for (RegistrationStatus status : RegistrationStatus.values()) {
			statuses.put(status, message("admin.status." + status.name(), locale));
		}
		String printed = message("door.list.printed", locale,
				this.times.dateTime(this.clock.instant(), event.zone(), locale),
				this.times.zoneName(event.zone(), locale));
		DoorListPdf.Texts texts = new DoorListPdf.Texts(message("door.list.title", locale, event.title()),
				event.title(),
				message("door.list.heading", locale) + " · "
						+ this.times.range(event.startsAt(), event.endsAt(), event.zone(), locale),
				counts(people, (filter.status() != null) ? EnumSet.of(filter.status()) : DOOR_STATUSES, locale),
				printed, message("door.list.legend", locale), message("door.list.name", locale),
				message("door.list.company", locale), message("door.list.status", locale),
				message("door.list.code", locale), message("door.list.nobody", locale), statuses,
				(at) -> message("door.list.arrived", locale, arrivalTime(at, event, locale)));
		this.doorList.write(texts, people, out);
		this.audit.printed(event, PrintAudit.Printout.DOOR_LIST, people.size(), filter);
		logger.info("Printed the door list of event " + event.slug() + " with " + people.size() + " rows");
	}

	/**
	 * When someone arrived, in the event's zone (which the header names): the time, with
	 * its date when that is not the day the event starts.
	 */
	private String arrivalTime(Instant at, EventInfo event, Locale locale) {
		boolean firstDay = at.atZone(event.zone())
			.toLocalDate()
			.equals(event.startsAt().atZone(event.zone()).toLocalDate());
		return firstDay ? this.times.time(at, event.zone())
				: this.times.compactDateTime(locale).format(at.atZone(event.zone()));
	}

	/**
	 * "Confirmados: 40 (ya entraron: 12) · En lista de espera: 3 · Por revisar: 2 · Total
	 * en esta lista: 45": the statuses the list can hold (a status filter's alone), so
	 * the counts add up to the total; who already arrived when any did.
	 */
	private String counts(List<Attendee> people, Set<RegistrationStatus> listed, Locale locale) {
		List<String> counts = new ArrayList<>();
		for (RegistrationStatus status : COUNT_ORDER) {
			if (listed.contains(status)) {
				long count = people.stream().filter((person) -> person.status() == status).count();
				String words = message("door.list.count." + status.name(), locale, count);
				long arrived = people.stream()
					.filter((person) -> person.status() == status && person.arrived())
					.count();
				counts.add((arrived > 0) ? words + " " + message("door.list.count.arrived", locale, arrived) : words);
			}
		}
		counts.add(message("door.list.total", locale, people.size()));
		return String.join(" · ", counts);
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

}
