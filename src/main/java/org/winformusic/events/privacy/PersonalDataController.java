package org.winformusic.events.privacy;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.BehindManageLink;
import org.winformusic.events.registration.RegistrantLanguage;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * The registrant's rights behind the manage link, no login: download their data (page and
 * JSON file), erase it (a confirmation page, then a POST), stop news (one button, also
 * reachable by a GET link from any email). Pages carrying the token send no referrer and
 * are not cached. Like the manage pages, they speak the language the person registered in
 * unless this browser chose one ({@link RegistrantLanguage}); so does the page shown
 * after erasure, told that language by the redirect since the registration is gone.
 */
@Controller
@BehindManageLink
class PersonalDataController {

	private static final String DATA_VIEW = "privacy/data";

	private static final String ERASE_VIEW = "privacy/erase";

	private static final String NEWS_VIEW = "privacy/news";

	private final PersonalData personalData;

	private final EventCatalog catalog;

	private final DataReportFiles files;

	private final MessageSource messages;

	private final PrivacyProperties properties;

	PersonalDataController(PersonalData personalData, EventCatalog catalog, DataReportFiles files,
			MessageSource messages, PrivacyProperties properties) {
		this.personalData = personalData;
		this.catalog = catalog;
		this.files = files;
		this.messages = messages;
		this.properties = properties;
	}

	@ModelAttribute
	void privateHeaders(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	@GetMapping("/r/{token}/data")
	String data(@PathVariable String token, HttpServletRequest request, Locale locale, Model model) {
		RegistrationView registration = this.personalData.byToken(token);
		Locale pageLocale = RegistrantLanguage.apply(request, registration, locale);
		DataReport report = this.personalData.report(registration, pageLocale);
		model.addAttribute("report", report);
		EventInfo event = this.catalog.findById(registration.eventId(), pageLocale).orElseThrow(NotFoundException::new);
		model.addAttribute("zone", event.zone());
		model.addAttribute("country", event.country());
		model.addAttribute("latinAmerican", event.latinAmerican());
		model.addAttribute("token", token);
		return DATA_VIEW;
	}

	/**
	 * The file holds texts too (the event's title, the questions' labels), and is named
	 * in that language: {@code mis-datos-<event>.json}.
	 */
	@GetMapping(path = "/r/{token}/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> dataFile(@PathVariable String token, HttpServletRequest request, Locale locale) {
		RegistrationView registration = this.personalData.byToken(token);
		Locale fileLocale = RegistrantLanguage.apply(request, registration, locale);
		DataReport report = this.personalData.report(registration, fileLocale);
		String name = this.messages.getMessage("privacy.data.fileName", new Object[] { report.eventSlug() },
				fileLocale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(this.files.write(report));
	}

	/**
	 * Erasing is per registration: the page names the events of the address's other
	 * registrations, which it leaves, and how to erase them (their own links). It does
	 * not erase them from here: each one's link, from that event's emails, is what shows
	 * the address is the visitor's.
	 */
	@GetMapping("/r/{token}/erase")
	String confirmErase(@PathVariable String token, HttpServletRequest request, Locale locale, Model model) {
		RegistrationView registration = this.personalData.byToken(token);
		Locale pageLocale = RegistrantLanguage.apply(request, registration, locale);
		model.addAttribute("registration", registration);
		model.addAttribute("event",
				this.catalog.findById(registration.eventId(), pageLocale).orElseThrow(NotFoundException::new));
		// Erasing cancels only a registration still going, before the end (after it
		// nobody
		// moves up from the waitlist): otherwise the page promises no seat to the next
		// person. We send nothing after erasure, so a seat holder is told what stays
		// behind
		// (the calendar entry, the entry code in the emails) while it still matters.
		boolean over = this.catalog.ended(registration.eventId());
		model.addAttribute("cancels", registration.status().active() && !over);
		model.addAttribute("seat", registration.status() == RegistrationStatus.CONFIRMED && !over);
		// How long the blocked copy stays, as the page after erasure says it.
		model.addAttribute("blockingDays", this.properties.blockingPeriod().toDays());
		Optional<List<RegistrationView>> others = this.personalData.othersOfAddress(registration, token);
		model.addAttribute("othersUnknown", others.isEmpty());
		model.addAttribute("otherEvents",
				others.orElse(List.of())
					.stream()
					.map(RegistrationView::eventId)
					.distinct()
					.flatMap((id) -> this.catalog.findById(id, pageLocale).stream())
					.sorted(Comparator.comparing(EventInfo::startsAt))
					.toList());
		model.addAttribute("token", token);
		return ERASE_VIEW;
	}

	@PostMapping("/r/{token}/erase")
	String erase(@PathVariable String token) {
		Locale registrant = this.personalData.eraseByToken(token);
		// Not ?lang=, which would store the registrant's language in this browser's
		// cookie.
		return (registrant != null) ? "redirect:/privacy/erased?" + PrivacyNoticeController.REGISTRANT_LANGUAGE + "="
				+ registrant.getLanguage() : "redirect:/privacy/erased";
	}

	/**
	 * The link for email footers: one button, so a mail scanner's GET changes nothing.
	 */
	@GetMapping("/r/{token}/news/stop")
	String confirmStopNews(@PathVariable String token, HttpServletRequest request, Locale locale, Model model) {
		RegistrationView registration = this.personalData.byToken(token);
		Locale pageLocale = RegistrantLanguage.apply(request, registration, locale);
		EventInfo event = this.catalog.findById(registration.eventId(), pageLocale).orElseThrow(NotFoundException::new);
		model.addAttribute("newsFrom", DataReports.newsFrom(this.messages, event, pageLocale));
		model.addAttribute("newsOptIn", this.personalData.getsNews(registration, token));
		model.addAttribute("thisRegistrationOnly", this.personalData.newsOfThisRegistrationOnly(token));
		model.addAttribute("token", token);
		return NEWS_VIEW;
	}

	@PostMapping("/r/{token}/news/stop")
	String stopNews(@PathVariable String token) {
		this.personalData.stopNewsByToken(token);
		return "redirect:/r/" + UriUtils.encodePathSegment(token, "UTF-8") + "?newsStopped";
	}

}
