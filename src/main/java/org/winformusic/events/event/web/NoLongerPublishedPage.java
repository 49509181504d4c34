package org.winformusic.events.event.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.winformusic.events.event.NoLongerPublishedException;
import org.winformusic.events.shared.RenderedPages;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The page every public address of an event published once and unpublished since shows
 * (its page, its form, "email me my link"), whichever controller found it so: the event
 * is no longer published, registration is not available here, a registrant's own link
 * still works, and whom to write to.
 * <p>
 * A 404, not a 410: 410 says the page is gone for good, and staff may publish the event
 * again. Rendered for this request only, never kept in {@link RenderedPages} nor stored
 * by a browser or proxy ({@code no-store}): once the event is published again its page
 * shows at once.
 */
@ControllerAdvice
class NoLongerPublishedPage {

	private static final String VIEW = "event/unpublished";

	private final RenderedPages pages;

	NoLongerPublishedPage(RenderedPages pages) {
		this.pages = pages;
	}

	@ExceptionHandler(NoLongerPublishedException.class)
	void show(NoLongerPublishedException notice, Locale locale, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		Map<String, Object> model = new HashMap<>();
		// Not "title": the layout's own parameter.
		model.put("eventTitle", notice.title());
		RenderedPages.Page page = this.pages.render(null, null, VIEW, model, locale, request, response);
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(page.contentType());
		response.getOutputStream().write(page.html());
	}

}
