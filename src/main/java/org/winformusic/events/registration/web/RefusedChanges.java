package org.winformusic.events.registration.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrantLanguage;
import org.winformusic.events.registration.RegistrationStateException.Reason;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A registrant's cancel or edit that no longer applies: the event has ended (the
 * registration is a record of it: {@code EVENT_OVER}), or, for a cancel, they were
 * checked in (they came: {@code ARRIVED}). The page says why in their language and
 * changes nothing; {@link SelfService} refuses the change too, so a page opened before
 * the end and posted after it changes nothing either.
 */
@Component
class RefusedChanges {

	static final String VIEW = "registration/refused";

	private final SelfService registrations;

	private final EventCatalog catalog;

	private final Clock clock;

	RefusedChanges(SelfService registrations, EventCatalog catalog, Clock clock) {
		this.registrations = registrations;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The event has ended: the registration is a record of it. */
	boolean over(EventInfo event) {
		return event.ended(this.clock.instant());
	}

	/** Why a cancel is refused now, or null when the registrant may cancel. */
	Reason cancelRefused(RegistrationView registration, EventInfo event) {
		return over(event) ? Reason.EVENT_OVER : (registration.checkedInAt() != null) ? Reason.ARRIVED : null;
	}

	/** The page of a refused change. */
	String page(String token, Reason reason, HttpServletRequest request, Locale locale, Model model) {
		RegistrationView registration = this.registrations.findByToken(token).orElseThrow(NotFoundException::new);
		Locale pageLocale = RegistrantLanguage.apply(request, registration, locale);
		model.addAttribute("registration", registration);
		model.addAttribute("event",
				this.catalog.findById(registration.eventId(), pageLocale).orElseThrow(NotFoundException::new));
		model.addAttribute("token", token);
		model.addAttribute("reason", reason);
		return VIEW;
	}

}
