package org.winformusic.events.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.AnswerFilters;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.shared.NotFoundException;

/**
 * The printouts of door day, for staff (every {@code /admin} URL needs a staff role):
 * badges and the door list, filtered by the registrations list's query parameters. The
 * PDF is built in memory before the first byte is sent, so a failure is an error page,
 * never half a file.
 */
@Controller
class PrintController {

	static final String BADGES_PATH = "/admin/events/{slug}/badges.pdf";

	static final String DOOR_LIST_PATH = "/admin/events/{slug}/door-list.pdf";

	private final EventCatalog events;

	private final Printouts printouts;

	private final AnswerFilters answers;

	PrintController(EventCatalog events, Printouts printouts, AnswerFilters answers) {
		this.answers = answers;
		this.events = events;
		this.printouts = printouts;
	}

	/**
	 * {@code layout=sheet} (A4, 8 per page, the default) or {@code single} (one badge per
	 * page).
	 */
	@GetMapping(BADGES_PATH)
	ResponseEntity<byte[]> badges(@PathVariable String slug, @RequestParam Map<String, String> params, Locale locale)
			throws IOException {
		BadgePdf.Layout chosen = layout(params.get("layout"));
		EventInfo event = event(slug, locale);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		this.printouts.badges(event, filter(params, event), chosen, locale, pdf);
		return pdf(pdf, event.slug() + "-badges.pdf");
	}

	@GetMapping(DOOR_LIST_PATH)
	ResponseEntity<byte[]> doorList(@PathVariable String slug, @RequestParam Map<String, String> params, Locale locale)
			throws IOException {
		EventInfo event = event(slug, locale);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		this.printouts.doorList(event, filter(params, event), locale, pdf);
		return pdf(pdf, event.slug() + "-door-list.pdf");
	}

	private EventInfo event(String slug, Locale locale) {
		return this.events.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
	}

	/** Who to print: the list's filter (a printout has its own order). */
	private RegistrationFilter filter(Map<String, String> params, EventInfo event) {
		return RegistrationQuery
			.parse(params::get, Regions.of(event.country()), () -> this.answers.answerable(event.id()))
			.filter();
	}

	private static BadgePdf.Layout layout(String value) {
		if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("sheet")) {
			return BadgePdf.Layout.SHEET;
		}
		if (value.strip().equalsIgnoreCase("single")) {
			return BadgePdf.Layout.SINGLE;
		}
		throw new RegistrationQuery.InvalidParameterException("layout", value, List.of("sheet", "single"));
	}

	/**
	 * A printout link with a filter that is no filter: the staff page the exports show.
	 */
	@ExceptionHandler
	ModelAndView badParameter(RegistrationQuery.InvalidParameterException ex) {
		return new ModelAndView("export/bad-parameter", ex.pageModel(), HttpStatus.BAD_REQUEST);
	}

	/** Shown in the browser's viewer (to print), with a name for saving. */
	private static ResponseEntity<byte[]> pdf(ByteArrayOutputStream pdf, String fileName) {
		String safeName = fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename(safeName).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(pdf.toByteArray());
	}

}
