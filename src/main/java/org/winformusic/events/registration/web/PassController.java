package org.winformusic.events.registration.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.CheckinQrCode;
import org.winformusic.events.registration.RegistrantLanguage;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * Where the check-in QR code leads ({@code /p/{pass}}). Signed-in staff go on to the
 * person's check-in card; anyone else (the attendee scanning their own code, or whoever
 * sees a screenshot) gets "show this at the entrance" in the registrant's language, with
 * name, company, status, event, the QR code and the door code a volunteer types when the
 * camera cannot scan: nothing that changes anything. Once they are checked in it says
 * their arrival is recorded instead (not when): no code to show any more.
 *
 * <p>
 * A pass whose registration was cancelled or declined says, in the registrant's language,
 * that it no longer gets anyone in: no code, no name. Once the event has ended, every
 * pass says so, with the event's name and date and, for someone checked in, that they
 * came: nothing to show at an entrance. A pass whose registration was erased (or
 * anonymized after its event) answers as an unknown pass does, so it tells nobody the
 * registration existed.
 */
@Controller
class PassController {

	private static final String PASS_VIEW = "registration/pass";

	private static final String VOID_PASS_VIEW = "registration/pass-void";

	private static final String OVER_PASS_VIEW = "registration/pass-over";

	private final CheckinPasses passes;

	private final RegistrationDirectory directory;

	private final EventCatalog catalog;

	private final CheckinQrCode qrCode;

	PassController(CheckinPasses passes, RegistrationDirectory directory, EventCatalog catalog, CheckinQrCode qrCode) {
		this.passes = passes;
		this.directory = directory;
		this.catalog = catalog;
		this.qrCode = qrCode;
	}

	@GetMapping("/p/{pass}")
	String pass(@PathVariable String pass, HttpServletRequest request, Locale resolved, Model model) {
		RegistrationView registration = this.passes.resolve(pass)
			.flatMap(this.directory::findWithPersonalData)
			.orElseThrow(NotFoundException::new);
		if (request.isUserInRole("ADMIN") || request.isUserInRole("ORGANIZER") || request.isUserInRole("OPS")
				|| request.isUserInRole("DOOR")) {
			return "redirect:/admin/checkin/pass/" + UriUtils.encodePathSegment(pass, "UTF-8");
		}
		// The registrant's language, not the browser's (the page is shown at the door),
		// unless the viewer chose one with the language switch.
		Locale locale = RegistrantLanguage.apply(request, registration, resolved);
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		model.addAttribute("event", event);
		// After the end the pass is a souvenir, whatever the status: the event took
		// place, and whether they came (not when: anyone who scans a badge sees this).
		if (this.catalog.ended(event.id())) {
			model.addAttribute("attended", registration.checkedInAt() != null);
			return OVER_PASS_VIEW;
		}
		// Cancelled or declined: the pass got someone in once, and must say it no longer
		// does. Waitlisted (a seat staff withdrew, too) or under review: not yet, since
		// only a confirmed person is checked in.
		if (registration.status() != RegistrationStatus.CONFIRMED) {
			model.addAttribute("status", registration.status());
			return VOID_PASS_VIEW;
		}
		model.addAttribute("registration", registration);
		// Checked in: nothing left to show at the entrance (their manage page shows no
		// code either); the page says their arrival is recorded.
		if (registration.checkedInAt() == null) {
			model.addAttribute("qrCode", this.qrCode.dataUri(registration.id()));
		}
		return PASS_VIEW;
	}

}
