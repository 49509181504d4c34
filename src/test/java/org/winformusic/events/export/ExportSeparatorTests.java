package org.winformusic.events.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Excel splits a CSV on the computer's list separator, not on the file's: the comma file
 * may be opened split on semicolons and the semicolon file on commas (the list page tells
 * staff to take the other one when everything lands in one column). A registrant who
 * types {@code Sello;=1+2} as their company must not get a cell that starts with a
 * formula in either reading, and the right reading still gives back what they typed,
 * guarded.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class ExportSeparatorTests {

	private static final String COMPANY = "Sello;=1+2";

	private static final String CITY = "CDMX,=3+4";

	private static final String JOB = "A&R\t@SUM(1);  -5, \"+6\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noCellStartsWithAFormulaWhicheverSeparatorTheSpreadsheetSplitsOn() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("separators").withoutSeats().create().slug();
		new TestRegistrations(this.jdbc).in(slug).company(COMPANY).city(CITY).jobTitle(JOB).create();

		for (String file : List.of("registrations.csv", "people.csv")) {
			String comma = export(slug, file, "");
			String semicolon = export(slug, file, "delimiter=semicolon");
			// Read as the file says: the values come back as typed, guarded where a cell
			// could start.
			assertThat(ExportCsvTests.parse(comma).get(1).values()).contains("Sello;'=1+2", "CDMX,'=3+4");
			assertThat(semicolon).contains("\"Sello;'=1+2\"", "\"CDMX,'=3+4\"");
			// Read split on the other separator (or on tabs), quotes or not.
			assertNoFormulaCell(file + " split on ;", comma, ";");
			assertNoFormulaCell(file + " split on tabs", comma, "\t");
			assertNoFormulaCell(file + " (semicolon) split on ,", semicolon, ",");
			assertNoFormulaCell(file + " (semicolon) split on tabs", semicolon, "\t");
			assertNoFormulaCell(file + " split on ,", comma, ",");
			assertNoFormulaCell(file + " (semicolon) split on ;", semicolon, ";");
		}
	}

	/**
	 * Every cell the file falls into when split on {@code separator} and on line breaks,
	 * taking quotes as plain characters (as a reader whose separator does not match the
	 * file's quoting does): none starts with a formula sign after blanks and quotes.
	 */
	private static void assertNoFormulaCell(String reading, String body, String separator) {
		List<String> cells = new ArrayList<>();
		for (String line : body.substring(1).split("\r\n|\r|\n")) {
			for (String cell : line.split(java.util.regex.Pattern.quote(separator), -1)) {
				cells.add(cell.replaceAll("^[\\s\"]+", ""));
			}
		}
		assertThat(cells).as(reading)
			.isNotEmpty()
			.noneMatch((cell) -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
	}

	private String export(String slug, String file, String query) throws Exception {
		byte[] body = this.mvc.perform(get("/admin/events/" + slug + "/" + file + "?" + query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return new String(body, StandardCharsets.UTF_8);
	}

}
