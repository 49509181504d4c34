package org.winformusic.events.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.SingleLine;
import org.winformusic.events.shared.BoundForms;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * ADMIN staff answering a data request that arrived by email: find every registration of
 * an address across events, then export them all (JSON) or erase them all; or erase one
 * registration from its page. The address travels in POST bodies only, so it ends up in
 * no URL, access log or browser history.
 */
@Controller
class DataRequestController {

	private static final String REQUEST_VIEW = "privacy/admin-request";

	private static final String ERASE_VIEW = "privacy/admin-erase";

	private final PersonalData personalData;

	private final EventCatalog catalog;

	private final DataReportFiles files;

	private final Validator validator;

	DataRequestController(PersonalData personalData, EventCatalog catalog, DataReportFiles files, Validator validator) {
		this.validator = validator;
		this.personalData = personalData;
		this.catalog = catalog;
		this.files = files;
	}

	@ModelAttribute
	void privateHeaders(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	@GetMapping("/admin/privacy")
	String requestForm(Model model) {
		model.addAttribute("form", new SearchForm(""));
		return REQUEST_VIEW;
	}

	/**
	 * The search; an address that cannot be stored is shown next to the field instead.
	 */
	@PostMapping("/admin/privacy")
	String search(@Valid @ModelAttribute("form") SearchForm form, BindingResult result, Locale locale, Model model) {
		if (BoundForms.keep(model, "form", form, result, this.validator).hasErrors()) {
			return REQUEST_VIEW;
		}
		return found((form.email() != null) ? form.email() : "", locale, model);
	}

	private String found(String email, Locale locale, Model model) {
		List<RegistrationView> found = this.personalData.findForRequest(email);
		model.addAttribute("email", email);
		model.addAttribute("found", found);
		Map<Long, EventInfo> events = events(found, locale);
		Map<Long, String> titles = new HashMap<>();
		events.forEach((id, event) -> titles.put(id, event.title()));
		model.addAttribute("eventTitles", titles);
		// Registrations of several events: each time in UTC, and under it the time where
		// its event takes place, as the audit log and the outbox show theirs.
		model.addAttribute("eventZones", this.catalog.zonesOf(events.keySet()));
		model.addAttribute("utc", EventTimes.NO_EVENT);
		return REQUEST_VIEW;
	}

	@PostMapping(path = "/admin/privacy/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String email, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("data-request.json").build().toString())
			.body(this.files.writeAll(this.personalData.exportForRequest(email, locale)));
	}

	/**
	 * Erases every registration of the address, which cannot be undone: only with the box
	 * ticked that says the person asked (the page's {@code required} is not enough),
	 * otherwise the same list again with the reason. Answers with a redirect, so that
	 * reloading the result erases nothing twice.
	 */
	@PostMapping("/admin/privacy/erase")
	String eraseAll(@RequestParam(defaultValue = "") String email, @RequestParam(required = false) String confirm,
			Locale locale, Model model, RedirectAttributes redirect) {
		if (!"true".equals(confirm)) {
			model.addAttribute("form", new SearchForm(email));
			model.addAttribute("eraseNotConfirmed", true);
			return found(email, locale, model);
		}
		redirect.addFlashAttribute("erasedCount", this.personalData.eraseForRequest(email));
		return "redirect:/admin/privacy";
	}

	@GetMapping("/admin/privacy/registrations/{id}/erase")
	String confirmErase(@PathVariable long id, Model model) {
		RegistrationView registration = this.personalData.findUnblocked(id).orElseThrow(NotFoundException::new);
		model.addAttribute("registration", registration);
		return ERASE_VIEW;
	}

	@PostMapping("/admin/privacy/registrations/{id}/erase")
	String erase(@PathVariable long id) {
		this.personalData.eraseByStaff(id);
		return "redirect:/admin/registrations/" + id + "?erased";
	}

	/** The events the registrations found belong to, by event id. */
	private Map<Long, EventInfo> events(List<RegistrationView> found, Locale locale) {
		Map<Long, EventInfo> events = new HashMap<>();
		found.stream()
			.map(RegistrationView::eventId)
			.distinct()
			.forEach((id) -> this.catalog.findById(id, locale).ifPresent((event) -> events.put(id, event)));
		return events;
	}

	/** The address a data request came from, as staff type it. */
	record SearchForm(@SingleLine String email) {

	}

}
