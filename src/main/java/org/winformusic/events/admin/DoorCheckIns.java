package org.winformusic.events.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.CheckIns.CheckIn;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.EventTimes;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the door page and a scanned pass's card share: checking someone in with the notice
 * that says how it went, and when an arrival may still be undone there.
 */
@Component
class DoorCheckIns {

	private final StaffActions actions;

	private final EventCatalog catalog;

	private final EventTimes times;

	private final Clock clock;

	DoorCheckIns(StaffActions actions, EventCatalog catalog, EventTimes times, Clock clock) {
		this.actions = actions;
		this.catalog = catalog;
		this.times = times;
		this.clock = clock;
	}

	/**
	 * Checks the person in and says how it went; a fresh arrival is also named in
	 * {@code checkedInNow}, so the page after the redirect shows it as done, not as a
	 * repeat.
	 */
	void checkIn(RegistrationView registration, Locale locale, RedirectAttributes redirect) {
		if (registration.status() != RegistrationStatus.CONFIRMED) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.checkin.notConfirmed"));
			return;
		}
		try {
			CheckIn result = this.actions.checkIn(registration.id());
			redirect.addFlashAttribute("notice", notice(result, this.catalog, this.times, locale));
			if (!result.alreadyCheckedIn()) {
				redirect.addFlashAttribute("checkedInNow", registration.id());
			}
		}
		catch (RegistrationStateException ex) {
			redirect.addFlashAttribute("notice", refusal(ex, registration.eventId(), this.catalog, this.times, locale));
		}
	}

	/**
	 * Why a check-in was refused: the event is over, its first day has not begun (with
	 * its date), or they hold no seat.
	 */
	static Notice refusal(RegistrationStateException refused, long eventId, EventCatalog catalog, EventTimes times,
			Locale locale) {
		return switch (refused.reason()) {
			case EVENT_OVER -> Notice.bad("admin.checkin.overRefused");
			case NOT_YET -> new Notice("admin.checkin.notYetRefused",
					catalog.findById(eventId, locale)
						.map((event) -> times.date(event.startsAt(), event.zone(), locale))
						.orElse(""),
					null, Notice.Kind.bad);
			default -> Notice.bad("admin.checkin.notConfirmed");
		};
	}

	/** "Checked in: name" or "name was already checked in at 10:05". */
	static Notice notice(CheckIn result, EventCatalog catalog, EventTimes times, Locale locale) {
		RegistrationView registration = result.registration();
		if (result.alreadyCheckedIn()) {
			String time = catalog.findById(registration.eventId(), locale)
				.map((event) -> times.time(registration.checkedInAt(), event.zone()))
				.orElse("");
			return new Notice("admin.checkin.already", registration.fullName(), time, Notice.Kind.bad);
		}
		return Notice.ok("admin.checkin.done", registration.fullName());
	}

	/**
	 * An arrival is undone at the door while the event runs; after its end only by an
	 * ADMIN on its last day (in its zone), while a mistake is fresh, and later from the
	 * registration's page: one tap must not erase an attendance nobody can record again.
	 */
	boolean canUndo(EventInfo event, boolean over, HttpServletRequest request) {
		return !over || (request.isUserInRole("ADMIN") && LocalDate.ofInstant(this.clock.instant(), event.zone())
			.equals(LocalDate.ofInstant(event.endsAt(), event.zone())));
	}

}
