package org.winformusic.events.registration.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.BehindManageLink;
import org.winformusic.events.registration.EmailChangeOutcome;
import org.winformusic.events.registration.EmailChangeOutcome.Outcome;
import org.winformusic.events.registration.EmailChanges;
import org.winformusic.events.registration.RegistrantLanguage;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * A change of email address: the link that confirms it
 * ({@link EmailChanges#CONFIRM_PATH}, sent to the new address) and the manage page's
 * button that cancels it. The link's GET only shows a page with a button, since mail
 * scanners open links; its POST confirms and sends the browser to the manage page under a
 * new link (every earlier one stopped working). Every other outcome is a page that says
 * what happened and what to do; a confirmation link that leads nowhere gets that page as
 * a 404, in the reader's language.
 */
@Controller
@BehindManageLink
class EmailChangeController {

	private static final String VIEW = "registration/email-change";

	private final SelfService registrations;

	private final EventCatalog catalog;

	EmailChangeController(SelfService registrations, EventCatalog catalog) {
		this.registrations = registrations;
		this.catalog = catalog;
	}

	@ModelAttribute
	void privateHeaders(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	@GetMapping(EmailChanges.CONFIRM_PATH + "{token}")
	String confirmPage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Locale locale, Model model) {
		try {
			return show(this.registrations.checkEmailChange(token), token, request, response, locale, model);
		}
		catch (NotFoundException ex) {
			return unknown(response, model);
		}
	}

	@PostMapping(EmailChanges.CONFIRM_PATH + "{token}")
	String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		EmailChangeOutcome outcome;
		try {
			outcome = this.registrations.confirmEmailChange(token);
		}
		catch (NotFoundException ex) {
			return unknown(response, model);
		}
		if (outcome.outcome() == Outcome.CONFIRMED) {
			// The one place the new raw token exists, besides the emails sent later.
			return "redirect:/r/" + UriUtils.encodePathSegment(outcome.manageToken(), "UTF-8") + "?emailConfirmed";
		}
		return show(outcome, token, request, response, locale, model);
	}

	@PostMapping("/r/{token}/email-change/cancel")
	String cancel(@PathVariable String token) {
		boolean cancelled = this.registrations.cancelEmailChangeByToken(token);
		return "redirect:/r/" + UriUtils.encodePathSegment(token, "UTF-8") + (cancelled ? "?emailKept" : "");
	}

	private String show(EmailChangeOutcome outcome, String token, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model) {
		Locale pageLocale = RegistrantLanguage.apply(request, outcome.registration(), locale);
		response.setStatus(status(outcome.outcome()).value());
		model.addAttribute("outcome", outcome.outcome().name());
		model.addAttribute("newEmail", outcome.newEmail());
		model.addAttribute("event", this.catalog.findById(outcome.registration().eventId(), pageLocale)
			.orElseThrow(NotFoundException::new));
		model.addAttribute("token", token);
		return VIEW;
	}

	private static String unknown(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("outcome", "UNKNOWN");
		return VIEW;
	}

	/**
	 * The page asking to confirm and the one saying it was done before are answers; a
	 * link that no longer works is gone; an address held by another registration is a
	 * conflict.
	 */
	private static HttpStatus status(Outcome outcome) {
		return switch (outcome) {
			case READY, CONFIRMED, ALREADY_CONFIRMED -> HttpStatus.OK;
			case TAKEN -> HttpStatus.CONFLICT;
			case SUPERSEDED, CANCELLED, EXPIRED, ENDED, EVENT_OVER -> HttpStatus.GONE;
		};
	}

}
