package org.winformusic.events.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventDays;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.RegisteringEvent;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CheckedForm;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.FormContext;
import org.winformusic.events.registration.RegistrationFields;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationFormBinding;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationTallies;
import org.winformusic.events.registration.RegistrationValidator;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.WalkIns.WalkIn;
import org.winformusic.events.registration.WalkIns.WhenFull;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Add a walk-in" at the door: someone who turns up without a registration. GET shows the
 * form (what the door needs, and the person's consent as told by staff), POST adds them
 * ({@link DoorWalkIns}) and goes back to the door page with a notice, or shows the form
 * again: with each problem next to its field, with the choices when no seat is free (the
 * waitlist; for ADMIN also an extra seat), or with the registration that already holds
 * the address. Field names and rules are the registration form's
 * ({@link RegistrationFormBinding}, {@link RegistrationValidator}).
 */
@Controller
class WalkInController {

	private static final String VIEW = "admin/walk-in";

	/** The form's fields, in page order (for the error summary). */
	private static final List<String> FIELDS = List.of("fullName", "email", "company", "companyType", "state", "city",
			"associationInterest", "privacyConsent");

	private final EventCatalog catalog;

	private final RegistrationValidator validator;

	private final RegistrationFields fields;

	private final DoorWalkIns walkIns;

	private final CheckinPasses passes;

	private final MessageSource messages;

	private final RegistrationTallies tallies;

	private final EventDays days;

	WalkInController(EventCatalog catalog, RegistrationValidator validator, RegistrationFields fields,
			DoorWalkIns walkIns, CheckinPasses passes, MessageSource messages, RegistrationTallies tallies,
			EventDays days) {
		this.days = days;
		this.catalog = catalog;
		this.validator = validator;
		this.fields = fields;
		this.walkIns = walkIns;
		this.passes = passes;
		this.messages = messages;
		this.tallies = tallies;
	}

	@GetMapping("/admin/events/{slug}/checkin/walk-in")
	String form(@PathVariable String slug, Locale locale, Model model) {
		RegisteringEvent event = registering(slug);
		RegistrationForm empty = RegistrationFields.EMPTY;
		return show(event, empty, new BeanPropertyBindingResult(empty, RegistrationFormBinding.NAME),
				SupportedLocales.SPANISH.getLanguage(), locale, model);
	}

	/**
	 * Adds the walk-in. {@code whenFull} is the button pressed after "no seats left":
	 * {@code WAITLIST} or {@code ADD_SEAT} (ADMIN only); {@code language}, that of their
	 * emails.
	 */
	@PostMapping("/admin/events/{slug}/checkin/walk-in")
	String add(@PathVariable String slug, @RequestParam(required = false) String language,
			@RequestParam(required = false) String whenFull, HttpServletRequest request, Locale locale, Model model,
			RedirectAttributes redirect) {
		RegisteringEvent event = registering(slug);
		String chosen = SupportedLocales.of(language).getLanguage();
		RegistrationFormBinding.Posted posted = RegistrationFormBinding.staff(request, model);
		RegistrationForm form = posted.form();
		BindingResult result = posted.result();
		// Staff tick that the person was told and agrees: the message speaks to them.
		if (!Boolean.TRUE.equals(form.privacyConsent()) && !result.hasFieldErrors("privacyConsent")) {
			result.rejectValue("privacyConsent", "walkIn.error.consent");
		}
		CheckedForm checked = this.validator.check(form, new FormContext(event.id(), event.country(), false, false),
				result);
		if (checked == null) {
			return show(event, form, result, chosen, locale, model);
		}
		WalkIn walkIn = this.walkIns.add(event, checked, SupportedLocales.of(chosen), whenFull(whenFull));
		RegistrationView person = walkIn.registration();
		return switch (walkIn.outcome()) {
			case CHECKED_IN -> {
				redirect.addFlashAttribute("notice",
						new Notice("walkIn.added", person.fullName(), this.passes.code(person.id()), Notice.Kind.ok));
				// The door page shows their card as an arrival just recorded here (as
				// after a check-in there), not as someone who was already in.
				redirect.addFlashAttribute("q", person.fullName());
				redirect.addFlashAttribute("checkedInNow", person.id());
				yield "redirect:/admin/events/{slug}/checkin";
			}
			case WAITLISTED -> {
				redirect.addFlashAttribute("notice",
						new Notice("walkIn.waitlisted", person.fullName(), null, Notice.Kind.warn));
				yield "redirect:/admin/events/{slug}/checkin";
			}
			case FULL -> {
				model.addAttribute("full", true);
				// An extra seat goes ahead of everyone waiting: the admin sees how many.
				model.addAttribute("waiting", this.tallies.of(event.id()).count(RegistrationStatus.WAITLISTED));
				yield show(event, form, result, chosen, locale, model);
			}
			case ALREADY_REGISTERED -> {
				model.addAttribute("existing", person);
				result.rejectValue("email", "walkIn.error.registered");
				yield show(event, form, result, chosen, locale, model);
			}
			// The event ended or was unpublished while the form was open, or its first
			// day has not begun: the page says so.
			case EVENT_CLOSED -> show(event, form, result, chosen, locale, model);
		};
	}

	private String show(RegisteringEvent registering, RegistrationForm form, BindingResult result, String language,
			Locale locale, Model model) {
		EventInfo event = this.catalog.findById(registering.id(), locale).orElseThrow(NotFoundException::new);
		model.addAttribute("event", event);
		boolean ended = this.catalog.ended(registering.id());
		boolean early = !this.days.begun(registering.id());
		model.addAttribute("closed", !registering.published() || ended || early);
		model.addAttribute("closedReason", ended ? "walkIn.closed.ended"
				: !registering.published() ? "walkIn.closed.unpublished" : "walkIn.closed.notYet");
		model.addAttribute("language", language);
		// Staff type for someone else: the problems, hints and questions in words about
		// the person, not to them.
		this.fields.prepare(model, form, result, event.country(), locale, RegistrationFields.ABOUT_SOMEONE_ELSE, null);
		model.addAttribute("companyTypeOptions", options(CompanyType.values(), "registration.companyType.", locale));
		model.addAttribute("interestOptions", options(AssociationInterest.values(), "registration.interest.", locale));
		// The problems of this form's fields, in its order.
		@SuppressWarnings("unchecked")
		Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
		errors.keySet().retainAll(FIELDS);
		return VIEW;
	}

	/** A select's choices: each constant by its name, labelled in the reader's words. */
	private List<RegistrationFields.Option> options(Enum<?>[] constants, String prefix, Locale locale) {
		return Arrays.stream(constants)
			.map((c) -> new RegistrationFields.Option(c.name(),
					this.messages.getMessage(prefix + c.name(), null, locale)))
			.toList();
	}

	private static WhenFull whenFull(String pressed) {
		if ("WAITLIST".equals(pressed)) {
			return WhenFull.WAITLIST;
		}
		return "ADD_SEAT".equals(pressed) ? WhenFull.ADD_SEAT : WhenFull.REFUSE;
	}

	private RegisteringEvent registering(String slug) {
		return this.catalog.registering(slug).orElseThrow(NotFoundException::new);
	}

}
