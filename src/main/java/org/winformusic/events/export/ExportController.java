package org.winformusic.events.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
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
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.shared.NotFoundException;

/**
 * The attendee export: {@code /admin/events/{slug}/registrations.csv} and {@code .xlsx}
 * with the values exactly as stored, and {@code people.csv} and {@code .xlsx} with the
 * same rows in words, all filtered and sorted by the same query parameters as the
 * registrations list page ({@link RegistrationQuery}), plus {@code delimiter} for CSV.
 * The file is written straight to the response while the rows are read.
 */
@Controller
class ExportController {

	static final String CSV_PATH = "/admin/events/{slug}/registrations.csv";

	static final String XLSX_PATH = "/admin/events/{slug}/registrations.xlsx";

	static final String PEOPLE_CSV_PATH = "/admin/events/{slug}/people.csv";

	static final String PEOPLE_XLSX_PATH = "/admin/events/{slug}/people.xlsx";

	private final EventCatalog events;

	private final ExportService exports;

	private final PeopleLabels labels;

	private final Clock clock;

	private final AnswerFilters answers;

	ExportController(EventCatalog events, ExportService exports, PeopleLabels labels, AnswerFilters answers,
			Clock clock) {
		this.answers = answers;
		this.events = events;
		this.exports = exports;
		this.labels = labels;
		this.clock = clock;
	}

	@GetMapping(CSV_PATH)
	void csv(@PathVariable String slug, @RequestParam Map<String, String> parameters, Locale locale,
			HttpServletResponse response) throws IOException {
		export(slug, parameters, locale, response, ExportFormat.CSV);
	}

	@GetMapping(XLSX_PATH)
	void xlsx(@PathVariable String slug, @RequestParam Map<String, String> parameters, Locale locale,
			HttpServletResponse response) throws IOException {
		export(slug, parameters, locale, response, ExportFormat.XLSX);
	}

	@GetMapping(PEOPLE_CSV_PATH)
	void peopleCsv(@PathVariable String slug, @RequestParam Map<String, String> parameters, Locale locale,
			HttpServletResponse response) throws IOException {
		export(slug, parameters, locale, response, ExportFormat.PEOPLE_CSV);
	}

	@GetMapping(PEOPLE_XLSX_PATH)
	void peopleXlsx(@PathVariable String slug, @RequestParam Map<String, String> parameters, Locale locale,
			HttpServletResponse response) throws IOException {
		export(slug, parameters, locale, response, ExportFormat.PEOPLE_XLSX);
	}

	/**
	 * Checks the parameters before anything is written (a bad one is a 400 page, not a
	 * broken file), then streams the file.
	 */
	private void export(String slug, Map<String, String> parameters, Locale locale, HttpServletResponse response,
			ExportFormat format) throws IOException {
		EventInfo event = event(slug, locale);
		RegistrationQuery query = RegistrationQuery.parse(parameters::get, Regions.of(event.country()),
				() -> this.answers.answerable(event.id()));
		char delimiter = format.csv() ? delimiter(parameters.get("delimiter")) : ',';
		OutputStream out = start(response, event, format);
		// The people XLSX writes times as date cells in the reader's language.
		RowWriter writer = format.csv() ? new CsvRowWriter(out, delimiter)
				: new XlsxRowWriter(out, event.slug(), format.people() ? locale : null);
		if (format.people()) {
			writer = new PeopleRowWriter(this.labels.forExport(event, locale, format.csv()), writer);
		}
		this.exports.export(event, query, format, locale, writer);
	}

	/**
	 * The CSV {@code delimiter}: {@code comma} (the default) or {@code semicolon}; the
	 * list page's readable CSV link picks one by the event's country
	 * ({@link CsvDelimiters}).
	 */
	private static char delimiter(String value) {
		if (value == null || value.isBlank() || value.strip().equals(CsvDelimiters.COMMA)) {
			return ',';
		}
		if (value.strip().equals(CsvDelimiters.SEMICOLON)) {
			return ';';
		}
		throw new RegistrationQuery.InvalidParameterException("delimiter", value,
				List.of(CsvDelimiters.COMMA, CsvDelimiters.SEMICOLON));
	}

	@ExceptionHandler
	ModelAndView badParameter(RegistrationQuery.InvalidParameterException ex) {
		return new ModelAndView("export/bad-parameter", ex.pageModel(), HttpStatus.BAD_REQUEST);
	}

	private EventInfo event(String slug, Locale locale) {
		return this.events.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
	}

	private OutputStream start(HttpServletResponse response, EventInfo event, ExportFormat format) throws IOException {
		String fileName = fileName(event, LocalDate.now(this.clock.withZone(event.zone())), format);
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + fileName);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		return response.getOutputStream();
	}

	/**
	 * {@code mexico-workshop-registrations-2028-03-01.csv} ({@code -people-} for the
	 * people export): the slug reduced to {@code [a-z0-9-]}, so the name needs no quoting
	 * or encoding anywhere.
	 */
	static String fileName(EventInfo event, LocalDate today, ExportFormat format) {
		String slug = event.slug().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
		return slug + "-" + format.fileLabel() + "-" + today + "." + format.extension();
	}

}
