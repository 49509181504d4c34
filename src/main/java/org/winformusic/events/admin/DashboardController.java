package org.winformusic.events.admin;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationStateException.Reason;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of events and each event's dashboard, with its capacity form. */
@Controller
class DashboardController {

	private static final String EVENTS_VIEW = "admin/index";

	private static final String EVENT_VIEW = "admin/event";

	private static final String DOOR_EVENTS_VIEW = "admin/door-events";

	static final int MAX_CAPACITY = 100_000;

	private final AdminQueries queries;

	private final EventCatalog catalog;

	private final StaffActions actions;

	private final MessageSource messages;

	private final RegistrationAnswers answers;

	DashboardController(AdminQueries queries, EventCatalog catalog, StaffActions actions, MessageSource messages,
			RegistrationAnswers answers) {
		this.queries = queries;
		this.catalog = catalog;
		this.actions = actions;
		this.messages = messages;
		this.answers = answers;
	}

	@GetMapping("/admin")
	String events(@RequestParam(defaultValue = "0") int page, Authentication authentication, Locale locale,
			Model model) {
		// A door volunteer gets the events and their door pages, today's first, no counts
		// or dashboards.
		if (AdminModel.has(authentication, StaffRole.DOOR)) {
			model.addAttribute("events", this.queries.doorEvents(locale, page));
			return DOOR_EVENTS_VIEW;
		}
		model.addAttribute("events", this.queries.events(locale, page));
		return EVENTS_VIEW;
	}

	@GetMapping("/admin/events/{slug}")
	String event(@PathVariable String slug, Locale locale, Model model) {
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		model.addAttribute("event", event);
		model.addAttribute("availability", this.catalog.availability(event.id()));
		// After the end nobody is promoted from the waitlist, so the capacity form (whose
		// hint promises that) is not offered, and who did not arrive did not come.
		model.addAttribute("over", this.catalog.ended(event.id()));
		model.addAttribute("counts", this.queries.counts(event.id()));
		model.addAttribute("chart", BarChart.of(this.queries.perDay(event.id(), event.zone()), day::format));
		model.addAttribute("breakdowns", this.queries.breakdowns(event.id()));
		model.addAttribute("choiceBreakdowns", this.answers.breakdowns(event.id(), locale));
		return EVENT_VIEW;
	}

	/**
	 * A number that cannot be the capacity (not a number, out of range, below the
	 * confirmed people) comes back on the dashboard next to the field, as typed; a change
	 * leads back to the dashboard saying the new capacity and who moved up from the
	 * waitlist (their emails are queued by then: the promotion runs right after the
	 * change, see {@code Changes}).
	 */
	@PostMapping("/admin/events/{slug}/capacity")
	String changeCapacity(@PathVariable String slug, @RequestParam(name = "capacity", required = false) String typed,
			Locale locale, Model model, RedirectAttributes redirect) {
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		// Read here, so that any text that is not a number (letters, a control character)
		// gets the form's own message.
		Integer capacity = number(typed);
		if (capacity == null || capacity < 0 || capacity > MAX_CAPACITY) {
			return refused(slug, typed, this.messages.getMessage("admin.capacity.invalid", null, locale), locale,
					model);
		}
		int before = this.catalog.availability(event.id()).capacity();
		AdminQueries.Counts counted = this.queries.counts(event.id());
		try {
			this.actions.changeCapacity(event.id(), before, capacity);
		}
		catch (RegistrationStateException ex) {
			if (ex.reason() == Reason.EVENT_OVER) {
				redirect.addFlashAttribute("notice", Notice.bad("admin.capacity.ended"));
				return "redirect:/admin/events/" + slug;
			}
			long confirmed = this.queries.counts(event.id()).confirmed();
			return refused(slug, typed,
					this.messages.getMessage("admin.capacity.refused", new Object[] { confirmed }, locale), locale,
					model);
		}
		long promoted = Math.min(counted.waitlisted(),
				Math.max(0, this.queries.counts(event.id()).confirmed() - counted.confirmed()));
		// Resolved here, with the numbers, so the plurals fit them ("1 lugar", "2
		// lugares"): a notice carries its argument as text.
		String text = this.messages.getMessage("admin.capacity.changed", new Object[] { capacity }, locale);
		if (promoted > 0) {
			text += " " + this.messages.getMessage("admin.capacity.promoted", new Object[] { promoted }, locale);
		}
		redirect.addFlashAttribute("notice", Notice.ok("ux.notice.text", text));
		return "redirect:/admin/events/" + slug;
	}

	/** The dashboard again, the capacity field holding what was typed and why not. */
	private String refused(String slug, String typed, String error, Locale locale, Model model) {
		model.addAttribute("capacityError", error);
		// Shown back without control characters, and no longer than a number can be.
		String shown = (typed != null) ? typed.replaceAll("\\p{Cntrl}", "").strip() : "";
		model.addAttribute("capacityTyped", shown.substring(0, Math.min(shown.length(), 12)));
		return event(slug, locale, model);
	}

	private static Integer number(String typed) {
		try {
			return (typed != null) ? Integer.valueOf(typed.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
