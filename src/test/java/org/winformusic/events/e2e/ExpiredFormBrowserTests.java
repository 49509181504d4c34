package org.winformusic.events.e2e;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.winformusic.events.e2e.RegistrationJourneyBrowserTests.fill;
import static org.winformusic.events.e2e.RegistrationJourneyBrowserTests.submit;

/**
 * A registration form that lost its CSRF cookie (the phone's browser was closed, the
 * cookies cleared) is refused: the page says what was typed was not sent and leads back
 * to the form with it still filled in, to send it again.
 */
class ExpiredFormBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedFormLeadsBackToTheFormAsTypedAndSendingItAgainRegisters() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("expired-form").capacity(10).create();
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/expired-form/register"));
		fill(page, "Rita Caducada", "rita.caducada@example.org", "Discos Tardíos");
		page.context().clearCookies();
		submit(page);

		assertThat(page.locator("h1")).hasText("Lo que escribiste no se envió");
		assertThat(page.locator("main")).containsText("revisa tus datos y envíalo de nuevo");
		Locator back = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Volver al formulario"));
		assertThat(back).hasAttribute("href", "/events/expired-form/register");
		assertAccessible(page);
		screenshot(page, "expired-form-" + PHONE);
		back.click();

		assertThat(page).hasURL(Pattern.compile(".*/events/expired-form/register$"));
		assertThat(page.locator("#fullName")).hasValue("Rita Caducada");
		assertThat(page.locator("#company")).hasValue("Discos Tardíos");
		submit(page);
		assertThat(page).hasURL(Pattern.compile(".*/r/[A-Za-z0-9_-]{43}\\?new$"));
		assertThat(page.locator("main")).containsText("Discos Tardíos");
		assertThat(this.jdbc.sql("select count(*) from registration where email = 'rita.caducada@example.org'")
			.query(Integer.class)
			.single()).isOne();
	}

}
