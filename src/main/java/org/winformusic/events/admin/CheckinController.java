package org.winformusic.events.admin;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.winformusic.events.registration.DoorCopies;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventDays;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationSearch;
import org.winformusic.events.registration.RegistrationSort;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.PersonName;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Door check-in on a phone: search the confirmed people of an event and check one in with
 * one tap (a scanned pass lands on the person's card: {@link PassCardController}).
 */
@Controller
class CheckinController {

	private static final String DOOR_VIEW = "admin/checkin";

	static final int MAX_RESULTS = 25;

	/**
	 * How many matches are put in the printed list's order before the first
	 * {@link #MAX_RESULTS} are shown; past that many the page says "type more" anyway.
	 */
	private static final int SORTED_MATCHES = 200;

	/**
	 * The search text's name: the form field, and the flash attribute that carries it.
	 */
	private static final String SEARCH = "q";

	private final EventCatalog catalog;

	private final RegistrationSearch search;

	private final RegistrationDirectory directory;

	private final AdminQueries queries;

	private final StaffActions actions;

	private final DoorCopies copies;

	private final DoorCheckIns door;

	private final EventDays days;

	private final OtherEventsToday otherEvents;

	CheckinController(EventCatalog catalog, RegistrationSearch search, RegistrationDirectory directory,
			AdminQueries queries, StaffActions actions, DoorCopies copies, DoorCheckIns door, EventDays days,
			OtherEventsToday otherEvents) {
		this.days = days;
		this.otherEvents = otherEvents;
		this.catalog = catalog;
		this.search = search;
		this.directory = directory;
		this.queries = queries;
		this.actions = actions;
		this.copies = copies;
		this.door = door;
	}

	/**
	 * The door page. A search reaches it as a flash attribute (after the search form's
	 * post, or a check-in), never in the address: a name or door code in a URL would stay
	 * in the browser's history and in proxies' access logs.
	 */
	@GetMapping("/admin/events/{slug}/checkin")
	String door(@PathVariable String slug, HttpServletRequest request, Locale locale, Model model) {
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		String text = searchText(model.getAttribute(SEARCH));
		model.addAttribute("event", event);
		model.addAttribute(SEARCH, text);
		model.addAttribute("counts", this.queries.counts(event.id()));
		// After the end nobody arrives: no check-in or walk-in offered (what a phone
		// queued while the event ran still syncs).
		boolean over = this.catalog.ended(event.id());
		model.addAttribute("over", over);
		// Before the event's first day (in its zone) nobody arrives either: the page says
		// when it is, and offers no check-in (a wrong event picked at the door).
		model.addAttribute("early", !this.days.begun(event.id()));
		model.addAttribute("canUndo", this.door.canUndo(event, over, request));
		model.addAttribute("doorManifest", "/admin/events/" + event.slug() + "/checkin/manifest.webmanifest");
		if (!text.isEmpty()) {
			// A door code typed from a badge or the paper list names one person.
			var byCode = this.copies.byCode(event.id(), text);
			// Another event's code (a pass of the wrong event) says whose, as a scanned
			// pass's card does, not "nobody": with the same person's registration here.
			var ofAnotherEvent = byCode.isPresent() ? Optional.<OtherEventsToday.Code>empty()
					: this.otherEvents.code(event.id(), text, locale);
			model.addAttribute("codeOfAnotherEvent", ofAnotherEvent.orElse(null));
			// Every status: a cancelled person at the door must read as cancelled, not as
			// nobody.
			Page<RegistrationRow> results = byCode.or(() -> ofAnotherEvent.flatMap(OtherEventsToday.Code::here))
				.map((row) -> (Page<RegistrationRow>) new PageImpl<>(List.of(row), PageRequest.of(0, MAX_RESULTS), 1))
				.orElseGet(() -> ofAnotherEvent.isPresent() ? Page.empty()
						: inPrintedOrder(this.search.search(event.id(),
								new RegistrationQuery(new RegistrationFilter(text, null, null, null, null, null),
										RegistrationSort.of("name", "asc")),
								0, SORTED_MATCHES)));
			model.addAttribute("results", results);
			model.addAttribute("actives", actives(results));
		}
		return DOOR_VIEW;
	}

	/**
	 * For each match that is not confirmed, the same person's newer confirmed
	 * registration, if any (as the phone's copy and a scanned pass's card offer it).
	 */
	private Map<Long, RegistrationView> actives(Page<RegistrationRow> results) {
		Map<Long, RegistrationView> actives = new HashMap<>();
		results.getContent()
			.stream()
			.filter((row) -> row.status() != RegistrationStatus.CONFIRMED)
			.forEach((row) -> this.copies.newerActive(row.id())
				.flatMap(this.directory::find)
				.ifPresent((active) -> actives.put(row.id(), active)));
		return actives;
	}

	/**
	 * The matches in the order of the printed door list and the phone's copy (family
	 * name, word by word, Spanish collation: {@link PersonName}), not the database's byte
	 * order of full names, which put "Marisol" before "María José".
	 */
	private static Page<RegistrationRow> inPrintedOrder(Page<RegistrationRow> matches) {
		Comparator<RegistrationRow> printed = Comparator
			.comparing((RegistrationRow row) -> PersonName.of(row.fullName()), PersonName.spanishOrder())
			.thenComparingLong(RegistrationRow::id);
		List<RegistrationRow> rows = matches.getContent().stream().sorted(printed).limit(MAX_RESULTS).toList();
		return new PageImpl<>(rows, PageRequest.of(0, MAX_RESULTS), matches.getTotalElements());
	}

	/** The search form (without JavaScript): posted, then shown by {@link #door}. */
	@PostMapping("/admin/events/{slug}/checkin")
	String search(@PathVariable String slug, @RequestParam(required = false) String q, Locale locale,
			RedirectAttributes redirect) {
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		return backToDoor(event, q, redirect);
	}

	/**
	 * A link from before the search form posted ({@code ?q=}, in a bookmark or the
	 * history) still shows its results, through the same redirect as a posted search: the
	 * address bar, and any link copied from it, lose the name.
	 */
	@GetMapping(path = "/admin/events/{slug}/checkin", params = SEARCH)
	String searchFromAnOldLink(@PathVariable String slug, @RequestParam String q, Locale locale,
			RedirectAttributes redirect) {
		return search(slug, q, locale, redirect);
	}

	@PostMapping("/admin/events/{slug}/checkin/{id}")
	String checkInAtDoor(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) String q,
			Locale locale, RedirectAttributes redirect) {
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		RegistrationView registration = this.directory.find(id)
			.filter((r) -> r.eventId() == event.id())
			.orElseThrow(NotFoundException::new);
		this.door.checkIn(registration, locale, redirect);
		return backToDoor(event, q, redirect);
	}

	@PostMapping("/admin/events/{slug}/checkin/{id}/undo")
	String undoAtDoor(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) String q,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		RegistrationView registration = this.directory.find(id)
			.filter((r) -> r.eventId() == event.id())
			.orElseThrow(NotFoundException::new);
		if (this.door.canUndo(event, this.catalog.ended(event.id()), request)) {
			this.actions.undoCheckIn(registration.id());
			redirect.addFlashAttribute("notice", Notice.ok("door.undone", registration.fullName()));
		}
		else {
			redirect.addFlashAttribute("notice", Notice.bad("door.undoOver"));
		}
		return backToDoor(event, q, redirect);
	}

	/**
	 * Back to the door page with the search carried in the session (a flash attribute),
	 * so the volunteer sees the same results again and no URL holds the name.
	 */
	private static String backToDoor(EventInfo event, String q, RedirectAttributes redirect) {
		String text = searchText(q);
		if (!text.isEmpty()) {
			redirect.addFlashAttribute(SEARCH, text);
		}
		return "redirect:/admin/events/" + event.slug() + "/checkin";
	}

	/** The search text as searched: trimmed, at most 200 characters. */
	private static String searchText(Object q) {
		String text = (q instanceof String typed) ? typed.strip() : "";
		return (text.length() > 200) ? text.substring(0, 200) : text;
	}

}
