package org.winformusic.events.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.EditConflictException;
import org.winformusic.events.registration.EditResult;
import org.winformusic.events.registration.EditableRegistration;
import org.winformusic.events.registration.CheckedForm;
import org.winformusic.events.registration.FormContext;
import org.winformusic.events.registration.QuestionFields;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationFields;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationFormBinding;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationValidator;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.NotFoundException;

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
 * Staff edit of a registration's details, bound and checked as the public form is
 * ({@link RegistrationFormBinding}, {@link RegistrationValidator}) and shown with its
 * field fragments: GET shows the form, POST saves and redirects, or shows the form again
 * with each problem next to its field. Staff do not give consent for the registrant (the
 * recorded consent stays). The event's questions are on the form with the registration's
 * answers, checked as the registrant's edit checks them, except that staff may leave a
 * required one unanswered ({@link FormContext#staffEditing}); a changed answer is in the
 * history like a changed field, and sends no email.
 */
@Controller
class EditRegistrationController {

	private static final String VIEW = "admin/edit";

	private final RegistrationDirectory directory;

	private final EventCatalog catalog;

	private final StaffActions actions;

	private final RegistrationValidator validator;

	private final RegistrationFields fields;

	private final QuestionFields questions;

	private final RegistrationAnswers answers;

	EditRegistrationController(RegistrationDirectory directory, EventCatalog catalog, StaffActions actions,
			RegistrationValidator validator, RegistrationFields fields, QuestionFields questions,
			RegistrationAnswers answers) {
		this.directory = directory;
		this.catalog = catalog;
		this.actions = actions;
		this.validator = validator;
		this.fields = fields;
		this.questions = questions;
		this.answers = answers;
	}

	/**
	 * The form; a registration that has ended (cancelled, declined, erased) cannot be
	 * edited, and its detail page says so.
	 */
	@GetMapping("/admin/registrations/{id}/edit")
	String form(@PathVariable long id, Locale locale, Model model, RedirectAttributes redirect) {
		if (!find(id).status().active()) {
			return ended(id, redirect);
		}
		return showCurrent(id, locale, model);
	}

	/**
	 * Saves the details; {@code version} (a hidden input, outside the form record) is the
	 * version the form was loaded at: a save over a newer one that would change something
	 * shows the form again as it was typed, with what is saved now next to each field
	 * that differs, and the current version (saving it again replaces what is saved now).
	 */
	@PostMapping("/admin/registrations/{id}/edit")
	String save(@PathVariable long id, @RequestParam(name = "version", required = false) String version,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		RegistrationView registration = find(id);
		if (!registration.status().active()) {
			return ended(id, redirect);
		}
		EventInfo event = event(registration, locale);
		model.addAttribute("version", version);
		model.addAttribute(RegistrationFields.LOADED, request.getParameter(RegistrationFields.LOADED));
		RegistrationFormBinding.Posted posted = RegistrationFormBinding.staff(request, model);
		RegistrationForm form = posted.form();
		BindingResult result = posted.result();
		CheckedForm checked = this.validator.check(form,
				FormContext.staffEditing(event.id(), event.country(), id).holding(registration.state()), result);
		if (checked != null) {
			try {
				EditResult edit = this.actions.update(id, checked, EditableRegistration.postedVersion(version));
				// A save that changed nothing wrote nothing: say so, not "saved"; a new
				// address was sent the link, the old one a notice.
				redirect.addFlashAttribute("notice", Notice.ok(edit.emailChanged() ? "admin.edit.savedEmail"
						: edit.changed() ? "admin.edit.saved" : "admin.edit.unchanged"));
				return "redirect:/admin/registrations/" + registration.id();
			}
			catch (EditConflictException ex) {
				// Someone saved first: what staff typed stays, with what is saved now
				// next to each field that differs, and the version to save over.
				this.fields.showSaved(model, ex, event.country(), locale);
				registration = ex.current().registration();
			}
			catch (RegistrationStateException ex) {
				if (ex.reason() != RegistrationStateException.Reason.EMAIL_TAKEN) {
					// Cancelled or declined while the form was open.
					return ended(id, redirect);
				}
				// Staff may see every registration: name what is in the way, not the
				// registrant's "send me my link".
				result.rejectValue("email", "admin.edit.emailTaken");
			}
		}
		return show(registration, event, form, result, locale, model);
	}

	private String show(RegistrationView registration, EventInfo event, RegistrationForm form, BindingResult result,
			Locale locale, Model model) {
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		// Staff correct someone else's details: the form speaks about the person.
		this.fields.prepare(model, form, result, event.country(), locale, RegistrationFields.ABOUT_SOMEONE_ELSE,
				registration.state());
		this.questions.prepareForStaff(model, event.id(), form, result, locale);
		return VIEW;
	}

	/** The form with the registration's current details and the version they have. */
	private String showCurrent(long id, Locale locale, Model model) {
		EditableRegistration current = this.directory.findForEdit(id).orElseThrow(NotFoundException::new);
		model.addAttribute("version", current.version());
		EventInfo event = event(current.registration(), locale);
		Map<Long, List<String>> answered = this.answers.formValues(current.registration().id());
		RegistrationForm form = RegistrationForm.of(current.registration(), event.country()).withAnswers(answered);
		model.addAttribute(RegistrationFields.LOADED,
				this.fields.loaded(current.registration(), event.country(), answered));
		return show(current.registration(), event, form,
				new BeanPropertyBindingResult(form, RegistrationFormBinding.NAME), locale, model);
	}

	/** Back to the detail page, which says why nothing was saved. */
	private static String ended(long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", Notice.bad("admin.edit.ended"));
		return "redirect:/admin/registrations/" + id;
	}

	private EventInfo event(RegistrationView registration, Locale locale) {
		return this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
	}

	private RegistrationView find(long id) {
		return this.directory.find(id).orElseThrow(NotFoundException::new);
	}

}
