package org.winformusic.events.event.web;

import java.util.Map;

import jakarta.validation.Valid;

import org.winformusic.events.event.EventAdministration;
import org.winformusic.events.event.EventForm;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff create an event (optionally copied from another) and edit its page. */
@Controller
class EventAdminController {

	private static final String FORM_VIEW = "event/admin-form";

	private final EventAdministration administration;

	EventAdminController(EventAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/admin/events/new")
	String newEvent(@RequestParam(required = false) String from, Model model) {
		EventForm form = (from != null) ? this.administration.copyOf(from).orElseThrow(NotFoundException::new)
				: EventForm.blank();
		model.addAttribute("form", form);
		model.addAttribute("creating", true);
		return FORM_VIEW;
	}

	@PostMapping("/admin/events/new")
	String create(@Valid @ModelAttribute("form") EventForm form, BindingResult result,
			@RequestParam(name = "_row", required = false) String row, Model model, RedirectAttributes redirect) {
		model.addAttribute("creating", true);
		if (row != null) {
			return rowAction(form, row, model);
		}
		if (!valid(form, result)) {
			return FORM_VIEW;
		}
		try {
			String slug = this.administration.create(form);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/events/" + slug + "/edit";
		}
		catch (EventAdministration.SlugTakenException ex) {
			result.rejectValue("slug", "eventadmin.error.slugTaken");
			return FORM_VIEW;
		}
	}

	@GetMapping("/admin/events/{slug}/edit")
	String edit(@PathVariable String slug, Model model) {
		model.addAttribute("form", this.administration.formFor(slug).orElseThrow(NotFoundException::new));
		model.addAttribute("creating", false);
		return FORM_VIEW;
	}

	@PostMapping("/admin/events/{slug}/edit")
	String update(@PathVariable String slug, @Valid @ModelAttribute("form") EventForm form, BindingResult result,
			@RequestParam(name = "_row", required = false) String row, Model model, RedirectAttributes redirect) {
		EventForm current = this.administration.formFor(slug).orElseThrow(NotFoundException::new);
		model.addAttribute("creating", false);
		// Slug and capacity are not edited here: the form shows them read-only.
		EventForm edited = withIdentity(form, current);
		if (row != null) {
			return rowAction(edited, row, model);
		}
		if (!valid(edited, result)) {
			return FORM_VIEW;
		}
		this.administration.update(slug, edited);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/events/" + slug + "/edit";
	}

	/**
	 * A row button (ROWS.md): the form again with the row added, removed or moved,
	 * nothing saved and no errors shown; the affected row gets the focus.
	 */
	private String rowAction(EventForm form, String row, Model model) {
		QuestionRowActions.Applied applied = QuestionRowActions.apply(form, row)
			.orElseGet(() -> new QuestionRowActions.Applied(form, null));
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
		model.addAttribute("form", applied.form());
		model.addAttribute("focus", applied.anchor());
		return FORM_VIEW;
	}

	private boolean valid(EventForm form, BindingResult result) {
		Map<String, String> errors = this.administration.check(form);
		errors.forEach((field, code) -> {
			if (!result.hasFieldErrors(field)) {
				result.rejectValue(field, code);
			}
		});
		return !result.hasErrors();
	}

	private static EventForm withIdentity(EventForm f, EventForm current) {
		return new EventForm(current.slug(), f.titleEs(), f.titleEn(), f.summaryEs(), f.summaryEn(), f.descriptionEs(),
				f.descriptionEn(), f.agendaEs(), f.agendaEn(), f.aboutEs(), f.aboutEn(), f.startsAt(), f.endsAt(),
				f.timeZone(), f.venueName(), f.venueAddress(), f.venueMapUrl(), current.capacity(),
				f.requiresApproval(), f.registrationOpensAt(), f.registrationClosesAt(), f.published(), f.speakers(),
				f.partners(), f.retentionDays(), f.questions());
	}

}
