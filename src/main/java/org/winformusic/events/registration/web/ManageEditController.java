package org.winformusic.events.registration.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.BehindManageLink;
import org.winformusic.events.registration.CheckedForm;
import org.winformusic.events.registration.EditConflictException;
import org.winformusic.events.registration.EditResult;
import org.winformusic.events.registration.EditableRegistration;
import org.winformusic.events.registration.EmailChanges;
import org.winformusic.events.registration.FormContext;
import org.winformusic.events.registration.QuestionFields;
import org.winformusic.events.registration.RegistrantLanguage;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationFields;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationFormBinding;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationStateException.Reason;
import org.winformusic.events.registration.RegistrationValidator;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import static org.winformusic.events.registration.web.ManageController.active;
import static org.winformusic.events.registration.web.ManageController.redirect;

/**
 * The registrant's edit form behind the token link ({@link ManageController} has the
 * manage page): their details and answers, checked as the registration form checks them,
 * saved over the version the form was loaded at. Refused once the event has ended
 * ({@link RefusedChanges}).
 */
@Controller
@BehindManageLink
class ManageEditController {

	private static final String EDIT_VIEW = "registration/edit";

	/**
	 * The manage page's notice that the changes were not saved: the registration had
	 * ended (cancelled or declined) when they were sent.
	 */
	private static final String NOT_SAVED = "?notSaved";

	private final SelfService registrations;

	private final EventCatalog catalog;

	private final RegistrationFields fields;

	private final RegistrationValidator validator;

	private final QuestionFields questions;

	private final RegistrationAnswers answers;

	private final RefusedChanges refusals;

	ManageEditController(SelfService registrations, EventCatalog catalog, RegistrationFields fields,
			RegistrationValidator validator, QuestionFields questions, RegistrationAnswers answers,
			RefusedChanges refusals) {
		this.registrations = registrations;
		this.catalog = catalog;
		this.fields = fields;
		this.validator = validator;
		this.questions = questions;
		this.answers = answers;
		this.refusals = refusals;
	}

	@GetMapping("/r/{token}/edit")
	String editForm(@PathVariable String token, HttpServletRequest request, Locale locale, Model model) {
		EditableRegistration current = this.registrations.findForEditByToken(token).orElseThrow(NotFoundException::new);
		if (!active(current.registration())) {
			return redirect(token);
		}
		if (this.refusals.over(event(current.registration(), locale))) {
			return this.refusals.page(token, Reason.EVENT_OVER, request, locale, model);
		}
		return showCurrent(model, token, current, request, locale);
	}

	@PostMapping("/r/{token}/edit")
	String edit(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		RegistrationView registration = registration(token);
		if (this.refusals.over(event(registration, locale))) {
			// Refused by the service too, should the end come while this one runs.
			response.setStatus(HttpStatus.CONFLICT.value());
			return this.refusals.page(token, Reason.EVENT_OVER, request, locale, model);
		}
		if (!active(registration)) {
			// A tab opened before it was cancelled or declined: nothing to save now.
			return redirect(token) + NOT_SAVED;
		}
		// The version the form was loaded at (a hidden input, outside the form record).
		String version = request.getParameter("version");
		model.addAttribute("version", version);
		model.addAttribute(RegistrationFields.LOADED, request.getParameter(RegistrationFields.LOADED));
		// The address the form was loaded with (see SelfService#updateByToken).
		String emailShown = request.getParameter("emailShown");
		model.addAttribute("emailShown", emailShown);
		Locale pageLocale = RegistrantLanguage.apply(request, registration, locale);
		EventInfo event = event(registration, pageLocale);
		RegistrationFormBinding.Posted posted = RegistrationFormBinding.registrant(request, model);
		RegistrationForm form = posted.form();
		BindingResult result = posted.result();
		CheckedForm checked = this.validator.check(form,
				FormContext.editing(event.id(), event.country(), registration.id()).holding(registration.state()),
				result);
		String suggestion = (checked != null) ? typo(form.email(), registration.email(), emailShown, request) : null;
		if (suggestion != null) {
			// A new address on a misspelled common domain: the hint the registration
			// form gives, before a confirmation link goes to a domain nobody reads.
			model.addAttribute("emailSuggestion", suggestion);
		}
		else if (checked != null) {
			try {
				EditResult edit = this.registrations.updateByToken(token, checked,
						EditableRegistration.postedVersion(version), emailShown);
				return redirect(token) + saved(edit);
			}
			catch (EditConflictException ex) {
				// Someone saved first: what this person typed stays, with what is saved
				// now next to each field that differs, and the version to save over.
				this.fields.showSaved(model, ex, event.country(), pageLocale);
				registration = ex.current().registration();
			}
			catch (RegistrationStateException ex) {
				if (ex.reason() == Reason.EVENT_OVER) {
					// The end came while this request ran: the same page as above.
					response.setStatus(HttpStatus.CONFLICT.value());
					return this.refusals.page(token, Reason.EVENT_OVER, request, locale, model);
				}
				if (ex.reason() != Reason.EMAIL_CHANGES_LIMIT) {
					// Cancelled or declined while this request ran.
					return redirect(token) + NOT_SAVED;
				}
				result.rejectValue("email", "registration.error.email.limit");
			}
		}
		return showEdit(model, token, registration, event, form, result, pageLocale);
	}

	/**
	 * The likely intended address when the posted one is new (neither the registration's
	 * nor the one the form was loaded with) and looks misspelled, unless the person sent
	 * it again as it was after the hint.
	 */
	private static String typo(String email, String current, String emailShown, HttpServletRequest request) {
		if (email == null || email.equalsIgnoreCase(current) || email.equalsIgnoreCase(emailShown)
				|| email.equals(request.getParameter("emailConfirmed"))) {
			return null;
		}
		return RegistrationValidator.suggestedEmail(email);
	}

	/** The edit form with the current details and the version they have. */
	private String showCurrent(Model model, String token, EditableRegistration current, HttpServletRequest request,
			Locale locale) {
		RegistrationView registration = current.registration();
		model.addAttribute("version", current.version());
		Locale pageLocale = RegistrantLanguage.apply(request, registration, locale);
		EventInfo event = event(registration, pageLocale);
		// A change of address waiting for confirmation is what the email field shows:
		// typing the registration's address back cancels it.
		EmailChanges.Waiting waiting = this.registrations.waitingEmailChange(registration).orElse(null);
		String shown = (waiting != null) ? waiting.newEmail() : registration.email();
		model.addAttribute("pendingEmail", waiting);
		model.addAttribute("emailShown", shown);
		Map<Long, List<String>> answered = this.answers.formValues(registration.id());
		model.addAttribute(RegistrationFields.LOADED, this.fields.loaded(registration, event.country(), answered));
		RegistrationForm form = RegistrationForm.of(registration, event.country())
			.withEmail(shown)
			.withAnswers(answered);
		return showEdit(model, token, registration, event, form,
				new BeanPropertyBindingResult(form, RegistrationFormBinding.NAME), pageLocale);
	}

	private String showEdit(Model model, String token, RegistrationView registration, EventInfo event,
			RegistrationForm form, BindingResult result, Locale locale) {
		model.addAttribute("registration", registration);
		model.addAttribute("event", event);
		model.addAttribute("token", token);
		if (!model.containsAttribute("pendingEmail")) {
			model.addAttribute("pendingEmail", this.registrations.waitingEmailChange(registration).orElse(null));
		}
		this.fields.prepare(model, form, result, event.country(), locale, "", registration.state());
		this.questions.prepare(model, registration.eventId(), form, result, locale);
		return EDIT_VIEW;
	}

	/**
	 * What the manage page says after a save: a save that changed nothing wrote nothing
	 * ("unchanged", not "saved"); a new address waits for the link sent there, whether or
	 * not another registration of the event holds it; the address typed back cancelled
	 * the change that waited.
	 */
	private static String saved(EditResult edit) {
		String notice = edit.emailChangeRequested() ? "emailPending" : edit.emailChangeCancelled() ? "emailKept" : null;
		if (notice == null) {
			return edit.changed() ? "?saved" : "?unchanged";
		}
		return edit.changed() ? "?saved&" + notice : "?" + notice;
	}

	private RegistrationView registration(String token) {
		return this.registrations.findByToken(token).orElseThrow(NotFoundException::new);
	}

	private EventInfo event(RegistrationView registration, Locale locale) {
		return this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
	}

}
