package org.winformusic.events.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSV export as ops and their spreadsheets see it: parsed back with Commons CSV.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class ExportCsvTests {

	static final List<String> ENGLISH_HEADERS = List.of("Registration ID", "Status", "Full name", "Email",
			"Company or label", "Role", "Company type", "State", "City", "Phone", "Interest in the association",
			"How they heard", "Accessibility needs or comments", "Language", "News opt-in", "Privacy consent version",
			"Privacy consent time", "Registered at", "Confirmed at", "Cancelled at", "Checked in at",
			"Waitlist position", "Declined at");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	TestRegistrations data() {
		return new TestRegistrations(this.jdbc);
	}

	@Test
	void everyStoredValueComesBackExactlyInTheDocumentedColumnOrder() throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("round-trip").withoutSeats().create().slug();
		long plain = data.in(slug).create().id();
		long tricky = data.in(slug)
			.fullName("José Peña Ñúñez 🎶 مرحبا \"Pepe\", el de \"Discos\"")
			.company("Sello, \"Quotes\" & Co.\r\nSegunda línea")
			.jobTitle("Director; A&R")
			.comments("Necesito rampa.\nY un intérprete de LSM.\r\n— gracias 🙏")
			.referralSource("Instagram")
			.phone(null)
			.newsOptIn(true)
			.locale("en")
			.companyType("PUBLISHER")
			.state("OUTSIDE_MX")
			.associationInterest("MAYBE")
			.checkedInAt(Instant.parse("2028-04-01T16:05:09Z"))
			.create()
			.id();
		long cancelled = data.in(slug)
			.status("CANCELLED")
			.cancelledAt(Instant.parse("2028-03-05T00:30:00Z"))
			.create()
			.id();

		List<CSVRecord> records = parse(export(slug, "lang=en"));

		assertThat(records.get(0).toList()).isEqualTo(ENGLISH_HEADERS);
		assertThat(records).hasSize(4);
		assertThat(records.get(1).toList()).containsExactly(Long.toString(plain), "CONFIRMED", "Ana Pérez",
				records.get(1).get(3), "Discos Roma", "Directora", "INDEPENDENT_LABEL", "CMX", "Ciudad de México",
				"55 1234 5678", "YES", "", "", "es", "false", "2028-01", "2028-03-01T10:15:00-06:00",
				"2028-03-01T10:15:00-06:00", "2028-03-01T10:15:30-06:00", "", "", "", "");
		assertThat(records.get(2).toList()).containsExactly(Long.toString(tricky), "CONFIRMED",
				"José Peña Ñúñez 🎶 مرحبا \"Pepe\", el de \"Discos\"", records.get(2).get(3),
				"Sello, \"Quotes\" & Co.\r\nSegunda línea", "Director; A&R", "PUBLISHER", "OUTSIDE_MX",
				"Ciudad de México", "", "MAYBE", "Instagram",
				"Necesito rampa.\nY un intérprete de LSM.\r\n— gracias 🙏", "en", "true", "2028-01",
				"2028-03-01T10:15:00-06:00", "2028-03-01T10:15:00-06:00", "2028-03-01T10:15:30-06:00", "",
				"2028-04-01T10:05:09-06:00", "", "");
		assertThat(records.get(3).get(0)).isEqualTo(Long.toString(cancelled));
		assertThat(records.get(3).get(1)).isEqualTo("CANCELLED");
		assertThat(records.get(3).get(19)).isEqualTo("2028-03-04T18:30:00-06:00");
	}

	@Test
	void aDeclinedRegistrationShowsWhenItWasDeclinedInTheLastStandardColumnOfEveryFormat() throws Exception {
		TestRegistrations data = data();
		TestEvents events = new TestEvents(this.jdbc);
		String slug = events.event().slugPrefix("declined").withoutSeats().create().slug();
		// A question of the event's own: its column stays after every standard one.
		events.question(events.id(slug), "SHORT_TEXT", "Sello", "Label", false);
		long confirmed = data.in(slug).fullName("Ana Confirmada").create().id();
		long declined = data.in(slug).fullName("Beto Rechazado").status("DECLINED").confirmedAt(null).create().id();
		this.jdbc.sql("update registration set declined_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.parse("2028-03-05T00:30:00Z")), declined)
			.update();
		int column = ENGLISH_HEADERS.size() - 1;

		List<CSVRecord> exact = parse(export(slug, "lang=en"));
		assertThat(exact.get(0).get(column)).isEqualTo("Declined at");
		assertThat(exact.get(0).get(column + 1)).isEqualTo("Label");
		assertThat(exact.get(1).get(0)).isEqualTo(Long.toString(confirmed));
		assertThat(exact.get(1).get(column)).isEmpty();
		assertThat(exact.get(2).get(0)).isEqualTo(Long.toString(declined));
		assertThat(exact.get(2).get(column)).isEqualTo("2028-03-04T18:30:00-06:00");
		assertThat(parse(export(slug, "lang=es")).get(0).get(column)).isEqualTo("Fecha de rechazo");

		List<CSVRecord> people = parse(export(slug, "people.csv", "lang=en"));
		assertThat(people.get(0).get(column)).isEqualTo("Declined at (Mexico City time)");
		assertThat(people.get(1).get(column)).isEmpty();
		assertThat(people.get(2).get(column)).isEqualTo("4 Mar 2028, 18:30");
		assertThat(parse(export(slug, "people.csv", "lang=es")).get(0).get(column))
			.isEqualTo("Fecha de rechazo (hora de la Ciudad de México)");

		Map<String, String> xlsxFiles = Map.of("registrations.xlsx", "2028-03-04T18:30:00-06:00", "people.xlsx",
				"4 Mar 2028, 18:30");
		for (Map.Entry<String, String> file : xlsxFiles.entrySet()) {
			byte[] xlsx = this.mvc.perform(get("/admin/events/" + slug + "/" + file.getKey() + "?lang=en"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				Sheet sheet = workbook.getSheetAt(0);
				assertThat(sheet.getRow(0).getCell(column).getStringCellValue()).as(file.getKey())
					.startsWith("Declined at");
				assertThat(sheet.getRow(1).getCell(column).getStringCellValue()).as(file.getKey()).isEmpty();
				// The exact file's ISO text; the readable file's date cell as Excel shows
				// it.
				assertThat(new DataFormatter(Locale.ENGLISH).formatCellValue(sheet.getRow(2).getCell(column)))
					.as(file.getKey())
					.isEqualTo(file.getValue());
			}
		}
	}

	/**
	 * An erased registration stays in the export for the counts (status, dates, state),
	 * with no address: its placeholder is nothing to import into a mailing list.
	 */
	@Test
	void anErasedRegistrationHasNoAddressInEitherCsv() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("erased").withoutSeats().create().slug();
		long erased = data().in(slug).fullName("Berta Borrada").create().id();
		this.jdbc.sql("""
				update registration set full_name = '—', email = 'anonymized-' || id || '@invalid',
				  anonymized_at = now() where id = ?
				""").param(erased).update();

		List<CSVRecord> exact = parse(export(slug, "lang=en"));
		assertThat(exact.get(1).get(0)).isEqualTo(Long.toString(erased));
		assertThat(exact.get(1).get(3)).isEmpty();
		List<CSVRecord> people = parse(export(slug, "people.csv", "lang=en"));
		assertThat(people.get(1).get(3)).isEmpty();
		assertThat(export(slug, "lang=en") + export(slug, "people.csv", "lang=en")).doesNotContain("@invalid");
	}

	@Test
	void headersFollowTheRequestersLanguageSpanishByDefault() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("spanish").withoutSeats().create().slug();
		List<String> spanish = parse(export(slug, "")).get(0).toList();
		assertThat(spanish).hasSize(ENGLISH_HEADERS.size());
		assertThat(spanish.get(0)).isEqualTo("ID de registro");
		assertThat(spanish.get(2)).isEqualTo("Nombre completo");
		assertThat(spanish.get(21)).isEqualTo("Número en la lista de espera");
	}

	@Test
	void formulaPayloadsOpenAsTextAndTheColumnCountStaysStable() throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("injection").withoutSeats().create().slug();
		Map<String, String> expected = new java.util.LinkedHashMap<>();
		expected.put("=1+1", "'=1+1");
		expected.put("+1", "'+1");
		expected.put("-1", "'-1");
		expected.put("@SUM(1)", "'@SUM(1)");
		expected.put("\t=1", "'\t'=1");
		expected.put("\r=1", "'\r'=1");
		expected.put("\n=1", "'\n'=1");
		expected.put("=HYPERLINK(\"http://x?\"&A1)", "'=HYPERLINK(\"http://x?\"&A1)");
		// Split on the comma (or on a semicolon in the other file), the part after it
		// starts a cell too.
		expected.put("x\",=1+1", "x\",'=1+1");
		for (String payload : expected.keySet()) {
			data.in(slug).fullName(payload).company(payload).comments(payload).phone("+52 55 1234 5678").create();
		}

		List<CSVRecord> rows = parse(export(slug, "lang=en"));

		assertThat(rows).hasSize(expected.size() + 1);
		List<String> payloads = List.copyOf(expected.values());
		for (int i = 0; i < payloads.size(); i++) {
			CSVRecord row = rows.get(i + 1);
			assertThat(row.size()).isEqualTo(ENGLISH_HEADERS.size());
			assertThat(row.get(2)).isEqualTo(payloads.get(i));
			assertThat(row.get(4)).isEqualTo(payloads.get(i));
			assertThat(row.get(12)).isEqualTo(payloads.get(i));
			assertThat(row.get(9)).isEqualTo("'+52 55 1234 5678");
		}
	}

	@Test
	void questionLabelsThatLookLikeFormulasAreGuardedInTheHeaderToo() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		String slug = events.event().slugPrefix("header-injection").withoutSeats().create().slug();
		long eventId = events.id(slug);
		events.question(eventId, "SHORT_TEXT", "=Sello favorito", "=Favourite label", false);
		events.question(eventId, "SHORT_TEXT", "@SUM(1)", " +1", false);
		events.question(eventId, "SHORT_TEXT", "Sello", "Label", false);
		data().in(slug).create();

		for (String file : List.of("registrations.csv", "people.csv")) {
			List<String> spanish = parse(export(slug, file, "lang=es")).get(0).toList();
			assertThat(spanish.subList(ENGLISH_HEADERS.size(), spanish.size())).as(file)
				.containsExactly("'=Sello favorito", "'@SUM(1)", "Sello");
			List<String> english = parse(export(slug, file, "lang=en")).get(0).toList();
			assertThat(english.subList(ENGLISH_HEADERS.size(), english.size())).as(file)
				.containsExactly("'=Favourite label", "' +1", "Label");
		}
	}

	@Test
	void fileStartsWithAByteOrderMarkAndIsADownloadNobodyCaches() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("headers").withoutSeats().create().slug();
		data().in(slug).create();
		String today = LocalDate.now(this.clock.withZone(ZoneId.of("America/Mexico_City"))).toString();
		String fileName = slug + "-registrations-" + today + ".csv";

		MvcResult result = this.mvc.perform(get("/admin/events/" + slug + "/registrations.csv"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv; charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + fileName))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();

		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n").doesNotContain("\r\n\r\n");
		assertThat(text.split("\r\n")).hasSize(2);
	}

	@Test
	void semicolonDelimiterForSpreadsheetsInSemicolonLocales() throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("semicolon").withoutSeats().create().slug();
		data.in(slug).company("Uno; dos, tres").create();

		String body = export(slug, "delimiter=semicolon&lang=en");

		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setDelimiter(';')
			.get()
			.parse(new StringReader(body.substring(1)))
			.getRecords();
		assertThat(rows.get(0).toList()).isEqualTo(ENGLISH_HEADERS);
		assertThat(rows.get(1).get(4)).isEqualTo("Uno; dos, tres");
		assertThat(body).contains("\"Uno; dos, tres\"").startsWith("\uFEFFRegistration ID;Status;");
	}

	@Test
	void eachFilterSelectsTheSameRegistrationsAsTheEquivalentSql() throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("filters").withoutSeats().create().slug();
		// Checked in: only a confirmed registration can be (a database constraint).
		data.in(slug).fullName("José Álvarez").checkedInAt(Instant.parse("2028-04-01T16:00:00Z")).create();
		data.in(slug)
			.fullName("Maria Lopez")
			.company("Sello 100% Indie_MX")
			.status("WAITLISTED")
			.confirmedAt(null)
			.companyType("DISTRIBUTOR")
			.state("JAL")
			.associationInterest("NO")
			.create();
		data.in(slug)
			.email("JOSE.OTHER@EXAMPLE.ORG")
			.status("PENDING")
			.confirmedAt(null)
			.state("NLE")
			.associationInterest("MAYBE")
			.create();
		data.in(slug)
			.status("CANCELLED")
			.companyType("OTHER")
			.cancelledAt(Instant.parse("2028-03-02T16:00:00Z"))
			.create();
		long eventId = new TestEvents(this.jdbc).id(slug);

		Map<String, String> filters = new java.util.LinkedHashMap<>();
		filters.put("q=JOSE", "search_text like '%jose%'");
		filters.put("q=%C3%A1lvarez", "search_text like '%alvarez%'");
		filters.put("q=100%25", "search_text like '%100\\%%'");
		filters.put("q=indie_mx", "search_text like '%indie\\_mx%'");
		filters.put("q=nobody", "false");
		filters.put("status=WAITLISTED", "status = 'WAITLISTED'");
		filters.put("status=cancelled", "status = 'CANCELLED'");
		filters.put("companyType=DISTRIBUTOR", "company_type = 'DISTRIBUTOR'");
		filters.put("state=NLE", "state = 'NLE'");
		filters.put("associationInterest=YES", "association_interest = 'YES'");
		filters.put("checkedIn=true", "checked_in_at is not null");
		filters.put("checkedIn=false", "checked_in_at is null");
		filters.put("checkedIn=yes", "checked_in_at is not null");
		filters.put("checkedIn=NO", "checked_in_at is null");
		filters.put("status=&state=&q=", "true");
		filters.put("status=CONFIRMED&companyType=INDEPENDENT_LABEL&q=jos",
				"status = 'CONFIRMED' and " + "company_type = 'INDEPENDENT_LABEL' and search_text like '%jos%'");
		for (Map.Entry<String, String> filter : filters.entrySet()) {
			List<String> expected = this.jdbc
				.sql("select id from registration where event_id = ? and (" + filter.getValue() + ") order by id")
				.param(eventId)
				.query(String.class)
				.list();
			List<String> exported = parse(export(slug, filter.getKey())).stream().skip(1).map((r) -> r.get(0)).toList();
			assertThat(exported).as(filter.getKey()).isEqualTo(expected);
		}
		assertThat(parse(export(slug, "q=jose")).size() - 1).isEqualTo(2);
	}

	@Test
	void rowsComeInTheListPagesOrder() throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("order").withoutSeats().create().slug();
		// ASCII names: the order of accented letters depends on the database's collation.
		for (String name : List.of("bea", "Dora", "Carla", "ana")) {
			data.in(slug).fullName(name).create();
		}

		assertThat(names(slug, "")).containsExactly("bea", "Dora", "Carla", "ana");
		assertThat(names(slug, "sort=name")).containsExactly("ana", "bea", "Carla", "Dora");
		assertThat(names(slug, "sort=name&dir=desc")).containsExactly("Dora", "Carla", "bea", "ana");
		assertThat(names(slug, "sort=nonsense")).containsExactly("bea", "Dora", "Carla", "ana");
	}

	private List<String> names(String slug, String query) throws Exception {
		return parse(export(slug, query)).stream().skip(1).map((r) -> r.get(2)).toList();
	}

	@Test
	void waitlistPositionsCountTheWholeWaitlistWhateverTheFilter() throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("waitlist").withoutSeats().create().slug();
		data.in(slug).create();
		for (String name : List.of("Primera", "Segunda", "Tercera")) {
			data.in(slug).fullName(name).status("WAITLISTED").confirmedAt(null).create();
		}

		List<CSVRecord> all = parse(export(slug, ""));
		assertThat(all.stream().skip(1).map((r) -> r.get(21))).containsExactly("", "1", "2", "3");
		List<CSVRecord> second = parse(export(slug, "q=segunda"));
		assertThat(second).hasSize(2);
		assertThat(second.get(1).get(21)).isEqualTo("2");
	}

	@Test
	void anInvalidFilterValueGetsAClearPageInTheReadersLanguage() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("bad-filter").withoutSeats().create().slug();
		this.mvc.perform(get("/admin/events/" + slug + "/registrations.csv?status=CONFIRMADO&lang=en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("The filter “status” does not accept the value “CONFIRMADO”.")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("WAITLISTED")));
		this.mvc.perform(get("/admin/events/" + slug + "/registrations.csv?checkedIn=si&lang=es"))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("El filtro “checkedIn” no acepta el valor “si”.")));
		this.mvc.perform(get("/admin/events/" + slug + "/registrations.csv?delimiter=tab&lang=en"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/admin/events/" + slug + "/registrations.xlsx?state=XX&lang=en"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anUnknownEventIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/events/no-such-event/registrations.csv")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void organizersMayExport() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("organizer").withoutSeats().create().slug();
		this.mvc.perform(get("/admin/events/" + slug + "/registrations.csv")).andExpect(status().isOk());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminsMayExport() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("admin").withoutSeats().create().slug();
		this.mvc.perform(get("/admin/events/" + slug + "/registrations.xlsx")).andExpect(status().isOk());
	}

	String export(String slug, String query) throws Exception {
		return export(slug, "registrations.csv", query);
	}

	String export(String slug, String file, String query) throws Exception {
		// A URI, not a template: the query is already percent-encoded.
		MvcResult result = this.mvc
			.perform(get(java.net.URI.create("/admin/events/" + slug + "/" + file + "?" + query)))
			.andExpect(status().isOk())
			.andReturn();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	static List<CSVRecord> parse(String body) throws IOException {
		assertThat(body).startsWith("\uFEFF");
		return CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
	}

}
