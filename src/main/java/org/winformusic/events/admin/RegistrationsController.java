package org.winformusic.events.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.winformusic.events.admin.RegistrationListViews.FilterParams;
import org.winformusic.events.admin.RegistrationListViews.ListedRegistration;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventDays;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.AnswerFilters;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationErasure;
import org.winformusic.events.registration.RegistrationList;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationSearch;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.SelfService;
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

	private final AnswerFilters answerFilters;

	private final StaffActions actions;

	private final RegistrationErasure erasure;

	private final SelfService selfService;

	private final Validator validator;

	private final EventDays days;

	RegistrationsController(EventCatalog catalog, RegistrationSearch search, RegistrationDirectory directory,
			AdminQueries queries, AuditLog audit, BulkActions bulk, MessageSource messages, Regions regions,
			RegistrationAnswers answers, StaffActions actions, EventTimes times, RegistrationErasure erasure,
			SelfService selfService, Validator validator, EventDays days, AnswerFilters answerFilters) {
		this.answerFilters = answerFilters;
		this.validator = validator;
		this.days = days;
		this.erasure = erasure;
		this.selfService = selfService;
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
		RegistrationQuery query = params.query(Regions.of(event.country()),
				() -> this.answerFilters.answerable(event.id()));
		RegistrationList page = this.search.list(event.id(), query, params.cursor(), params.pageNumber(),
				params.pageSize());
		model.addAttribute("event", event);
		model.addAttribute("page", page);
		model.addAttribute("rows",
				ListedRegistration.of(page.content(), event, locale, this.messages, this.regions, this.times));
		model.addAttribute("sort", query.sort());
		// The region filtered by as its code, however it was typed ("minas gerais" is
		// MG).
		model.addAttribute("stateFilter", query.filter().state());
		model.addAttribute("choiceFilters", this.answerFilters.choiceFilters(event.id(), locale));
		model.addAttribute("yesNoFilters", this.answerFilters.yesNoFilters(event.id(), locale));
		// After the end nobody is approved or declined: no row or bulk control offers it.
		model.addAttribute("over", this.catalog.ended(event.id()));
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
			model.addAttribute("over", this.bulk.over(event.id(), chosen));
			long changing = preview.stream().filter(BulkActions.Preview::changes).count();
			long arrived = preview.stream().filter(BulkActions.Preview::arrived).count();
			model.addAttribute("changing", changing);
			// Those a decline leaves alone, counted by why: checked in, or already ended.
			model.addAttribute("arrived", arrived);
			model.addAttribute("ended", preview.size() - changing - arrived);
			model.addAttribute("unreachable",
					preview.stream().filter((row) -> row.changes() && !row.emailed()).count());
			model.addAttribute("erasedLeftOut", this.bulk.erasedLeftOut(event.id(), chosen, ids));
			model.addAttribute("toWaitlist", (chosen != BulkActions.Action.APPROVE) ? 0
					: preview.stream().filter(BulkActions.Preview::toWaitlist).count());
			model.addAttribute("back", FormPages.back(back));
			return BULK_CONFIRM_VIEW;
		}
		BulkActions.Applied applied = this.bulk.apply(event.id(), chosen, ids);
		int done = applied.done();
		// Those that did not change, told apart as the preview did (checked in, or not).
		int arrived = (int) preview.stream().filter(BulkActions.Preview::arrived).count();
		int skipped = Math.max(0, preview.size() - done - arrived);
		String text = this.messages.getMessage("ux.bulk.done." + chosen.name(), new Object[] { done }, locale);
		if (applied.waitlisted() > 0) {
			text = text + " " + this.messages.getMessage("ux.bulk.done.APPROVE.waitlisted",
					new Object[] { applied.waitlisted() }, locale);
		}
		if (skipped > 0) {
			text = text + " "
					+ this.messages.getMessage("ux.bulk.skipped." + chosen.name(), new Object[] { skipped }, locale);
		}
		if (arrived > 0) {
			text = text + " "
					+ this.messages.getMessage("ux.bulk.skipped.DECLINE.arrived", new Object[] { arrived }, locale);
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
	 * again with the problem next to the note; refused, with the reason, on a
	 * registration whose personal data was erased.
	 */
	@PostMapping("/admin/registrations/{id}/notes")
	String addNote(@PathVariable long id, @Valid @ModelAttribute("note") NoteForm note, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		boolean refused = this.erasure.isErased(id);
		if (!refused && BoundForms.keep(model, "note", note, result, this.validator).hasErrors()) {
			return detailPage(id, locale, model);
		}
		this.directory.find(id).orElseThrow(NotFoundException::new);
		refused = refused || !this.actions.addNote(id, note.body().strip());
		redirect.addFlashAttribute("notice", refused ? Notice.bad("admin.note.erased") : Notice.ok("admin.note.added"));
		return "redirect:/admin/registrations/" + id;
	}

	private String detailPage(long id, Locale locale, Model model) {
		RegistrationView registration = this.directory.find(id).orElseThrow(NotFoundException::new);
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		boolean erased = this.erasure.isErased(id);
		// Notes are personal data: none on an erased registration (the retention job
		// deletes any left).
		model.addAttribute("notes", erased ? List.of() : this.queries.notes(id));
		model.addAttribute("emails", this.queries.emails(id));
		model.addAttribute("trail", this.audit.forRegistration(id));
		model.addAttribute("full", this.catalog.availability(event.id()).full());
		// After the end nobody is confirmed or approved (StaffRegistrations refuses it);
		// before the event's first day nobody arrives (CheckIns refuses it).
		model.addAttribute("over", this.catalog.ended(event.id()));
		model.addAttribute("early", !this.days.begun(event.id()));
		model.addAttribute("erased", erased);
		model.addAttribute("answers", this.answers.of(id, event.id(), locale, true));
		// The change of address the registrant asked for, while its link still works
		// (staff who edit the address meanwhile end it).
		model.addAttribute("pendingEmail", this.selfService.waitingEmailChange(registration).orElse(null));
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
		String query = FormPages.back(back);
		return (query != null) ? "?" + query : "";
	}

	/** A staff note as typed; it may span lines. */
	record NoteForm(@NotBlank(message = "{admin.note.invalid}") @Size(max = MAX_NOTE,
			message = "{admin.note.invalid}") String body) {

	}

}
