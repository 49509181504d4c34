package org.winformusic.events.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registrant on a phone changes their email address: the manage page says a link went
 * to the new one and nothing changed yet; on the new address's phone, the link's page
 * asks before its button; after it, the manage page opens under a new link and the old
 * one no longer works.
 */
class EmailChangeBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	private static final Pattern CONFIRM_LINK = Pattern
		.compile("https?://[^\\s\"<>]+(/email-change/[A-Za-z0-9_-]{43})");

	@Test
	void aNewAddressIsConfirmedFromItsOwnInboxAndTheOldLinkStopsWorking() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("email-change-e2e").capacity(20).create();
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/email-change-e2e/register"));
		RegistrationJourneyBrowserTests.fill(page, "Marisol Cambio", "marisol.antes@example.org", "Discos Cambio");
		RegistrationJourneyBrowserTests.submit(page);
		page.waitForURL(Pattern.compile(".*/r/[A-Za-z0-9_-]{43}\\?new$"));
		String manage = page.url().replace("?new", "");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cambiar mis datos")).click();
		page.locator("#email").fill("marisol.despues.de.cambiar@ejemplo-de-dominio.com.mx");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar cambios")).click();

		assertThat(page.locator("main")).containsText("Falta un paso: para cambiar tu correo, abre el enlace");
		assertThat(page.locator(".manage__pending")).containsText("Cambio de correo pendiente de confirmar");
		assertThat(page.locator(".details").last()).containsText("marisol.antes@example.org");
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		assertAccessible(page);
		screenshot(page, "email-change-waiting-" + PHONE);

		MimeMessage email = MailCatcher.awaitMessage("marisol.despues.de.cambiar@ejemplo-de-dominio.com.mx",
				"Confirma tu nuevo correo");
		Matcher link = CONFIRM_LINK.matcher(GreenMailUtil.getBody(email).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		BrowserContext newPhone = newContext(PHONE, "es-MX");
		Page inbox = newPhone.newPage();
		inbox.navigate(url(link.group(1)));
		assertThat(inbox.locator("h1")).hasText("Confirma tu nuevo correo");
		assertThat(inbox.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		assertAccessible(inbox);
		screenshot(inbox, "email-change-confirm-" + PHONE);
		inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sí, usar este correo")).click();

		inbox.waitForURL(Pattern.compile(".*/r/[A-Za-z0-9_-]{43}\\?emailConfirmed$"));
		assertThat(inbox.locator("main")).containsText("es ahora el correo de tu registro");
		assertThat(inbox.locator(".details").last())
			.containsText("marisol.despues.de.cambiar@ejemplo-de-dominio.com.mx");
		assertAccessible(inbox);
		page.navigate(manage);
		assertThat(page.locator("h1")).hasText("Este enlace ya no es válido");
		newPhone.close();
	}

}
