package org.winformusic.events.admin;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventDays;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.DoorCopies;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A scanned check-in pass at the door: the person's card and its check-in. */
@Controller
class PassCardController {

	private static final String CARD_VIEW = "admin/checkin-card";

	private static final String OLD_CODE_VIEW = "admin/checkin-old-code";

	private final EventCatalog catalog;

	private final RegistrationDirectory directory;

	private final CheckinPasses passes;

	private final DoorCopies copies;

	private final DoorCheckIns door;

	private final EventDays days;

	private final OtherEventsToday otherEvents;

	PassCardController(EventCatalog catalog, RegistrationDirectory directory, CheckinPasses passes, DoorCopies copies,
			DoorCheckIns door, EventDays days, OtherEventsToday otherEvents) {
		this.otherEvents = otherEvents;
		this.days = days;
		this.catalog = catalog;
		this.directory = directory;
		this.passes = passes;
		this.copies = copies;
		this.door = door;
	}

	/**
	 * The person's card, reached by scanning their check-in pass ({@code /p/{pass}}).
	 * After the event's end it says so and offers no check-in; the undo of a mistaken
	 * check-in stays for an ADMIN until the end of the event's last day (in its zone),
	 * when the mistake is still fresh, and after that on the detail page only.
	 */
	@GetMapping("/admin/checkin/pass/{pass}")
	String card(@PathVariable String pass, HttpServletRequest request, Locale locale, Model model) {
		RegistrationView registration = byPass(pass);
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		model.addAttribute("pass", pass);
		boolean over = this.catalog.ended(event.id());
		model.addAttribute("over", over);
		// Before its first day (in its zone) the card says when it is, with no check-in.
		boolean early = !this.days.begun(event.id());
		model.addAttribute("early", early);
		// Not this event's day: the person may hold a seat at the event whose door this
		// is.
		model.addAttribute("elsewhere", (early || over) ? this.otherEvents.of(registration, locale) : List.of());
		model.addAttribute("canUndo", this.door.canUndo(event, over, request));
		if (registration.status() != RegistrationStatus.CONFIRMED) {
			this.copies.newerActive(registration.id())
				.flatMap(this.directory::find)
				.ifPresent((active) -> model.addAttribute("active", active));
		}
		return CARD_VIEW;
	}

	@PostMapping("/admin/checkin/pass/{pass}")
	String checkInByPass(@PathVariable String pass, Locale locale, RedirectAttributes redirect) {
		RegistrationView registration = byPass(pass);
		// A card opened before the end and tapped after it is refused like any
		// check-in after the end (and one before the event's first day, like any).
		this.door.checkIn(registration, locale, redirect);
		redirect.addAttribute("pass", pass);
		return "redirect:/admin/checkin/pass/{pass}";
	}

	/**
	 * Codes printed before check-in passes carried the manage link here. The manage token
	 * checks nobody in any more (it is a secret the attendee must not show); staff are
	 * told so and sent to the door search.
	 */
	@GetMapping("/admin/checkin/{token}")
	String oldCode(@PathVariable String token) {
		return OLD_CODE_VIEW;
	}

	/** An erased registration's pass opens nothing, as for anyone else ({@code /p/}). */
	private RegistrationView byPass(String pass) {
		return this.passes.resolve(pass)
			.flatMap(this.directory::findWithPersonalData)
			.orElseThrow(NotFoundException::new);
	}

}
