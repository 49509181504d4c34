package org.winformusic.events.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exports of events outside Mexico: their headers name the region as the event's
 * country does, as the registrations list and detail pages do.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class ExportByCountryTests {

	private static final int STATE = ExportColumn.STATE.ordinal();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRegionColumnIsNamedAsTheEventsCountryNamesItsRegionsInEveryFormatAndLanguage() throws Exception {
		String mexican = new TestEvents(this.jdbc).event().slugPrefix("region-mx").withoutSeats().create().slug();
		String colombian = new TestEvents(this.jdbc).event()
			.slugPrefix("region-co")
			.country("CO")
			.withoutSeats()
			.create()
			.slug();
		String spanish = new TestEvents(this.jdbc).event()
			.slugPrefix("region-es")
			.country("ES")
			.withoutSeats()
			.create()
			.slug();

		for (String file : List.of("registrations.csv", "people.csv", "registrations.xlsx", "people.xlsx")) {
			assertThat(regionHeader(mexican, file, "es")).as(file).isEqualTo("Estado (entidad)");
			assertThat(regionHeader(mexican, file, "en")).as(file).isEqualTo("State");
			assertThat(regionHeader(colombian, file, "es")).as(file).isEqualTo("Departamento");
			assertThat(regionHeader(colombian, file, "en")).as(file).isEqualTo("Department");
			assertThat(regionHeader(spanish, file, "es")).as(file).isEqualTo("Región");
			assertThat(regionHeader(spanish, file, "en")).as(file).isEqualTo("Region");
		}
	}

	private String regionHeader(String slug, String file, String lang) throws Exception {
		return headers(slug, file, "lang=" + lang).get(STATE);
	}

	List<String> headers(String slug, String file, String query) throws Exception {
		byte[] body = this.mvc.perform(get(java.net.URI.create("/admin/events/" + slug + "/" + file + "?" + query)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		if (file.endsWith(".xlsx")) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				return ExportXlsxTests.values(workbook.getSheetAt(0).getRow(0));
			}
		}
		List<CSVRecord> records = ExportCsvTests.parse(new String(body, StandardCharsets.UTF_8));
		return records.get(0).toList();
	}

}
