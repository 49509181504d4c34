package org.winformusic.events.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.EditableRegistration;
import org.winformusic.events.registration.FieldProblem;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationValidationException;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.StoredText;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff edit of a registration's details, with the public form's validation (done by the
 * registration service): GET shows the form, POST saves and redirects, or shows the form
 * again with each problem next to its field.
 */
@Controller
class EditRegistrationController {

	private static final String VIEW = "admin/edit";

	private final RegistrationDirectory directory;

	private final EventCatalog catalog;

	private final StaffActions actions;

	private final MessageSource messages;

	private final Regions regions;

	EditRegistrationController(RegistrationDirectory directory, EventCatalog catalog, StaffActions actions,
			MessageSource messages, Regions regions) {
		this.messages = messages;
		this.regions = regions;
		this.directory = directory;
		this.catalog = catalog;
		this.actions = actions;
	}

	@GetMapping("/admin/registrations/{id}/edit")
	String form(@PathVariable long id, Locale locale, Model model) {
		return showCurrent(id, locale, model);
	}

	/**
	 * Saves the details; {@code version} (a hidden input, outside the form record) is the
	 * version the form was loaded at: a save over a newer one shows the current details
	 * instead, saying why.
	 */
	@PostMapping("/admin/registrations/{id}/edit")
	String save(@PathVariable long id, @ModelAttribute RegistrationForm form, BindingResult binding,
			@RequestParam(name = "version", required = false) String version, Locale locale, Model model,
			RedirectAttributes redirect) {
		RegistrationView registration = find(id);
		model.addAttribute("version", version);
		// Staff do not give consent for the registrant: the recorded consent stays.
		RegistrationForm edited = new RegistrationForm(form.fullName(), form.email(), form.company(), form.jobTitle(),
				form.companyType(), form.state(), form.city(), form.phone(), form.associationInterest(),
				form.referralSource(), form.comments(), true, Boolean.TRUE.equals(form.newsOptIn()), null);
		if (binding.hasErrors()) {
			return refused(registration, edited, binding, locale, model);
		}
		try {
			this.actions.update(id, edited, EditableRegistration.postedVersion(version));
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("stale", true);
			return showCurrent(id, locale, model);
		}
		catch (RegistrationValidationException ex) {
			Map<String, String> problems = new LinkedHashMap<>();
			for (FieldProblem problem : ex.problems()) {
				problems.putIfAbsent(problem.field(),
						this.messages.getMessage(problem.messageKey(), problem.arguments(), locale));
			}
			model.addAttribute("problems", problems);
			return show(registration, edited, locale, model);
		}
		redirect.addFlashAttribute("notice", Notice.ok("admin.edit.saved"));
		return "redirect:/admin/registrations/" + registration.id();
	}

	/**
	 * The binder refused a value (text with control characters, see
	 * {@code shared.FormBinding}): shown next to its field like the validator's problems.
	 * Anything else the binder could not read no browser showing this form sends.
	 */
	private String refused(RegistrationView registration, RegistrationForm form, BindingResult binding, Locale locale,
			Model model) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			if (!error.isBindingFailure() || !Arrays.asList(error.getCodes()).contains(StoredText.REFUSED)) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unreadable registration form");
			}
			problems.putIfAbsent(error.getField(), this.messages.getMessage(error, locale));
		}
		model.addAttribute("problems", problems);
		return show(registration, form, locale, model);
	}

	private String show(RegistrationView registration, RegistrationForm form, Locale locale, Model model) {
		model.addAttribute("registration", registration);
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		model.addAttribute("event", event);
		model.addAttribute("form", form);
		RegistrationsController.addChoices(model, this.regions, event, locale);
		return VIEW;
	}

	/** The form with the registration's current details and the version they have. */
	private String showCurrent(long id, Locale locale, Model model) {
		EditableRegistration current = this.directory.findForEdit(id).orElseThrow(NotFoundException::new);
		model.addAttribute("version", current.version());
		return show(current.registration(), RegistrationForm.of(current.registration()), locale, model);
	}

	private RegistrationView find(long id) {
		return this.directory.find(id).orElseThrow(NotFoundException::new);
	}

}
