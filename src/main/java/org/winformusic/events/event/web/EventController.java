package org.winformusic.events.event.web;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	private static final Pattern CACHEABLE_QUERY = Pattern.compile("lang=[a-z]{2}");

	private final EventCatalog catalog;

	private final Clock clock;

	private final RenderedPageCache pages;

	EventController(EventCatalog catalog, Clock clock, RenderedPageCache pages) {
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
	 * {@link RenderedPageCache}); query parameters other than {@code lang} bypass the
	 * cache.
	 */
	@GetMapping("/events/{slug}")
	void event(@PathVariable String slug, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		String query = request.getQueryString();
		String version = (query == null || CACHEABLE_QUERY.matcher(query).matches()) ? this.pages.version(slug) : null;
		String key = (version != null) ? slug + "|" + locale.toLanguageTag() + "|" + query : null;
		RenderedPageCache.Page page = (key != null) ? this.pages.find(key, version) : null;
		if (page == null) {
			EventInfo event = this.catalog.findPublishedBySlug(slug, locale).orElseThrow(NotFoundException::new);
			model.addAttribute("event", event);
			model.addAttribute("availability", this.catalog.availability(event.id()));
			model.addAttribute("window", event.registrationWindow(this.clock.instant()));
			page = this.pages.render(key, version, EVENT_VIEW, model.asMap(), locale, request, response);
		}
		RenderedPageCache.write(page, request, response);
	}

}
