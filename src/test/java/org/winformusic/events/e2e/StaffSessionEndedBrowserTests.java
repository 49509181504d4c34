package org.winformusic.events.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session of an organizer ends while they edit someone's details (the idle timeout:
 * its row is gone). "Guardar cambios" leads to the login page, which says the session
 * ended and that the change was not saved; signing in leads back to the form, filled in
 * again with what was typed, not saved until it is sent.
 */
class StaffSessionEndedBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditSavedAfterTheSessionEndedSaysSoAndTheLoginLeadsBackToTheForm() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		long id = new TestRegistrations(this.jdbc).in(event)
			.person("Gabriela Antes")
			.createdAt(java.time.Instant.parse("2026-11-01T15:00:00Z"))
			.create()
			.id();
		String organizer = TestStaff.create(this.jdbc, "session-ended@win.test", "Gaby", StaffRole.ORGANIZER);
		Page page = open(PHONE, "es-MX");
		logIn(page, organizer);
		String form = url("/admin/registrations/" + id + "/edit");
		page.navigate(form);
		page.locator("input[name=fullName]").fill("Gabriela Después");
		this.jdbc.sql("delete from spring_session where principal_name = ?").param(organizer).update();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar cambios")).click();
		page.waitForURL((address) -> address.contains("/admin/login"));
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Tu sesión terminó por inactividad");
		assertThat(page.getByRole(AriaRole.ALERT))
			.containsText("Lo que enviaste no se guardó: después de entrar, revísalo y vuelve a enviarlo.");
		screenshotOfWindow(page, "admin-login-session-ended-390");
		assertAccessible(page);

		// Meanwhile another organizer saves a change: the form filled back in must not
		// overwrite it without a word.
		this.jdbc.sql("update registration set company = 'Discos Otra Mano', version = version + 1 where id = ?")
			.param(id)
			.update();

		submitLogin(page, organizer);
		assertThat(page).hasURL(form);
		assertThat(page.locator("input[name=fullName]")).hasValue("Gabriela Después");
		assertThat(page.locator("#form-restored")).hasText("Volvimos a llenar el formulario con lo que habías escrito. "
				+ "Todavía no se guarda: revísalo y envíalo.");
		assertThat(fullName(id)).isEqualTo("Gabriela Antes");
		screenshotOfWindow(page, "admin-form-restored-after-login-390");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar cambios")).click();
		assertThat(page.locator("main")).containsText("Alguien más modificó este registro mientras lo editabas");
		assertThat(fullName(id)).isEqualTo("Gabriela Antes");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar cambios")).click();
		page.waitForURL((address) -> !address.endsWith("/edit"));
		assertThat(fullName(id)).isEqualTo("Gabriela Después");
		// Saved: the form is not filled in again from what was kept.
		this.jdbc.sql("update registration set full_name = 'Gabriela Otra' where id = ?").param(id).update();
		page.navigate(form);
		assertThat(page.locator("input[name=fullName]")).hasValue("Gabriela Otra");
		assertThat(page.locator("#form-restored")).isHidden();
	}

	private String fullName(long id) {
		return this.jdbc.sql("select full_name from registration where id = ?").param(id).query(String.class).single();
	}

}
