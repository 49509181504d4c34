package org.winformusic.events.event.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.winformusic.events.event.Countries;
import org.winformusic.events.event.CountryZones;
import org.winformusic.events.event.EventAdministration;
import org.winformusic.events.event.EventForm;
import org.winformusic.events.event.EventQuestions;
import org.winformusic.events.event.EventSave;
import org.winformusic.events.event.Moving;
import org.winformusic.events.event.Unpublishing;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.BoundForms;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff create an event (optionally copied from another) and edit its page. A POST with
 * {@code _row} is a row button (add, remove or move a speaker or partner): the form comes
 * back changed, unsaved and without error messages.
 */
@Controller
class EventAdminController {

	private static final String FORM_VIEW = "event/admin-form";

	/**
	 * A field name with an index that is not one or two digits: {@code speakers[x].name},
	 * {@code speakers[100].name}.
	 */
	private static final Pattern NOT_A_ROW = Pattern.compile(".*\\[(?![0-9]{1,2}]).*");

	private final EventAdministration administration;

	private final EditorProblems problems;

	private final Validator validator;

	private final Unpublishing unpublishing;

	private final Moving moving;

	private final EventQuestions questions;

	private final CopiedParts copied;

	EventAdminController(EventAdministration administration, EditorProblems problems, Validator validator,
			Unpublishing unpublishing, Moving moving, EventQuestions questions, CopiedParts copied) {
		this.copied = copied;
		this.administration = administration;
		this.problems = problems;
		this.validator = validator;
		this.unpublishing = unpublishing;
		this.moving = moving;
		this.questions = questions;
	}

	/**
	 * The form is a record, built from the request through its constructor; binding
	 * setters afterwards has nothing to set, and would try to grow a row list past a gap
	 * in the posted indexes (speakers[0], speakers[3]). The binder makes a row list as
	 * long as its highest index and fails beyond 255, and an index that is not a number
	 * makes it throw: no editor has 100 rows or a row named "x", so such a request is a
	 * 400 page.
	 */
	@InitBinder("form")
	void bindThroughTheConstructorOnly(WebDataBinder binder, WebRequest request) {
		binder.setDeclarativeBinding(true);
		if (request.getParameterMap().keySet().stream().anyMatch(NOT_A_ROW.asMatchPredicate())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "row index out of range or not a number");
		}
	}

	/**
	 * The countries of the event's country select and of each speaker's, named in the
	 * staff member's language.
	 */
	@ModelAttribute("countries")
	Map<String, String> countries(Locale locale) {
		return Countries.options(locale);
	}

	/**
	 * Each country's time zones, main zone first, for the script that moves the zone with
	 * the country.
	 */
	@ModelAttribute("countryZones")
	String countryZones() {
		return CountryZones.json();
	}

	/**
	 * A new event's form, blank or copied {@code from} another event: then it says which
	 * of that event's country-specific parts it holds, and posts {@code copiedFrom} so
	 * the edit page after the save says it again.
	 */
	@GetMapping("/admin/events/new")
	String newEvent(@RequestParam(required = false) String from, Model model, Locale locale) {
		EventForm form = (from != null) ? this.administration.copyOf(from).orElseThrow(NotFoundException::new)
				: EventForm.blank();
		model.addAttribute("form", form);
		model.addAttribute("creating", true);
		copiedFrom(from, form, model, locale);
		return FORM_VIEW;
	}

	@PostMapping("/admin/events/new")
	String create(@Valid @ModelAttribute("form") EventForm form, BindingResult binding,
			@RequestParam(name = "_row", required = false) String row,
			@RequestParam(name = "copiedFrom", required = false) String copiedFrom, Model model,
			RedirectAttributes redirect, Locale locale) {
		model.addAttribute("creating", true);
		requireForm(form);
		copiedFrom(copiedFrom, form, model, locale);
		BindingResult result = this.problems.sayTheMaximum(model,
				BoundForms.keep(model, "form", form, binding, this.validator));
		if (row != null) {
			return changeRows(form, row, model);
		}
		if (!this.problems.valid(this.administration.checkNew(form), form, result, locale)) {
			return FORM_VIEW;
		}
		try {
			String slug = this.administration.create(form);
			redirect.addFlashAttribute("saved", true);
			if (model.getAttribute("copiedFrom") != null) {
				redirect.addFlashAttribute("copiedFrom", model.getAttribute("copiedFrom"));
			}
			repeatedTimes(form, locale, redirect);
			return "redirect:/admin/events/" + slug + "/edit";
		}
		catch (EventAdministration.SlugTakenException ex) {
			result.rejectValue("slug", "eventadmin.error.slugTaken");
			return FORM_VIEW;
		}
	}

	/**
	 * The editor of an event. When people are registered (and the event is not over), a
	 * box ticked by default says how many of them a change of date, hours or venue will
	 * email ({@code toTell}).
	 */
	@GetMapping("/admin/events/{slug}/edit")
	String edit(@PathVariable String slug, Model model, Locale locale) {
		EventForm form = this.administration.formFor(slug).orElseThrow(NotFoundException::new);
		model.addAttribute("form", form);
		// Right after a copy is saved: what it still has of the event it came from.
		this.copied.of((String) model.getAttribute("copiedFrom"), form, locale)
			.ifPresent((note) -> model.addAttribute("copyNote", note));
		model.addAttribute("creating", false);
		model.addAttribute("toTell", this.moving.peopleToTell(slug));
		model.addAttribute("tell", true);
		return FORM_VIEW;
	}

	/**
	 * Saves an edit. A save that unpublishes an event people are registered for (in
	 * review, with a seat or waiting) is shown back unsaved with what that means for
	 * them, until staff tick {@code unpublishConfirmed} next to "Published". A save that
	 * moves the event emails the people registered unless the editor's box {@code tell}
	 * was unticked (the form posts {@code _tell} with it; a request without either tells
	 * them); the notice after the save says which, and to how many. A time that happens
	 * twice in the event's zone is saved as the first one, and the page after the save
	 * says so ({@code repeated}).
	 */
	@PostMapping("/admin/events/{slug}/edit")
	String update(@PathVariable String slug, @Valid @ModelAttribute("form") EventForm form, BindingResult binding,
			@RequestParam(name = "_row", required = false) String row,
			@RequestParam(name = "unpublishConfirmed", required = false) String unpublishConfirmed,
			@RequestParam(name = "tell", required = false) String tellBox,
			@RequestParam(name = "_tell", required = false) String tellShown, Model model, RedirectAttributes redirect,
			Locale locale) {
		EventForm current = this.administration.formFor(slug).orElseThrow(NotFoundException::new);
		model.addAttribute("creating", false);
		boolean tell = tellShown == null || "true".equals(tellBox);
		model.addAttribute("toTell", this.moving.peopleToTell(slug));
		model.addAttribute("tell", tell);
		requireForm(form);
		BindingResult result = this.problems.sayTheMaximum(model,
				BoundForms.keep(model, "form", form, binding, this.validator));
		// Slug and capacity are not edited here: the form shows them read-only.
		EventForm edited = withIdentity(form, current);
		if (row != null) {
			String view = changeRows(edited, row, model);
			leavingChoices(slug, (EventForm) model.getAttribute("form"), model);
			return view;
		}
		leavingChoices(slug, edited, model);
		boolean valid = this.problems.valid(this.administration.checkChange(slug, edited), edited, result, locale);
		int registered = this.unpublishing.registeredLosingThePage(slug, edited);
		boolean confirmed = "true".equals(unpublishConfirmed);
		if (registered > 0) {
			model.addAttribute("unpublishing", registered);
			model.addAttribute("unpublishConfirmed", confirmed);
		}
		if (!valid || (registered > 0 && !confirmed)) {
			return FORM_VIEW;
		}
		EventSave save = this.administration.update(slug, edited, tell);
		redirect.addFlashAttribute(save.changed() ? "saved" : "unchanged", true);
		repeatedTimes(edited, locale, redirect);
		String moved = this.problems.moveNotice(save, locale);
		if (moved != null) {
			redirect.addFlashAttribute("moved", moved);
		}
		return "redirect:/admin/events/" + slug + "/edit";
	}

	/**
	 * The event a new form was copied from, for the form to post again, and what the form
	 * still has of it.
	 */
	private void copiedFrom(String from, EventForm form, Model model, Locale locale) {
		this.copied.of(from, form, locale).ifPresent((note) -> {
			model.addAttribute("copiedFrom", note.sourceSlug());
			model.addAttribute("copyNote", note);
		});
	}

	/** The saved page's sentences about times that happen twice, when there are any. */
	private void repeatedTimes(EventForm form, Locale locale, RedirectAttributes redirect) {
		List<String> repeated = this.problems.repeatedTimes(form, locale);
		if (!repeated.isEmpty()) {
			redirect.addFlashAttribute("repeated", repeated);
		}
	}

	/**
	 * The choices people chose that the form takes off, by question row, which the
	 * questions section warns about as soon as they are removed (before any save).
	 */
	private void leavingChoices(String slug, EventForm form, Model model) {
		model.addAttribute("leavingChoices", this.questions.leaving(slug, form.questions()));
	}

	/**
	 * A row button: the form as typed with the row added, removed or moved; a value that
	 * names no known action shows the form unchanged. Nothing is saved.
	 */
	private static String changeRows(EventForm form, String row, Model model) {
		EditorRows.Change change = QuestionRowActions.apply(form, row)
			.map((applied) -> new EditorRows.Change(applied.form(), applied.anchor()))
			.or(() -> RowAction.parse(row).map((action) -> EditorRows.apply(form, action)))
			.orElseGet(() -> EditorRows.unchanged(form));
		// A new form object: the model drops the binding's errors, which belong to the
		// save that did not happen.
		model.addAttribute("form", change.form());
		model.addAttribute("focus", change.focus());
		return FORM_VIEW;
	}

	/**
	 * The form could not be built from the request: a field the editor posts as rows or a
	 * number came as something else, which no browser showing the editor sends. A 400
	 * page, not a half-bound form.
	 */
	private static void requireForm(EventForm form) {
		if (form == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed event form");
		}
	}

	private static EventForm withIdentity(EventForm f, EventForm current) {
		return new EventForm(current.slug(), f.titleEs(), f.titleEn(), f.summaryEs(), f.summaryEn(), f.descriptionEs(),
				f.descriptionEn(), f.agendaEs(), f.agendaEn(), f.aboutEs(), f.aboutEn(), f.startsAt(), f.endsAt(),
				f.timeZone(), (f.country() == null || f.country().isBlank()) ? current.country() : f.country(),
				f.venueName(), f.venueAddress(), f.venueMapUrl(), current.capacity(), f.requiresApproval(),
				f.registrationOpensAt(), f.registrationClosesAt(), f.published(), f.speakers(), f.partners(),
				f.retentionDays(), f.questions(), f.zoneConfirmed());
	}

}
