package org.winformusic.events.registration.web;

import java.util.Locale;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.BehindManageLink;
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
 * name the registrant's event either.
 */
@ControllerAdvice(annotations = BehindManageLink.class)
class ManageLinkNotFound {

	static final String VIEW = "registration/link-invalid";

	private final EventCatalog catalog;

	ManageLinkNotFound(EventCatalog catalog) {
		this.catalog = catalog;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String linkNoLongerValid(Locale locale, Model model) {
		model.addAttribute("events", this.catalog.upcoming(locale));
		return VIEW;
	}

}
