package org.winformusic.events.registration.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.BehindManageLink;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A manage link that leads nowhere: one that housekeeping removed (a registration keeps
 * its newest links only), a truncated one, or one that never existed. All get the same
 * 404 page, "this link is no longer valid", with the "email me my link" form of each
 * upcoming event: the answer must not tell whether a token ever existed, so it cannot
 * name the registrant's event either. A link of a registration whose data was erased says
 * so instead, and shows nothing of it: asking for the link again would send nothing, and
 * only the link's holder can know that it existed.
 */
@ControllerAdvice(annotations = BehindManageLink.class)
class ManageLinkNotFound {

	static final String VIEW = "registration/link-invalid";

	static final String ERASED_VIEW = "registration/link-erased";

	/** A manage link's path, any page behind it: {@code /r/<token>/...}. */
	private static final Pattern MANAGE_PATH = Pattern.compile("/r/([A-Za-z0-9_-]{43})(?:/.*)?");

	private final EventCatalog catalog;

	private final ManageTokens tokens;

	ManageLinkNotFound(EventCatalog catalog, ManageTokens tokens) {
		this.catalog = catalog;
		this.tokens = tokens;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String linkNoLongerValid(HttpServletRequest request, Locale locale, Model model) {
		Matcher path = MANAGE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (path.matches() && this.tokens.erased(path.group(1))) {
			return ERASED_VIEW;
		}
		model.addAttribute("events", this.catalog.upcoming(locale));
		return VIEW;
	}

}
