package org.winformusic.events.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people export, beside the exact one: the same rows and filters, in words the staff
 * member reads in their language, times in the event's zone with the zone named.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class PeopleExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSpanishStaffMemberGetsExcelInSpanishWordsWithAForeignPhoneUnguarded() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("people-xlsx").withoutSeats().create().slug();
		data.in(slug)
			.phone("+573001234567")
			.state("JAL")
			.associationInterest("MAYBE")
			.newsOptIn(true)
			.checkedInAt(Instant.parse("2028-04-01T16:05:09Z"))
			.create();

		MvcResult result = this.mvc.perform(get("/admin/events/" + slug + "/people.xlsx?lang=es"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", containsString(slug + "-people-")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn();

		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isOne();
			Map<String, Cell> row = byHeader(sheet.getRow(0), sheet.getRow(1));
			assertThat(text(row, "Situación")).isEqualTo("Confirmado");
			assertThat(text(row, "Tipo de empresa")).isEqualTo("Sello independiente");
			assertThat(text(row, "Estado (entidad)")).isEqualTo("Jalisco");
			assertThat(text(row, "Interés en la asociación")).isEqualTo("Tal vez");
			assertThat(text(row, "Acepta noticias")).isEqualTo("Sí");
			assertThat(text(row, "Idioma")).isEqualTo("Español");
			// Date cells (they sort as dates), shown as the CSV writes them.
			assertThat(time(row, "Fecha de registro (hora de la Ciudad de México)"))
				.isEqualTo(LocalDateTime.parse("2028-03-01T10:15"));
			assertThat(time(row, "Fecha de entrada (hora de la Ciudad de México)"))
				.isEqualTo(LocalDateTime.parse("2028-04-01T10:05:09"));
			assertThat(row.get("Fecha de registro (hora de la Ciudad de México)").getCellStyle().getDataFormatString())
				.isEqualTo("[$-80A]d mmm yyyy, hh:mm");
			assertThat(new DataFormatter(Locale.forLanguageTag("es-MX"))
				.formatCellValue(row.get("Fecha de entrada (hora de la Ciudad de México)")))
				.matches("1 abr\\.? 2028, 10:05");
			assertThat(row.get("ID de registro").getCellType()).isEqualTo(CellType.NUMERIC);
			ExportXlsxTests.assertHeaderRowIsBoldFrozenAndFiltered(workbook, sheet, row.size());
			assertThat(row.get("Teléfono").getCellType()).isEqualTo(CellType.STRING);
			assertThat(text(row, "Teléfono")).isEqualTo("+57 300 1234567").doesNotStartWith("'");
			assertThat(row.get("Teléfono").getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void theCsvHasHeadersAndValuesInEnglishWords() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("people-csv").withoutSeats().create().slug();
		long id = data.in(slug)
			.companyType("PUBLISHER")
			.state("OUTSIDE_MX")
			.associationInterest("NO")
			.locale("en")
			.create()
			.id();
		String email = this.jdbc.sql("select email from registration where id = ?")
			.param(id)
			.query(String.class)
			.single();

		MvcResult result = this.mvc.perform(get("/admin/events/" + slug + "/people.csv?lang=en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv; charset=UTF-8"))
			.andReturn();
		List<CSVRecord> records = ExportCsvTests
			.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));

		assertThat(records).hasSize(2);
		assertThat(records.get(0).toList()).containsExactly("Registration ID", "Status", "Full name", "Email",
				"Company or label", "Role", "Company type", "State", "City", "Phone", "Interest in the association",
				"How they heard", "Accessibility needs or comments", "Language", "News opt-in",
				"Privacy consent version", "Privacy consent time (Mexico City time)",
				"Registered at (Mexico City time)", "Confirmed at (Mexico City time)",
				"Cancelled at (Mexico City time)", "Checked in at (Mexico City time)", "Waitlist position",
				"Declined at (Mexico City time)");
		assertThat(records.get(1).toList()).containsExactly(Long.toString(id), "Confirmed", "Ana Pérez", email,
				"Discos Roma", "Directora", "Publisher", "Outside Mexico", "Ciudad de México", "55 1234 5678", "No", "",
				"", "English", "No", "2028-01", "1 Mar 2028, 10:15", "1 Mar 2028, 10:15", "1 Mar 2028, 10:15", "", "",
				"", "");
	}

	@Test
	void phonesReadAsTheRegistrationPageShowsThemNotAsNumbersASpreadsheetMangles() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		String mexican = new TestEvents(this.jdbc).event().slugPrefix("people-phone-mx").withoutSeats().create().slug();
		String colombian = new TestEvents(this.jdbc).event()
			.slugPrefix("people-phone-co")
			.country("CO")
			.withoutSeats()
			.create()
			.slug();
		data.in(mexican).fullName("Ana").phone("+525512345678").create();
		data.in(mexican).fullName("Bea").phone("+573001234567").create();
		data.in(mexican).fullName("Carla").phone("+525512345678 ext. 12").create();
		data.in(mexican).fullName("Dora").phone("no tengo").create();
		data.in(colombian).fullName("Eva").state("ANT").city("Medellín").phone("+573001234567").create();

		assertThat(phones(mexican, "people.csv")).containsExactly("55 1234 5678", "'+57 300 1234567",
				"55 1234 5678 ext. 12", "no tengo");
		assertThat(phones(colombian, "people.csv")).containsExactly("300 1234567");
		// The exact export keeps E.164, as documented for scripts (guarded when more than
		// a
		// plain number).
		assertThat(phones(mexican, "registrations.csv")).containsExactly("+525512345678", "+573001234567",
				"'+525512345678 ext. 12", "no tengo");

		byte[] xlsx = this.mvc.perform(get("/admin/events/" + mexican + "/people.xlsx?lang=en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(byHeader(sheet.getRow(0), sheet.getRow(1)).get("Phone").getStringCellValue())
				.isEqualTo("55 1234 5678");
		}
	}

	private List<String> phones(String slug, String file) throws Exception {
		String body = this.mvc.perform(get("/admin/events/" + slug + "/" + file + "?lang=en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return ExportCsvTests.parse(body).stream().skip(1).map((r) -> r.get(ExportColumn.PHONE.ordinal())).toList();
	}

	@Test
	void theSameFiltersAccessRulesAndAuditAsTheExactExport() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("people-rules").withoutSeats().create().slug();
		long eventId = new TestEvents(this.jdbc).id(slug);
		data.in(slug).fullName("Zoé Confirmada").create();
		data.in(slug).fullName("Wendy Espera").status("WAITLISTED").confirmedAt(null).create();

		String body = this.mvc.perform(get("/admin/events/" + slug + "/people.csv?lang=en&status=WAITLISTED"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<CSVRecord> rows = ExportCsvTests.parse(body);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(2)).isEqualTo("Wendy Espera");
		assertThat(rows.get(1).get(1)).isEqualTo("Waitlisted");
		assertThat(rows.get(1).get(21)).isEqualTo("1");
		this.mvc.perform(get("/admin/events/" + slug + "/people.xlsx?status=SOMETIMES"))
			.andExpect(status().isBadRequest());

		assertThat(this.jdbc.sql("select details from audit_log where event_id = ? and action = ? order by id")
			.params(eventId, ExportAudit.ACTION)
			.query(String.class)
			.list()).containsExactly("format=PEOPLE_CSV, rows=1, status=WAITLISTED");

		this.mvc.perform(get("/admin/events/" + slug + "/people.xlsx").with(anonymous()).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/events/" + slug + "/people.csv").with(anonymous()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void theRegistrationsListLinksToThePeopleExportWithItsFilter() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("people-link").withoutSeats().create().slug();
		this.mvc.perform(get("/admin/events/" + slug + "/registrations?status=CONFIRMED&lang=en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/events/" + slug + "/people.xlsx?status=CONFIRMED")))
			.andExpect(content().string(containsString("Readable Excel")))
			.andExpect(content().string(containsString("/admin/events/" + slug + "/people.csv?status=CONFIRMED")));
	}

	/**
	 * A person looking for the list opens the first button: the readable files come first
	 * (Excel as the main button), the exact ones after them, labelled as the files for
	 * imports, at the URLs scripts use.
	 */
	@Test
	@WithMockUser(roles = "OPS")
	void theReadableFilesComeFirstAndTheExactOnesSayTheyAreForImports() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("people-first").withoutSeats().create().slug();
		String spanish = list(slug, "status=CONFIRMED&lang=es");
		List<String> links = new java.util.ArrayList<>();
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile("<a class=\"(button[^\"]*)\" href=\"/admin/events/" + slug
					+ "/(people|registrations)\\.(csv|xlsx)[^\"]*\"[^>]*>([^<]*)</a>")
			.matcher(spanish);
		while (link.find()) {
			links.add(link.group(4) + " → " + link.group(2) + "." + link.group(3)
					+ (link.group(1).contains("secondary") ? "" : " (main)"));
		}
		assertThat(links).containsExactly("Excel para consulta → people.xlsx (main)", "CSV para consulta → people.csv",
				"CSV para importar (con códigos) → registrations.csv",
				"Excel para importar (con códigos) → registrations.xlsx");
		assertThat(spanish).doesNotContain("Exportar CSV")
			.contains("Para importaciones y scripts: los datos tal como se guardan, con códigos en lugar de nombres");
		assertThat(list(slug, "lang=en")).contains(">Readable Excel</a>")
			.contains(">CSV for imports (with codes)</a>")
			.contains(">Excel for imports (with codes)</a>")
			.doesNotContain("Export CSV");
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void theReadableCsvLinkSplitsAsTheEventsCountrysSpreadsheetsDoAndOffersTheOther() throws Exception {
		String colombian = new TestEvents(this.jdbc).event()
			.slugPrefix("people-sep-co")
			.country("CO")
			.withoutSeats()
			.create()
			.slug();
		String mexican = new TestEvents(this.jdbc).event().slugPrefix("people-sep-mx").withoutSeats().create().slug();

		String colombianList = list(colombian, "status=CONFIRMED&lang=en");
		String people = "/admin/events/" + colombian + "/people.csv";
		assertThat(colombianList).contains("href=\"" + people + "?status=CONFIRMED&amp;delimiter=semicolon\"")
			.contains("href=\"" + people + "?status=CONFIRMED\"")
			.contains("All in one column? Download the readable CSV separated by commas")
			// The exact export stays RFC 4180 for scripts and imports.
			.contains("/admin/events/" + colombian + "/registrations.csv?status=CONFIRMED\"");
		assertThat(list(colombian, "lang=es")).contains("href=\"" + people + "?delimiter=semicolon\"")
			.contains("¿Se ve todo en una sola columna? Descarga el CSV para consulta separado por comas");

		people = "/admin/events/" + mexican + "/people.csv";
		assertThat(list(mexican, "lang=es")).contains("href=\"" + people + "\"")
			.contains("href=\"" + people + "?delimiter=semicolon\"")
			.contains("separado por punto y coma");

		String file = this.mvc.perform(get("/admin/events/" + colombian + "/people.csv?delimiter=semicolon&lang=es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(file).startsWith("\uFEFFID de registro;Situación;");
	}

	private String list(String slug, String query) throws Exception {
		return this.mvc.perform(get(java.net.URI.create("/admin/events/" + slug + "/registrations?" + query)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static Map<String, Cell> byHeader(Row header, Row row) {
		Map<String, Cell> cells = new LinkedHashMap<>();
		for (Cell cell : header) {
			cells.put(cell.getStringCellValue(), row.getCell(cell.getColumnIndex()));
		}
		return cells;
	}

	private static LocalDateTime time(Map<String, Cell> row, String header) {
		assertThat(row).containsKey(header);
		assertThat(row.get(header).getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(DateUtil.isCellDateFormatted(row.get(header))).isTrue();
		return row.get(header).getLocalDateTimeCellValue();
	}

	private static String text(Map<String, Cell> row, String header) {
		assertThat(row).containsKey(header);
		return row.get(header).getStringCellValue();
	}

}
