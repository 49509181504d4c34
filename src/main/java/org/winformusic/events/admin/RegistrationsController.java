package org.winformusic.events.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationList;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationSearch;
import org.winformusic.events.registration.RegistrationSort;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.BoundForms;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The registrations of an event (search, filters, sort, pages, bulk actions) and one
 * registration's detail page with its notes (where staff add one), emails and audit
 * trail.
 */
@Controller
class RegistrationsController {

	private static final String LIST_VIEW = "admin/registrations";

	private static final String DETAIL_VIEW = "admin/registration";

	private static final String BULK_CONFIRM_VIEW = "admin/bulk-confirm";

	static final int MAX_NOTE = 2000;

	private final EventCatalog catalog;

	private final RegistrationSearch search;

	private final RegistrationDirectory directory;

	private final AdminQueries queries;

	private final AuditLog audit;

	private final BulkActions bulk;

	private final MessageSource messages;

	private final Regions regions;

	private final EventTimes times;

	private final RegistrationAnswers answers;

	private final StaffActions actions;

	RegistrationsController(EventCatalog catalog, RegistrationSearch search, RegistrationDirectory directory,
			AdminQueries queries, AuditLog audit, BulkActions bulk, MessageSource messages, Regions regions,
			RegistrationAnswers answers, StaffActions actions, EventTimes times) {
		this.actions = actions;
		this.times = times;
		this.messages = messages;
		this.regions = regions;
		this.catalog = catalog;
		this.search = search;
		this.directory = directory;
		this.queries = queries;
		this.audit = audit;
		this.bulk = bulk;
		this.answers = answers;
	}

	@GetMapping("/admin/events/{slug}/registrations")
	String list(@PathVariable String slug, @RequestParam Map<String, String> parameters, Locale locale, Model model) {
		FilterParams params = FilterParams.from(parameters);
		model.addAttribute("params", params);
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		RegistrationQuery query = params.query(Regions.of(event.country()));
		RegistrationList page = this.search.list(event.id(), query, params.cursor(), params.pageNumber(),
				params.pageSize());
		model.addAttribute("event", event);
		model.addAttribute("page", page);
		model.addAttribute("rows",
				ListedRegistration.of(page.content(), event, locale, this.messages, this.regions, this.times));
		model.addAttribute("sort", query.sort());
		model.addAttribute("choiceFilters", this.answers.choiceFilters(event.id(), locale));
		addChoices(model, this.regions, event, locale);
		return LIST_VIEW;
	}

	/**
	 * Bulk actions email people, so the first POST shows who is selected and which email
	 * each will get; only the confirmed second POST acts. The result says how many
	 * changed and why the others did not.
	 */
	@PostMapping("/admin/events/{slug}/registrations/bulk")
	String bulk(@PathVariable String slug, @RequestParam(required = false) String action,
			@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(name = "back", required = false) String back,
			@RequestParam(name = "confirmed", required = false) String confirmed, Locale locale, Model model,
			RedirectAttributes redirect) {
		EventInfo event = this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
		BulkActions.Action chosen = parse(action);
		String list = "redirect:/admin/events/" + slug + "/registrations" + safeQuery(back);
		if (chosen == null || ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("notice", Notice.warn("admin.bulk.nothing"));
			return list;
		}
		List<BulkActions.Preview> preview = this.bulk.preview(event.id(), chosen, ids);
		if (!"true".equals(confirmed)) {
			model.addAttribute("event", event);
			model.addAttribute("action", chosen.name());
			model.addAttribute("rows", preview);
			model.addAttribute("changing", preview.stream().filter(BulkActions.Preview::changes).count());
			model.addAttribute("back", safeQuery(back).isEmpty() ? null : back);
			return BULK_CONFIRM_VIEW;
		}
		int done = this.bulk.apply(event.id(), chosen, ids);
		int skipped = preview.size() - done;
		String text = this.messages.getMessage("ux.bulk.done." + chosen.name(), new Object[] { done }, locale);
		if (skipped > 0) {
			text = text + " "
					+ this.messages.getMessage("ux.bulk.skipped." + chosen.name(), new Object[] { skipped }, locale);
		}
		redirect.addFlashAttribute("notice",
				(done > 0) ? Notice.ok("ux.notice.text", text) : Notice.warn("ux.notice.text", text));
		return list;
	}

	@GetMapping("/admin/registrations/{id}")
	String detail(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("note", new NoteForm(""));
		return detailPage(id, locale, model);
	}

	/**
	 * A staff note, written on the detail page: saved and back to the page, or the page
	 * again with the problem next to the note.
	 */
	@PostMapping("/admin/registrations/{id}/notes")
	String addNote(@PathVariable long id, @Valid @ModelAttribute("note") NoteForm note, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		if (BoundForms.keep(model, "note", note, result).hasErrors()) {
			return detailPage(id, locale, model);
		}
		this.directory.find(id).orElseThrow(NotFoundException::new);
		this.actions.addNote(id, note.body().strip());
		redirect.addFlashAttribute("notice", Notice.ok("admin.note.added"));
		return "redirect:/admin/registrations/" + id;
	}

	private String detailPage(long id, Locale locale, Model model) {
		RegistrationView registration = this.directory.find(id).orElseThrow(NotFoundException::new);
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		model.addAttribute("notes", this.queries.notes(id));
		model.addAttribute("emails", this.queries.emails(id));
		model.addAttribute("trail", this.audit.forRegistration(id));
		model.addAttribute("full", this.catalog.availability(event.id()).full());
		model.addAttribute("answers", this.answers.of(id, event.id(), locale, true));
		return DETAIL_VIEW;
	}

	/** The choices of the filters and the edit form; regions are the event's. */
	static void addChoices(Model model, Regions regions, EventInfo event, Locale locale) {
		model.addAttribute("statuses", RegistrationStatus.values());
		model.addAttribute("companyTypes", CompanyType.values());
		model.addAttribute("states", regions.options(event.country(), locale));
		model.addAttribute("interests", AssociationInterest.values());
	}

	private static BulkActions.Action parse(String action) {
		if (action == null) {
			return null;
		}
		for (BulkActions.Action candidate : BulkActions.Action.values()) {
			if (candidate.name().equalsIgnoreCase(action)) {
				return candidate;
			}
		}
		return null;
	}

	/** Only a query string of the list goes back into the redirect, never a URL. */
	private static String safeQuery(String back) {
		if (back == null || back.isBlank() || back.length() > 2000 || !back.matches("[A-Za-z0-9%&=+._~-]*")) {
			return "";
		}
		return "?" + back;
	}

	/** A staff note as typed; it may span lines. */
	record NoteForm(@NotBlank(message = "{admin.note.invalid}") @Size(max = MAX_NOTE,
			message = "{admin.note.invalid}") String body) {

	}

	/**
	 * A line of the registrations list as staff read it: every word already in their
	 * language and every time in the event's zone. Public (and nested: no other package
	 * uses it), as the template reads it with compiled expressions, which call only
	 * public methods of public classes. The list shows fifty of these per page; looking
	 * each word up once per page here, instead of once per cell in the template, is most
	 * of what the page costs to render.
	 *
	 * @param id the registration
	 * @param fullName as registered
	 * @param email as registered
	 * @param company as registered
	 * @param companyType the company type's name
	 * @param state the region's name (or the code as typed where the country has no list)
	 * @param status for the row's actions and its style
	 * @param statusLabel the status in words
	 * @param registered when they registered, {@code yyyy-MM-dd HH:mm} in the event's
	 * zone
	 * @param interest their answer about the association, in words
	 * @param checkedIn the time they were checked in, or a dash
	 * @param selectLabel the accessible name of the row's checkbox
	 */
	public record ListedRegistration(long id, String fullName, String email, String company, String companyType,
			String state, RegistrationStatus status, String statusLabel, String registered, String interest,
			String checkedIn, String selectLabel) {

		private static final DateTimeFormatter REGISTERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

		public boolean pending() {
			return this.status == RegistrationStatus.PENDING;
		}

		/** The rows of a page in {@code locale}, each label looked up once. */
		static List<ListedRegistration> of(List<RegistrationRow> rows, EventInfo event, Locale locale,
				MessageSource messages, Regions regions, EventTimes times) {
			Map<String, String> words = new HashMap<>();
			ZoneId zone = event.zone();
			return rows.stream().map((row) -> {
				String checkedIn = row.checkedIn() ? times.time(row.checkedInAt(), zone) : "—";
				return new ListedRegistration(row.id(), row.fullName(), row.email(), row.company(),
						words.computeIfAbsent("registration.companyType." + row.companyType(),
								(key) -> messages.getMessage(key, null, locale)),
						words.computeIfAbsent(
								"state:" + row.state(), (key) -> regions.label(event.country(), row.state(), locale)),
						row.status(),
						words.computeIfAbsent("admin.status." + row.status(),
								(key) -> messages.getMessage(key, null, locale)),
						REGISTERED.format(row.createdAt().atZone(zone)),
						words.computeIfAbsent("registration.interest." + row.associationInterest(),
								(key) -> messages.getMessage(key, null, locale)),
						checkedIn,
						messages.getMessage("admin.bulk.selectOne", new Object[] { row.fullName() }, locale));
			}).toList();
		}

	}

	/**
	 * The query parameters of the registrations list page, as posted:
	 * {@code q, status, companyType, state, associationInterest, checkedIn, sort, dir, page,
	 * size, cursor, choice} ({@code choice}: the id of a choice of one of the event's own
	 * questions). {@code cursor} is the keyset position the list's own "next" and
	 * "previous" links carry; {@code page} stays for older links. Read by
	 * {@link #from(Map)}; public so that the page's expressions over it compile (see
	 * {@link ListedRegistration}); the filter and sort are read by
	 * {@link RegistrationQuery}, as the export and the printouts read them, and the links
	 * this page makes carry them on.
	 */
	public record FilterParams(String q, String status, String companyType, String state, String associationInterest,
			String checkedIn, String sort, String dir, Integer page, Integer size, String cursor, String choice) {

		public static final int DEFAULT_SIZE = 50;

		public static final int MAX_SIZE = 200;

		/** The state filter as region codes are written (upper case), or null. */
		public String stateCode() {
			return (this.state != null) ? this.state.toUpperCase(Locale.ROOT) : null;
		}

		static FilterParams from(Map<String, String> params) {
			Function<String, String> get = params::get;
			return new FilterParams(get.apply("q"), get.apply("status"), get.apply("companyType"), get.apply("state"),
					get.apply("associationInterest"), get.apply("checkedIn"), get.apply("sort"), get.apply("dir"),
					integer(get.apply("page")), integer(get.apply("size")), get.apply("cursor"), get.apply("choice"));
		}

		/**
		 * Which registrations, in which order, for an event whose regions are
		 * {@code regions}.
		 * @throws RegistrationQuery.InvalidParameterException for a value that is not one
		 * of the known codes (a 400)
		 */
		public RegistrationQuery query(Regions.RegionList regions) {
			return RegistrationQuery.parse(asMap()::get, regions);
		}

		public RegistrationSort registrationSort() {
			return RegistrationSort.of(this.sort, this.dir);
		}

		/** 0-based page number, never negative. */
		public int pageNumber() {
			return (this.page == null || this.page < 0) ? 0 : Math.min(this.page, 1_000_000);
		}

		/** Rows per page, between 1 and {@link #MAX_SIZE}. */
		public int pageSize() {
			return (this.size == null || this.size < 1) ? DEFAULT_SIZE : Math.min(this.size, MAX_SIZE);
		}

		/** These parameters as a query string (without '?'), empty ones left out. */
		public String toQueryString() {
			UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
			asMap().forEach(builder::queryParam);
			String query = builder.encode().build().getQuery();
			return (query != null) ? query : "";
		}

		/**
		 * The same query with another sort (toggling the direction on the current
		 * column).
		 */
		public String sortedBy(String column) {
			RegistrationSort current = registrationSort();
			boolean same = current.column().name().equals(column);
			String direction = (same && current.ascending()) ? "desc" : "asc";
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, column, direction, null, this.size, null, this.choice)
				.toQueryString();
		}

		/** The same query on another page. */
		public String onPage(int pageNumber) {
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, this.sort, this.dir, pageNumber, this.size, null, this.choice)
				.toQueryString();
		}

		/** The same query at a keyset position (null: the first page). */
		public String atCursor(String position) {
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, this.sort, this.dir, null, this.size, position, this.choice)
				.toQueryString();
		}

		/** The filter and sort only (no paging): what the CSV export link carries. */
		public String exportQueryString() {
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, this.sort, this.dir, null, null, null, this.choice)
				.toQueryString();
		}

		private Map<String, String> asMap() {
			Map<String, String> map = new LinkedHashMap<>();
			put(map, "q", this.q);
			put(map, "status", this.status);
			put(map, "companyType", this.companyType);
			put(map, "state", this.state);
			put(map, "associationInterest", this.associationInterest);
			put(map, "checkedIn", this.checkedIn);
			put(map, "choice", this.choice);
			put(map, "sort", this.sort);
			put(map, "dir", this.dir);
			put(map, "page", (this.page != null && this.page > 0) ? String.valueOf(this.page) : null);
			put(map, "size", (this.size != null) ? String.valueOf(this.size) : null);
			put(map, "cursor", this.cursor);
			return map;
		}

		private static void put(Map<String, String> map, String name, String value) {
			if (blankToNull(value) != null) {
				map.put(name, value.strip());
			}
		}

		private static Integer integer(String value) {
			String text = blankToNull(value);
			if (text == null) {
				return null;
			}
			try {
				return Integer.valueOf(text);
			}
			catch (NumberFormatException ex) {
				throw new RegistrationQuery.InvalidParameterException("page", value, List.of("0", "1", "2", "…"));
			}
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
