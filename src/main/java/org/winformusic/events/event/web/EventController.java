package org.winformusic.events.event.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.NoLongerPublished;
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

	private final NoLongerPublished noLongerPublished;

	EventController(EventCatalog catalog, Clock clock, RenderedPages pages, NoLongerPublished noLongerPublished) {
		this.catalog = catalog;
		this.clock = clock;
		this.pages = pages;
		this.noLongerPublished = noLongerPublished;
	}

	@GetMapping("/")
	String home(Locale locale, Model model) {
		model.addAttribute("events", this.catalog.upcoming(locale));
		return HOME_VIEW;
	}

	/**
	 * The event page, rendered again only when something it shows changed (see
	 * {@link RenderedPages}); query parameters other than {@code lang} bypass the cache.
	 * An unpublished event has no page for visitors: one published before says it is no
	 * longer published ({@link NoLongerPublishedPage}), a draft never published is a 404
	 * like no event. Signed-in staff see either as a preview: rendered for them alone,
	 * never kept, never stored by a browser or proxy. Whether the event is published is
	 * read exactly, never from facts kept for a few seconds: publishing shows the page at
	 * once, unpublishing the notice.
	 */
	@GetMapping("/events/{slug}")
	void event(@PathVariable String slug, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		String key = RenderedPages.key("event|" + slug, locale, request);
		String version = (key != null) ? this.catalog.pageVersion(slug, true).orElse(null) : null;
		RenderedPages.Page page = this.pages.find(key, version);
		if (page == null) {
			// No version: no published event has this slug now.
			EventInfo event = (key != null && version == null) ? null
					: this.catalog.findBySlug(slug, locale, true).filter(EventInfo::published).orElse(null);
			if (event == null) {
				notPublished(slug, locale, model, request, response);
				return;
			}
			show(event, model);
			page = this.pages.render(key, version, EVENT_VIEW, model.asMap(), locale, request, response);
		}
		RenderedPages.write(page, request, response);
	}

	private void notPublished(String slug, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		if (PREVIEWERS.stream().noneMatch(request::isUserInRole)) {
			throw this.noLongerPublished.notPublished(slug, locale);
		}
		EventInfo event = this.catalog.findBySlug(slug, locale, true)
			.filter((e) -> !e.published())
			.orElseThrow(NotFoundException::new);
		show(event, model);
		// What visitors get instead: the notice of an event no longer published, or a
		// 404.
		model.addAttribute("preview", this.noLongerPublished.title(slug, locale).isPresent() ? "withdrawn" : "draft");
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
