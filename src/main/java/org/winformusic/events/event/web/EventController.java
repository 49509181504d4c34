package org.winformusic.events.event.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.RenderedPages;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public home page and event pages. */
@Controller
class EventController {

	private static final String HOME_VIEW = "event/home";

	private static final String EVENT_VIEW = "event/event";

	/**
	 * The staff roles that see an unpublished event's page as a preview: those who see
	 * its dashboard, which links to it.
	 */
	private static final List<String> PREVIEWERS = List.of("ADMIN", "ORGANIZER", "OPS");

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
	 * An unpublished event is a 404 page, except to signed-in staff, who see it as a
	 * preview: rendered for them alone, never kept, never stored by a browser or proxy.
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
				.orElseThrow(NotFoundException::new);
			if (!event.published()) {
				preview(slug, locale, model, request, response);
				return;
			}
			show(event, model);
			page = this.pages.render(key, version, EVENT_VIEW, model.asMap(), locale, request, response);
		}
		RenderedPages.write(page, request, response);
	}

	private void preview(String slug, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		if (PREVIEWERS.stream().noneMatch(request::isUserInRole)) {
			throw new NotFoundException();
		}
		EventInfo event = this.catalog.findBySlug(slug, locale, true)
			.filter((e) -> !e.published())
			.orElseThrow(NotFoundException::new);
		show(event, model);
		model.addAttribute("preview", true);
		model.addAttribute("window", event.registrationWindowOncePublished(this.clock.instant()));
		RenderedPages.Page page = this.pages.render(null, null, EVENT_VIEW, model.asMap(), locale, request, response);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setContentType(page.contentType());
		response.getOutputStream().write(page.html());
	}

	private void show(EventInfo event, Model model) {
		Instant now = this.clock.instant();
		model.addAttribute("event", event);
		model.addAttribute("availability", this.catalog.availability(event.id()));
		model.addAttribute("window", event.registrationWindow(now));
		model.addAttribute("ended", event.ended(now));
	}

}
