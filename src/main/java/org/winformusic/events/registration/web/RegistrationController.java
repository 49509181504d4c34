package org.winformusic.events.registration.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.EventInfo.RegistrationWindow;
import org.winformusic.events.registration.FieldProblem;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * The public registration form and the "email me my link" form. POSTs are rate limited
 * per client IP; the registration form also has a honeypot and a minimum fill time, and a
 * bot caught by them gets the same neutral page as a person, with nothing stored.
 */
@Controller
class RegistrationController {

	private static final String FORM_VIEW = "registration/form";

	private static final String DUPLICATE_VIEW = "registration/duplicate";

	private static final String RECEIVED_VIEW = "registration/received";

	private static final String LOOKUP_VIEW = "registration/lookup";

	private static final String ERROR_VIEW = "error";

	private static final String TYPO_HINT_KEY = "registration.error.email.typo";

	private final PublicRegistrations registrations;

	private final EventCatalog catalog;

	private final FormPages pages;

	private final FormStamps stamps;

	private final RateLimiter rateLimiter;

	private final Clock clock;

	private final QuestionFields questions;

	RegistrationController(PublicRegistrations registrations, EventCatalog catalog, FormPages pages, FormStamps stamps,
			RateLimiter rateLimiter, Clock clock, QuestionFields questions) {
		this.registrations = registrations;
		this.catalog = catalog;
		this.pages = pages;
		this.stamps = stamps;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
		this.questions = questions;
	}

	@GetMapping("/events/{slug}/register")
	String form(@PathVariable String slug, Locale locale, Model model) {
		EventInfo event = event(slug, locale);
		return showForm(model, event, FormPages.EMPTY, List.of(), null, locale);
	}

	/**
	 * The hot path: a registration that gets a seat costs the rate-limit upsert, the
	 * event's window, the one registering statement and the confirmation's outbox row
	 * ({@code SqlStatementCountTests}); the event page data is loaded only when a page
	 * must be shown.
	 */
	@PostMapping("/events/{slug}/register")
	String register(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		if (!this.rateLimiter.allow(request.getRemoteAddr())) {
			return tooManyRequests(response, model);
		}
		FormPages.Posted posted = FormPages.read(request);
		RegistrationForm form = posted.form();
		if (request.getParameter("languageOnly") != null) {
			// The visitor switched language on a filled-in form (js/form.js posts it
			// again): the same form in the new language, values kept, nothing stored.
			return showForm(model, event(slug, locale), form, List.of(), null, locale);
		}
		if ((form.website() != null && !form.website().isBlank())
				|| this.stamps.tooFast(request.getParameter("formStamp"))) {
			return RECEIVED_VIEW;
		}
		boolean typoConfirmed = form.email() != null && form.email().equals(request.getParameter("emailConfirmed"));
		RegistrationResult result = this.registrations.register(slug, form, posted.repeated(), locale, typoConfirmed);
		return switch (result.outcome()) {
			// "?new" shows the first-visit success state; it says nothing about the
			// person.
			case CREATED -> "redirect:/r/" + UriUtils.encodePathSegment(result.manageToken(), "UTF-8") + "?new";
			case DUPLICATE -> {
				model.addAttribute("event", event(slug, locale));
				yield DUPLICATE_VIEW;
			}
			case WINDOW_CLOSED, INVALID ->
				showForm(model, event(slug, locale), form, result.problems(), result.emailSuggestion(), locale);
		};
	}

	@GetMapping("/events/{slug}/lookup")
	String lookupForm(@PathVariable String slug, Locale locale, Model model) {
		model.addAttribute("event", event(slug, locale));
		return LOOKUP_VIEW;
	}

	@PostMapping("/events/{slug}/lookup")
	String lookup(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		EventInfo event = event(slug, locale);
		if (!this.rateLimiter.allow(request.getRemoteAddr())) {
			return tooManyRequests(response, model);
		}
		String email = request.getParameter("email");
		// An address no form could hold (too long, control characters that PostgreSQL
		// refuses) gets the same answer as an unknown one.
		if (email != null && email.length() <= 254 && email.chars().noneMatch(Character::isISOControl)) {
			this.registrations.sendLink(event.id(), email);
		}
		model.addAttribute("event", event);
		model.addAttribute("sent", true);
		return LOOKUP_VIEW;
	}

	private String showForm(Model model, EventInfo event, RegistrationForm form, List<FieldProblem> problems,
			String emailSuggestion, Locale locale) {
		RegistrationWindow window = event.registrationWindow(this.clock.instant());
		model.addAttribute("event", event);
		model.addAttribute("window", window);
		model.addAttribute("availability", this.catalog.availability(event.id()));
		model.addAttribute("formStamp", this.stamps.stamp());
		model.addAttribute("emailSuggestion", emailSuggestion);
		// A likely typo is shown as a hint beside the field, not as an error.
		List<FieldProblem> shown = problems.stream().filter((p) -> !p.messageKey().equals(TYPO_HINT_KEY)).toList();
		this.pages.prepare(model, form, shown, event.country(), locale);
		this.questions.prepare(model, event.id(), form, shown, locale);
		return FORM_VIEW;
	}

	private String tooManyRequests(HttpServletResponse response, Model model) {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(this.rateLimiter.secondsUntilNextWindow()));
		model.addAttribute("status", 429);
		return ERROR_VIEW;
	}

	private EventInfo event(String slug, Locale locale) {
		return this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
	}

}
