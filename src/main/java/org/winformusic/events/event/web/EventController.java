package org.winformusic.events.event.web;

import java.time.Clock;
import java.util.Locale;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public home page and event pages. */
@Controller
class EventController {

	private static final String HOME_VIEW = "event/home";

	private static final String EVENT_VIEW = "event/event";

	private final EventCatalog catalog;

	private final Clock clock;

	EventController(EventCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Locale locale, Model model) {
		model.addAttribute("events", this.catalog.upcoming(locale));
		return HOME_VIEW;
	}

	@GetMapping("/events/{slug}")
	String event(@PathVariable String slug, Locale locale, Model model) {
		EventInfo event = this.catalog.findPublishedBySlug(slug, locale).orElseThrow(NotFoundException::new);
		model.addAttribute("event", event);
		model.addAttribute("availability", this.catalog.availability(event.id()));
		model.addAttribute("window", event.registrationWindow(this.clock.instant()));
		return EVENT_VIEW;
	}

}
