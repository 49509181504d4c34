package org.winformusic.events.admin;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Set;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.CheckIns.CheckIn;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff actions on one registration. Destructive ones first show a confirmation page
 * (GET), then act on its POST; every POST redirects back to the detail page with the
 * outcome.
 */
@Controller
class RegistrationActionsController {

	private static final String CONFIRM_VIEW = "admin/confirm";

	/** Actions that ask "are you sure?" first. */
	static final Set<String> DESTRUCTIVE = Set.of("decline", "cancel", "waitlist", "undo-checkin", "confirm-over");

	private final StaffActions actions;

	private final RegistrationDirectory directory;

	private final EventCatalog catalog;

	private final EventTimes times;

	RegistrationActionsController(StaffActions actions, RegistrationDirectory directory, EventCatalog catalog,
			EventTimes times) {
		this.times = times;
		this.actions = actions;
		this.directory = directory;
		this.catalog = catalog;
	}

	@GetMapping("/admin/registrations/{id}/confirm-action/{action}")
	String confirmation(@PathVariable long id, @PathVariable String action,
			@RequestParam(name = "list", required = false) String list, Locale locale, Model model) {
		if (!DESTRUCTIVE.contains(action)) {
			throw new NotFoundException();
		}
		RegistrationView registration = find(id);
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		model.addAttribute("action", action);
		model.addAttribute("list", (list != null) ? listQuery(list) : null);
		// After the end only a check-in may be corrected: the other actions are refused,
		// so their page says why instead of what would happen. An arrival undone then
		// cannot be recorded again (check-ins are refused): its page says so first.
		boolean ended = this.catalog.ended(event.id());
		model.addAttribute("over", !"undo-checkin".equals(action) && ended);
		model.addAttribute("undoForGood", "undo-checkin".equals(action) && ended);
		return CONFIRM_VIEW;
	}

	/**
	 * Approve and decline also come from a pending row of the registrations list; then
	 * {@code list} holds that list's query string and the answer goes back to it.
	 */
	@PostMapping("/admin/registrations/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(name = "list", required = false) String list, Locale locale,
			RedirectAttributes redirect) {
		// Approved into a full event, the person waits: the notice says which it was.
		String detail = actSaying(id, redirect,
				() -> waits(this.actions.approve(id)) ? "admin.action.approvedWaitlisted" : "admin.action.approved");
		return (list != null) ? backToList(id, list,
				(registration) -> waits(registration) ? "ux.row.approvedWaitlisted" : "ux.row.approved", redirect,
				locale) : detail;
	}

	@PostMapping("/admin/registrations/{id}/decline")
	String decline(@PathVariable long id, @RequestParam(name = "list", required = false) String list, Locale locale,
			RedirectAttributes redirect) {
		String detail = act(id, redirect, () -> this.actions.decline(id), "admin.action.declined");
		return (list != null) ? backToList(id, list, (registration) -> "ux.row.declined", redirect, locale) : detail;
	}

	/**
	 * The list again, with a notice that names the person when the action worked, in the
	 * words {@code done} chooses for the registration as it now stands.
	 */
	private String backToList(long id, String list, Function<RegistrationView, String> done,
			RedirectAttributes redirect, Locale locale) {
		RegistrationView registration = find(id);
		Object notice = redirect.getFlashAttributes().get("notice");
		if (notice instanceof Notice n && n.kind() == Notice.Kind.ok) {
			redirect.addFlashAttribute("notice", Notice.ok(done.apply(registration), registration.fullName()));
		}
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		String query = listQuery(list);
		return "redirect:/admin/events/" + event.slug() + "/registrations" + (query.isEmpty() ? "" : "?" + query);
	}

	/** Only a query string of the list, never a URL. */
	private static String listQuery(String list) {
		return (list.length() > 2000 || !list.matches("[A-Za-z0-9%&=+._~-]*")) ? "" : list;
	}

	@PostMapping("/admin/registrations/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.actions.cancel(id), "admin.action.cancelled");
	}

	/**
	 * The person moved stays waiting, at the end of the waitlist, and the notice gives
	 * their place; when a seat would be free for them the move is refused, saying what to
	 * do instead (approve a pending one; a confirmed one keeps the seat while nobody
	 * waits).
	 */
	@PostMapping("/admin/registrations/{id}/waitlist")
	String waitlist(@PathVariable long id, RedirectAttributes redirect) {
		RegistrationView registration = find(id);
		try {
			this.actions.moveToWaitlist(id);
			// Read once the move is over: the waitlist has been promoted since, so this
			// is the place they hold now (the one their email gives).
			Integer place = find(id).waitlistPosition();
			redirect.addFlashAttribute("notice", (place != null) ? Notice.ok("admin.action.waitlistedAt", place)
					: Notice.ok("admin.action.waitlisted"));
		}
		catch (RegistrationStateException ex) {
			redirect.addFlashAttribute("notice", switch (ex.reason()) {
				case SEAT_FREE ->
					(registration.status() == RegistrationStatus.PENDING) ? Notice.warn("admin.action.waitlistSeatFree")
							: Notice.warn("admin.action.waitlistNobodyWaits");
				case ARRIVED -> Notice.warn("admin.action.arrived");
				case EVENT_OVER -> Notice.bad("admin.action.over");
				default -> Notice.bad("admin.action.notAllowed");
			});
		}
		return "redirect:/admin/registrations/" + id;
	}

	/**
	 * Confirms from the waitlist or pending. When no seat is free, an ADMIN is sent to a
	 * warning page that confirms over capacity; others are told there is no seat. After
	 * the event's end nobody is confirmed (the service refuses it too), full or not.
	 */
	@PostMapping("/admin/registrations/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam(defaultValue = "false") boolean exceedCapacity,
			RedirectAttributes redirect) {
		RegistrationView registration = find(id);
		if (this.catalog.ended(registration.eventId())) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.action.over"));
			return "redirect:/admin/registrations/" + id;
		}
		if (!exceedCapacity && this.catalog.availability(registration.eventId()).full()) {
			redirect.addFlashAttribute("notice", Notice.warn("admin.action.full"));
			return "redirect:/admin/registrations/" + id;
		}
		return act(id, redirect, () -> this.actions.confirm(id, exceedCapacity), "admin.action.confirmed");
	}

	@PostMapping("/admin/registrations/{id}/checkin")
	String checkIn(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		RegistrationView registration = find(id);
		try {
			CheckIn result = this.actions.checkIn(id);
			redirect.addFlashAttribute("notice", DoorCheckIns.notice(result, this.catalog, this.times, locale));
		}
		catch (RegistrationStateException ex) {
			// Only a confirmed registration arrives, as at the door, and only from the
			// event's first day (in its zone) until its end.
			redirect.addFlashAttribute("notice",
					DoorCheckIns.refusal(ex, registration.eventId(), this.catalog, this.times, locale));
		}
		return "redirect:/admin/registrations/" + id;
	}

	@PostMapping("/admin/registrations/{id}/undo-checkin")
	String undoCheckIn(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.actions.undoCheckIn(id), "admin.action.checkinUndone");
	}

	@PostMapping("/admin/registrations/{id}/resend")
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.actions.resend(id), "admin.action.resent");
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String doneKey) {
		return actSaying(id, redirect, () -> {
			action.run();
			return doneKey;
		});
	}

	/** The same, with the words of what was done chosen by the action. */
	private String actSaying(long id, RedirectAttributes redirect, Supplier<String> action) {
		find(id);
		try {
			redirect.addFlashAttribute("notice", Notice.ok(action.get()));
		}
		catch (RegistrationStateException ex) {
			// The registration service refuses a change its current status does not
			// allow; an arrival is not taken away by a cancel or decline; once the event
			// is over its registrations are a record (no confirm, approve, decline or
			// cancel).
			redirect.addFlashAttribute("notice", (ex.reason() == RegistrationStateException.Reason.ARRIVED)
					? Notice.warn("admin.action.arrived") : Notice.bad(switch (ex.reason()) {
						case NO_FREE_SEAT -> "admin.action.full";
						case ERASED -> "admin.action.erased";
						case EVENT_OVER -> "admin.action.over";
						default -> "admin.action.notAllowed";
					}));
		}
		return "redirect:/admin/registrations/" + id;
	}

	private static boolean waits(RegistrationView registration) {
		return registration.status() == RegistrationStatus.WAITLISTED;
	}

	private RegistrationView find(long id) {
		return this.directory.find(id).orElseThrow(NotFoundException::new);
	}

}
