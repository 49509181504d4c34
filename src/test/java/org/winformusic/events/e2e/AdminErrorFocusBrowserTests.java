package org.winformusic.events.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * After a refused save of a registration's details or of a new staff user, the focus goes
 * to the list of problems, as in the event editor, so that a screen reader reads them and
 * a keyboard starts there.
 */
class AdminErrorFocusBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theErrorSummaryOfARegistrationsDetailsTakesTheFocus() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(10).create();
		long id = new TestRegistrations(this.jdbc).in(event).person("Rosa Foco").create().id();
		String admin = TestStaff.create(this.jdbc, "foco.ada@win.test", "Ada", StaffRole.ADMIN);
		Page page = open(DESKTOP, "es-MX");
		logIn(page, admin);
		page.navigate(url("/admin/registrations/" + id + "/edit"));
		page.locator("#fullName").fill("");
		page.locator("#phone").fill("no es un teléfono");
		page.locator("form.form button[type=submit]").click();
		assertThat(page.locator(".error-summary")).isVisible();
		assertThat(page.locator(".error-summary")).isFocused();
	}

	@Test
	void theErrorSummaryOfANewStaffUserTakesTheFocus() {
		String admin = TestStaff.create(this.jdbc, "foco.beto@win.test", "Beto", StaffRole.ADMIN);
		Page page = open(DESKTOP, "es-MX");
		logIn(page, admin);
		page.navigate(url("/admin/users"));
		page.locator("#email").fill(admin);
		page.locator("#displayName").fill("Beto otra vez");
		page.locator("#role").selectOption("ORGANIZER");
		page.locator("form.form[action$='/admin/users'] button[type=submit]").click();
		assertThat(page.locator(".error-summary")).isVisible();
		assertThat(page.locator(".error-summary")).isFocused();
	}

}
