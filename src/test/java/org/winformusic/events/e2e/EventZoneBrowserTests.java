package org.winformusic.events.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WIN prepares the workshop's next country: in the event editor, choosing Spain moves the
 * prefilled Mexico City time zone to Madrid's, and the event page then says "hora de
 * Madrid". A zone the organizer typed stays, whatever country comes next.
 */
class EventZoneBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void choosingSpainMovesTheZoneToMadridUnlessTheOrganizerTypedOne() {
		String organizer = TestStaff.create(this.jdbc, "zone-journey@win.test", "Nuria", StaffRole.ORGANIZER);
		Page page = open(DESKTOP, "es-ES");
		logIn(page, organizer);
		page.navigate(url("/admin/events/new"));
		assertThat(page.locator("#timeZone")).hasValue("America/Mexico_City");

		page.locator("#country").selectOption("ES");
		assertThat(page.locator("#timeZone")).hasValue("Europe/Madrid");
		assertThat(page.getByRole(AriaRole.STATUS))
			.hasText("La zona horaria cambió a Europe/Madrid, la del país que elegiste.");
		page.locator("#country").selectOption("CO");
		assertThat(page.locator("#timeZone")).hasValue("America/Bogota");
		page.locator("#country").selectOption("ES");
		assertThat(page.locator("#timeZone")).hasValue("Europe/Madrid");
		assertAccessible(page);

		page.locator("#slug").fill("taller-madrid-zona");
		page.locator("#titleEs").fill("Taller en Madrid");
		page.locator("#titleEn").fill("Workshop in Madrid");
		page.locator("#summaryEs").fill("Resumen");
		page.locator("#summaryEn").fill("Summary");
		page.locator("#descriptionEs").fill("Descripción");
		page.locator("#descriptionEn").fill("Description");
		page.locator("#startsAt").fill("2029-05-10T10:00");
		page.locator("#endsAt").fill("2029-05-10T14:00");
		page.locator("#venueName").fill("Sede");
		page.locator("#venueAddress").fill("Calle de Alcalá 1, Madrid");
		page.locator("input[type=checkbox][name=published]").check();
		page.locator("form.form button[type=submit]").first().click();
		assertThat(page.locator(".notice--ok")).isVisible();
		assertThat(this.jdbc.sql("select time_zone from event where slug = 'taller-madrid-zona'")
			.query(String.class)
			.single()).isEqualTo("Europe/Madrid");
		page.navigate(url("/events/taller-madrid-zona"));
		assertThat(page.locator(".facts")).containsText("jueves 10 de mayo de 2029, 10:00–14:00 (hora de Madrid)");

		// Typed by hand, the zone is the organizer's: another country leaves it.
		page.navigate(url("/admin/events/new"));
		page.locator("#country").selectOption("ES");
		page.locator("#timeZone").fill("Atlantic/Canary");
		page.locator("#country").selectOption("PT");
		assertThat(page.locator("#timeZone")).hasValue("Atlantic/Canary");
	}

	@Test
	void withoutTheScriptAZoneLeftForAnotherCountryIsRefusedNextToTheFieldNamingBoth() {
		String organizer = TestStaff.create(this.jdbc, "zone-plain@win.test", "Pilar", StaffRole.ORGANIZER);
		Page page = open(PHONE, "es-ES");
		// (Its URL carries a content hash: /js/event-zone-<hash>.js.)
		page.route("**/js/event-zone*.js", Route::abort);
		logIn(page, organizer);
		page.navigate(url("/admin/events/new?from=mexico-workshop"));
		page.locator("#slug").fill("taller-madrid-sin-script");
		page.locator("#country").selectOption("ES");
		assertThat(page.locator("#timeZone")).hasValue("America/Mexico_City");
		page.locator("#startsAt").fill("2029-05-10T10:00");
		page.locator("#endsAt").fill("2029-05-10T14:00");
		page.locator("#venueName").fill("Sede");
		page.locator("#venueAddress").fill("Madrid");
		page.locator("form.form button[type=submit]").first().click();

		assertThat(page.locator("#timeZone-error")).containsText(
				"America/Mexico_City (hora de la Ciudad de México) no es una zona horaria de España. La zona horaria"
						+ " principal de España es Europe/Madrid (hora de Madrid)");
		assertThat(page.locator("#zoneConfirmed")).not().isChecked();
		assertThat(page.locator("#venueAddress")).hasValue("Madrid");
		assertAccessible(page);
		page.locator("#timeZone").scrollIntoViewIfNeeded();
		screenshotOfWindow(page, "editor-zone-refused-390");

		page.locator("#timeZone").fill("Europe/Madrid");
		page.locator("form.form button[type=submit]").first().click();
		assertThat(page.locator(".notice--ok")).isVisible();
		assertThat(this.jdbc.sql("select time_zone from event where slug = 'taller-madrid-sin-script'")
			.query(String.class)
			.single()).isEqualTo("Europe/Madrid");
	}

}
