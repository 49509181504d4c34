package org.winformusic.events.e2e;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.SelfService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ops, read-only staff, downloads the attendee list for the venue from the registrations
 * list page: a real browser download that spreadsheets and scripts can read.
 */
class ExportJourneyBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	SelfService selfService;

	@Test
	void opsFiltersTheConfirmedPeopleAndDownloadsACsvThatParsesWithTheExpectedRows() throws Exception {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("export-journey").capacity(10).create();
		TestRegistrations.register(this.registrations, "export-journey", "Fernanda Ríos", "fernanda@example.org",
				"Discos \"La Esquina\", S.A.");
		TestRegistrations.register(this.registrations, "export-journey", "Gustavo Lara", "gustavo@example.org",
				"=Sello Lara");
		RegistrationResult leaving = TestRegistrations.register(this.registrations, "export-journey", "Hilda Soto",
				"hilda@example.org", "Sello Soto");
		this.selfService.cancelByToken(leaving.manageToken());
		String ops = TestStaff.create(this.jdbc, "oscar@win.test", "Óscar", StaffRole.OPS);

		Page page = open(DESKTOP, "es-MX");
		logIn(page, ops);
		page.navigate(url("/admin/events/export-journey/registrations"));
		assertThat(page.locator("table.registrations tbody tr")).hasCount(3);
		page.locator("details.filters summary").click();
		page.locator("#status").selectOption("CONFIRMED");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrar")).click();
		assertThat(page.locator("table.registrations tbody tr")).hasCount(2);

		Download download = page.waitForDownload(
				() -> page
					.getByRole(AriaRole.LINK,
							new Page.GetByRoleOptions().setName("CSV para importar (con códigos)").setExact(true))
					.click());
		assertThat(download.suggestedFilename()).matches("export-journey-registrations-\\d{4}-\\d{2}-\\d{2}\\.csv");
		byte[] bytes = Files.readAllBytes(download.path());
		assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");

		List<CSVRecord> rows;
		try (Reader reader = Files.newBufferedReader(download.path(), StandardCharsets.UTF_8)) {
			reader.skip(1);
			CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
			assertThat(parser.getHeaderNames()).startsWith("ID de registro", "Situación", "Nombre completo",
					"Correo electrónico", "Empresa o sello");
			rows = parser.getRecords();
		}
		assertThat(rows).extracting((row) -> row.get("Nombre completo"))
			.containsExactlyInAnyOrder("Fernanda Ríos", "Gustavo Lara");
		assertThat(rows).extracting((row) -> row.get("Situación")).containsOnly("CONFIRMED");
		assertThat(rows).extracting((row) -> row.get("Empresa o sello"))
			.containsExactlyInAnyOrder("Discos \"La Esquina\", S.A.", "'=Sello Lara");
	}

}
