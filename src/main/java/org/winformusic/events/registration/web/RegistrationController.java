package org.winformusic.events.registration.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.NoLongerPublished;
import org.winformusic.events.registration.CheckedForm;
import org.winformusic.events.registration.FormContext;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.QuestionFields;
import org.winformusic.events.event.RegisteringEvent;
import org.winformusic.events.registration.RegistrationFields;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationFormBinding;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.RegistrationValidator;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.RenderedPages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The public registration form and the "email me my link" form. POSTs are rate limited
 * per client IP; the registration form also has a honeypot, and a bot caught by it gets
 * the same neutral page as a person, with nothing stored. A form posted sooner than the
 * minimum fill time (or without a genuine stamp) is shown again as it was typed, asking
 * to check it and send it again: people do that too (Back, then at once send again).
 */
@Controller
class RegistrationController {

	private static final String FORM_VIEW = "registration/form";

	private static final String DUPLICATE_VIEW = "registration/duplicate";

	private static final String RECEIVED_VIEW = "registration/received";

	private static final String LOOKUP_VIEW = "registration/lookup";

	/** Stands for the form stamp in a blank form kept for every visitor. */
	private static final String STAMP_PLACEHOLDER = RenderedPages.placeholder();

	private final PublicRegistrations registrations;

	private final EventCatalog catalog;

	private final RegistrationFields fields;

	private final RegistrationValidator validator;

	private final FormStamps stamps;

	private final RateLimiter rateLimiter;

	private final Clock clock;

	private final QuestionFields questions;

	private final RenderedPages pages;

	private final NoLongerPublished noLongerPublished;

	RegistrationController(PublicRegistrations registrations, EventCatalog catalog, RegistrationFields fields,
			RegistrationValidator validator, FormStamps stamps, RateLimiter rateLimiter, Clock clock,
			QuestionFields questions, RenderedPages pages, NoLongerPublished noLongerPublished) {
		this.registrations = registrations;
		this.catalog = catalog;
		this.fields = fields;
		this.validator = validator;
		this.stamps = stamps;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
		this.questions = questions;
		this.pages = pages;
		this.noLongerPublished = noLongerPublished;
	}

	/**
	 * The blank form is the same for every visitor of a language but for the CSRF token
	 * and the form stamp: it is rendered once per change of what it shows (see
	 * {@link RenderedPages}) and sent to each visitor with their own token and stamp.
	 */
	@GetMapping("/events/{slug}/register")
	void form(@PathVariable String slug, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		String key = RenderedPages.key("form|" + slug, locale, request);
		String version = (key != null) ? this.catalog.pageVersion(slug, false).orElse(null) : null;
		RenderedPages.Page page = this.pages.find(key, version);
		if (page == null) {
			RegistrationForm form = RegistrationFields.EMPTY;
			// No version: no published event has this slug now. Else the form is rendered
			// from the event as it is now (whether it is published included).
			EventInfo event = ((key != null && version == null) ? Optional.<EventInfo>empty()
					: this.catalog.findBySlug(slug, locale, true))
				.filter(EventInfo::published)
				.orElseThrow(() -> this.noLongerPublished.notPublished(slug, locale));
			showForm(model, event, form, noProblems(form), null, locale, STAMP_PLACEHOLDER);
			page = this.pages.renderForm(key, version, FORM_VIEW, model.asMap(), locale, request, response);
		}
		this.pages.writeForm(page, Map.of(STAMP_PLACEHOLDER, this.stamps.stamp()), locale, request, response);
	}

	/**
	 * The hot path: a registration that gets a seat costs the rate-limit upsert, the
	 * event's window, the one registering statement and the confirmation's outbox row
	 * ({@code SqlStatementCountTests}); the event page data is loaded only when a page
	 * must be shown.
	 */
	@PostMapping("/events/{slug}/register")
	String register(@PathVariable String slug, @RequestParam(required = false) String formStamp,
			@RequestParam(required = false) String emailConfirmed, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model) {
		if (!this.rateLimiter.allow(request.getRemoteAddr())) {
			return this.rateLimiter.tooManyRequests(request, response, model);
		}
		RegistrationFormBinding.Posted posted = RegistrationFormBinding.registrant(request, model);
		RegistrationForm form = posted.form();
		BindingResult result = posted.result();
		if (form.website() != null || result.hasFieldErrors("website")) {
			return RECEIVED_VIEW;
		}
		if (this.stamps.tooFast(formStamp)) {
			// Maybe a person (Back after an expired form, Back after registering, a
			// browser that restored what was typed): never a success that did not
			// happen. The form again, as typed, with a stamp whose next post passes.
			model.addAttribute("checkAgain", true);
			return showForm(model, event(slug, locale), form, noProblems(form), null, locale,
					this.stamps.checkedAgain());
		}
		RegisteringEvent event = this.catalog.registering(slug).orElseThrow(NotFoundException::new);
		if (!event.published()) {
			// Read exactly: a form posted after the event was unpublished gets the
			// notice.
			throw this.noLongerPublished.notPublished(slug, locale);
		}
		if (!event.open(this.clock.instant())) {
			return showForm(model, event(slug, locale), form, noProblems(form), null, locale,
					this.stamps.again(formStamp));
		}
		CheckedForm checked = this.validator.check(form, FormContext.registering(event), result);
		String suggestion = result.hasFieldErrors("email") ? null : RegistrationValidator.suggestedEmail(form.email());
		boolean typoConfirmed = form.email() != null && form.email().equals(emailConfirmed);
		if (checked == null || (suggestion != null && !typoConfirmed)) {
			// A likely typo is shown as a hint beside the field, not as an error.
			return showForm(model, event(slug, locale), form, result, suggestion, locale, this.stamps.again(formStamp));
		}
		RegistrationResult outcome = this.registrations.register(event, checked, locale);
		return switch (outcome.outcome()) {
			// "?new" shows the first-visit success state; it says nothing about the
			// person.
			case CREATED -> "redirect:/r/" + UriUtils.encodePathSegment(outcome.manageToken(), "UTF-8") + "?new";
			case DUPLICATE -> {
				model.addAttribute("event", event(slug, locale));
				yield DUPLICATE_VIEW;
			}
			case WINDOW_CLOSED -> showForm(model, event(slug, locale), form, noProblems(form), null, locale,
					this.stamps.again(formStamp));
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
			return this.rateLimiter.tooManyRequests(request, response, model);
		}
		String email = request.getParameter("email");
		model.addAttribute("event", event);
		// Whether an address is registered stays secret, but one that no registration
		// could hold is a typing mistake worth saying (control characters, which
		// PostgreSQL refuses, are not typed: they get the plain answer).
		if (email != null && email.chars().anyMatch(Character::isISOControl)) {
			model.addAttribute("sent", true);
			return LOOKUP_VIEW;
		}
		String problem = RegistrationValidator.emailProblem(email);
		if (problem != null) {
			model.addAttribute("email", email);
			model.addAttribute("emailError", problem);
			return LOOKUP_VIEW;
		}
		this.registrations.sendLink(event.id(), email);
		model.addAttribute("sent", true);
		return LOOKUP_VIEW;
	}

	private String showForm(Model model, EventInfo event, RegistrationForm form, BindingResult result,
			String emailSuggestion, Locale locale, String formStamp) {
		Instant now = this.clock.instant();
		model.addAttribute("event", event);
		model.addAttribute("window", event.registrationWindow(now));
		// Closed for good: the event itself is over, as its page says.
		model.addAttribute("ended", event.ended(now));
		model.addAttribute("availability", this.catalog.availability(event.id()));
		model.addAttribute("formStamp", formStamp);
		model.addAttribute("emailSuggestion", emailSuggestion);
		this.fields.prepare(model, form, result, event.country(), locale);
		this.questions.prepare(model, event.id(), form, result, locale);
		return FORM_VIEW;
	}

	private static BindingResult noProblems(RegistrationForm form) {
		return new BeanPropertyBindingResult(form, RegistrationFormBinding.NAME);
	}

	/**
	 * A published event. An unpublished one has no public page: the notice of an event no
	 * longer published, or a 404 for a draft that never was. Facts kept for a few seconds
	 * that say it is not published are read again, so that an event published again a
	 * moment ago is not refused.
	 */
	private EventInfo event(String slug, Locale locale) {
		return this.catalog.findBySlug(slug, locale)
			.filter(EventInfo::published)
			.or(() -> this.catalog.findBySlug(slug, locale, true).filter(EventInfo::published))
			.orElseThrow(() -> this.noLongerPublished.notPublished(slug, locale));
	}

}
