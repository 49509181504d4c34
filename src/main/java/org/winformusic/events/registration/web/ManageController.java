package org.winformusic.events.registration.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.EventInfo.RegistrationWindow;
import org.winformusic.events.registration.BehindManageLink;
import org.winformusic.events.registration.CheckinQrCode;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrantLanguage;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationStateException.Reason;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.AppProperties;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * The registrant's manage page behind the token link: status, details, calendar file and
 * cancel ({@link ManageEditController} has the edit form). An unknown or tampered token
 * gets the ordinary 404 page. These pages speak the language the person registered in
 * unless this browser chose one ({@link RegistrantLanguage}). Once the event has ended
 * the page is a record (no cancel, edit, calendar or entry code; the data rights stay);
 * once checked in, there is nothing to cancel ({@link RefusedChanges}).
 */
@Controller
@BehindManageLink
class ManageController {

	private static final String MANAGE_VIEW = "registration/manage";

	private static final String CANCEL_VIEW = "registration/cancel";

	private final SelfService registrations;

	private final EventCatalog catalog;

	private final AppProperties app;

	private final CheckinQrCode qrCode;

	private final Clock clock;

	private final RegistrationAnswers answers;

	private final RefusedChanges refusals;

	private final TransactionTemplate reads;

	private final PublicRegistrations lookups;

	private final RateLimiter rateLimiter;

	ManageController(SelfService registrations, EventCatalog catalog, AppProperties app, CheckinQrCode qrCode,
			Clock clock, RegistrationAnswers answers, RefusedChanges refusals, PlatformTransactionManager transactions,
			PublicRegistrations lookups, RateLimiter rateLimiter) {
		this.lookups = lookups;
		this.rateLimiter = rateLimiter;
		this.refusals = refusals;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.registrations = registrations;
		this.catalog = catalog;
		this.app = app;
		this.qrCode = qrCode;
		this.clock = clock;
		this.answers = answers;
	}

	/**
	 * The manage page. {@code ?new} (added by the registration POST's redirect, and
	 * carrying nothing about the person) shows the "you are registered, here is what
	 * comes next" state; later visits show the same facts without the welcome.
	 */
	@GetMapping("/r/{token}")
	String manage(@PathVariable String token, HttpServletRequest request, Locale locale, Model model) {
		// The page's reads share one read-only transaction (one connection, one BEGIN and
		// COMMIT, not five: every registration is followed by this page). The QR code is
		// drawn after it, holding no connection.
		ManagePage page = this.reads.execute((status) -> read(token, request, locale, model));
		if (page.entryCode()) {
			model.addAttribute("qrCode", this.qrCode.dataUri(page.registrationId()));
		}
		return MANAGE_VIEW;
	}

	private ManagePage read(String token, HttpServletRequest request, Locale locale, Model model) {
		RegistrationView registration = registration(token);
		Locale pageLocale = RegistrantLanguage.apply(request, registration, locale);
		EventInfo event = event(registration, pageLocale);
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		model.addAttribute("token", token);
		model.addAttribute("active", active(registration));
		model.addAttribute("justRegistered", request.getParameterMap().containsKey("new") && active(registration));
		model.addAttribute("answers", this.answers.of(registration.id(), registration.eventId(), pageLocale, false));
		model.addAttribute("pendingEmail", this.registrations.waitingEmailChange(registration).orElse(null));
		boolean over = this.refusals.over(event);
		model.addAttribute("over", over);
		model.addAttribute("running", !over && !this.clock.instant().isBefore(event.startsAt()));
		if (holdsSeat(registration) && !over) {
			model.addAttribute("googleCalendarUrl",
					GoogleCalendarLink.of(event, this.app.link("/events/" + event.slug())));
		}
		// One who cancelled may register again while the form is open, unless they did.
		boolean registeredAgain = !over && this.registrations.registeredAgain(registration);
		model.addAttribute("registeredAgain", registeredAgain);
		if (registration.status() == RegistrationStatus.CANCELLED && !registeredAgain
				&& event.registrationWindow(this.clock.instant()) == RegistrationWindow.OPEN) {
			model.addAttribute("registerAgainFull", this.catalog.availability(event.id()).full());
		}
		// The entry code is spent once they are in; the calendar entry stays theirs.
		return new ManagePage(registration.id(),
				holdsSeat(registration) && !over && registration.checkedInAt() == null);
	}

	/** What the page needs once its reads are done: whether to draw the entry code. */
	private record ManagePage(long registrationId, boolean entryCode) {

	}

	@GetMapping("/r/{token}/cancel")
	String confirmCancel(@PathVariable String token, HttpServletRequest request, Locale locale, Model model) {
		RegistrationView registration = registration(token);
		if (!active(registration)) {
			return redirect(token);
		}
		EventInfo event = event(registration, RegistrantLanguage.apply(request, registration, locale));
		Reason refused = this.refusals.cancelRefused(registration, event);
		if (refused != null) {
			return this.refusals.page(token, refused, request, locale, model);
		}
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		model.addAttribute("token", token);
		return CANCEL_VIEW;
	}

	@PostMapping("/r/{token}/cancel")
	String cancel(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		try {
			this.registrations.cancelByToken(token);
		}
		catch (RegistrationStateException ex) {
			// Checked in, or the event is over (ARRIVED, EVENT_OVER): nothing changed.
			response.setStatus(HttpStatus.CONFLICT.value());
			return this.refusals.page(token, ex.reason(), request, locale, model);
		}
		return redirect(token) + "?cancelled";
	}

	/**
	 * "Email me the link to my new registration" on a cancelled registration's page: the
	 * lookup form's request for this registration's address, in one step and without the
	 * address in any URL. The same per-IP limit, the same link limits and the same
	 * neutral answer as the lookup form (whose page an unpublished event does not have
	 * either).
	 */
	@PostMapping("/r/{token}/send-link")
	String sendLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		if (!this.rateLimiter.allow(request.getRemoteAddr())) {
			return this.rateLimiter.tooManyRequests(request, response, model);
		}
		RegistrationView registration = registration(token);
		// Read again when the facts kept for a few seconds say unpublished, as the
		// lookup.
		boolean published = this.catalog.findById(registration.eventId(), locale)
			.filter(EventInfo::published)
			.or(() -> this.catalog.findById(registration.eventId(), locale, true).filter(EventInfo::published))
			.isPresent();
		if (!published || registration.email() == null) {
			return redirect(token);
		}
		this.lookups.sendLink(registration.eventId(), registration.email());
		return redirect(token) + "?linkSent";
	}

	/**
	 * Who gets the calendar actions and the entry code: a checked-in person is confirmed.
	 */
	static boolean holdsSeat(RegistrationView registration) {
		return registration.status() == RegistrationStatus.CONFIRMED;
	}

	static boolean active(RegistrationView registration) {
		return registration.status().active();
	}

	static String redirect(String token) {
		return "redirect:/r/" + UriUtils.encodePathSegment(token, "UTF-8");
	}

	private RegistrationView registration(String token) {
		return this.registrations.findByToken(token).orElseThrow(NotFoundException::new);
	}

	private EventInfo event(RegistrationView registration, Locale locale) {
		return this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
	}

}
