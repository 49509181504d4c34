package org.winformusic.events.event.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.RenderedPages;

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

	private final RenderedPages pages;

	EventController(EventCatalog catalog, Clock clock, RenderedPages pages) {
		this.catalog = catalog;
		this.clock = clock;
		this.pages = pages;
	}

	@GetMapping("/")
	String home(Locale locale, Model model) {
		model.addAttribute("events", this.catalog.upcoming(locale));
		return HOME_VIEW;
	}

	/**
	 * The event page, rendered again only when something it shows changed (see
	 * {@link RenderedPages}); query parameters other than {@code lang} bypass the cache.
	 */
	@GetMapping("/events/{slug}")
	void event(@PathVariable String slug, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		String key = RenderedPages.key("event|" + slug, locale, request);
		String version = (key != null) ? this.catalog.pageVersion(slug, true).orElse(null) : null;
		RenderedPages.Page page = this.pages.find(key, version);
		if (page == null) {
			// A page that will be kept is rendered from the event as it is now.
			EventInfo event = this.catalog.findBySlug(slug, locale, version != null)
				.filter(EventInfo::published)
				.orElseThrow(NotFoundException::new);
			model.addAttribute("event", event);
			model.addAttribute("availability", this.catalog.availability(event.id()));
			Instant now = this.clock.instant();
			model.addAttribute("window", event.registrationWindow(now));
			model.addAttribute("ended", !now.isBefore(event.endsAt()));
			page = this.pages.render(key, version, EVENT_VIEW, model.asMap(), locale, request, response);
		}
		RenderedPages.write(page, request, response);
	}

}
