package org.winformusic.events.e2e;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.registration.CheckIns;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Every page, as a visitor and as staff sees it, on a phone and on a laptop, including
 * pages showing validation errors and confirmations: no serious or critical axe
 * violation. Key pages are saved as screenshots for people to look at. (Home, event,
 * privacy and 404 pages: {@link PublicPagesBrowserTests}.)
 */
class AccessibilityBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckIns checkIns;

	@Autowired
	CheckinPasses passes;

	@Test
	void registrationFormsManagePagesAndLookupPassAccessibilityChecksAlsoWithErrors() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("a11y-public").capacity(20).create();
		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			page.navigate(url("/events/a11y-public/register"));
			assertAccessible(page);

			RegistrationJourneyBrowserTests.fill(page, "Rosa Martínez", "rosa" + width + "@", "");
			RegistrationJourneyBrowserTests.submit(page);
			assertThat(page.locator(".error-summary")).isVisible();
			assertThat(page.locator(".field--error")).hasCount(2);
			assertAccessible(page);
			screenshot(page, "register-errors-" + width);

			page.locator("#email").fill("rosa" + width + "@example.org");
			page.locator("#company").fill("Discos Rosa");
			RegistrationJourneyBrowserTests.submit(page);
			page.waitForURL(Pattern.compile(".*/r/[A-Za-z0-9_-]{43}\\?new$"));
			String manage = page.url();
			assertAccessible(page);
			screenshot(page, "manage-" + width);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cambiar mis datos")).click();
			assertAccessible(page);
			page.locator("#fullName").fill("");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar cambios")).click();
			assertThat(page.locator(".error-summary")).isVisible();
			assertAccessible(page);

			page.navigate(manage);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancelar mi registro")).click();
			assertThat(page.locator("h1")).hasText("¿Cancelar tu registro?");
			assertAccessible(page);

			page.navigate(url("/events/a11y-public/lookup"));
			assertAccessible(page);
			page.locator("#email").fill("rosa" + width + "@example.org");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviarme mi enlace")).click();
			assertThat(page.locator(".notice--ok")).isVisible();
			assertAccessible(page);
		}
	}

	@Test
	void everyAdminPagePassesAccessibilityChecksAlsoWithErrorsAndConfirmations() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("a11y-admin").capacity(30).create();
		RegistrationResult first = TestRegistrations.register(this.registrations, "a11y-admin",
				"Alejandro Fernández Villalobos", "alejandro.fernandez@discos-independientes-del-norte.example.org",
				"Discos Independientes del Norte");
		String[][] people = { { "Beatriz Núñez", "beatriz@example.org", "Sello Sur" },
				{ "Carlos Peña", "carlos@example.org", "Distribuidora Pacífico" },
				{ "Daniela Ortiz", "daniela@example.org", "Editorial Sonora" },
				{ "Eduardo Ramos", "eduardo@example.org", "Booking Bajío" } };
		for (String[] person : people) {
			TestRegistrations.register(this.registrations, "a11y-admin", person[0], person[1], person[2]);
		}
		// Arrivals on the event's day: the door page as a volunteer sees it then.
		new TestEvents(this.jdbc).onItsDay("a11y-admin");
		this.checkIns.checkIn(first.registrationId());
		String admin = TestStaff.create(this.jdbc, "ada@win.test", "Ada", StaffRole.ADMIN);
		String organizer = TestStaff.create(this.jdbc, "olga@win.test", "Olga", StaffRole.ORGANIZER);
		MailCatcher.awaitMessage("eduardo@example.org", "Tu registro está confirmado");
		long messageId = this.jdbc.sql("select min(id) from outbox_message where registration_id = ?")
			.param(first.registrationId())
			.query(Long.class)
			.single();
		String detail = "/admin/registrations/" + first.registrationId();

		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			page.navigate(url("/admin/login"));
			assertAccessible(page);
			page.locator("#username").fill("nobody@win.test");
			page.locator("#password").fill("wrong password");
			page.locator("form.form button[type=submit]").click();
			assertThat(page.locator(".notice--bad")).isVisible();
			assertAccessible(page);

			submitLogin(page, admin);
			visit(page, "/admin", null);
			visit(page, "/admin/events/a11y-admin", "admin-event-" + width);
			visit(page, "/admin/events/a11y-admin/registrations", "registrations-" + width);
			visit(page, detail, "registration-" + width);
			visit(page, detail + "/confirm-action/decline", null);
			visit(page, detail + "/edit", null);
			page.locator("#fullName").fill("");
			page.locator("form.form button[type=submit]").click();
			assertThat(page.locator(".error-summary")).isVisible();
			assertAccessible(page);

			visit(page, "/admin/events/a11y-admin/checkin?q=a", "checkin-" + width);
			visit(page, "/admin/checkin/pass/" + this.passes.pass(first.registrationId()), null);
			visit(page, "/admin/outbox", "outbox-" + width);
			visit(page, "/admin/outbox/" + messageId, null);
			visit(page, "/admin/users", null);
			visit(page, "/admin/users/" + staffId(organizer) + "/password", null);
			visit(page, "/admin/audit", null);
			visit(page, "/admin/profile", null);
			page.locator("#currentPassword").fill("not my password");
			page.locator("#newPassword").fill("a new long password");
			page.locator("#confirmPassword").fill("a new long password");
			page.locator("form.form button[type=submit]").click();
			assertThat(page.locator(".error-summary")).isVisible();
			assertThat(page.locator("#currentPassword-error")).isVisible();
			assertAccessible(page);

			visit(page, "/admin/events/a11y-admin/edit", null);
			visit(page, "/admin/events/new", null);
			page.locator("form.form").evaluate("form => form.noValidate = true");
			// The editor's first button is Save; row buttons (add a speaker, ...) follow.
			page.locator("form.form button[type=submit]").first().click();
			assertThat(page.locator(".error-summary")).isVisible();
			assertAccessible(page);
		}
	}

	private long staffId(String email) {
		return this.jdbc.sql("select id from staff_user where email = ?").param(email).query(Long.class).single();
	}

	private void visit(Page page, String path, String screenshot) {
		page.navigate(url(path));
		assertThat(page.locator("main h1")).isVisible();
		assertAccessible(page);
		if (screenshot != null) {
			screenshot(page, screenshot);
		}
	}

}
