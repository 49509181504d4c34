package org.winformusic.events.e2e;

import java.sql.Timestamp;
import java.time.Instant;

import com.microsoft.playwright.Locator;
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
 * A registrant's data rights on a 390 px phone, in Spanish: stopping news says it is done
 * where the person is looking (the top of the reloaded page), and "Tus datos" fits the
 * screen, every email's status included, without scrolling sideways.
 */
class DataRightsPhoneBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void onAPhoneStoppingNewsIsConfirmedOnScreenAndTheDataPageFits() {
		String slug = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("datos-en-telefono").create().slug();
		String email = "mariana.dominguez.ortega.discos@example.org";
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/" + slug + "/register"));
		RegistrationJourneyBrowserTests.fill(page, "Mariana Domínguez Ortega", email, "Discos del Altiplano");
		page.locator("#newsOptIn").check();
		RegistrationJourneyBrowserTests.submit(page);
		page.waitForURL("**/r/*");
		MimeMessage confirmation = MailCatcher.awaitMessage(email, "Tu registro está confirmado");
		long id = this.jdbc.sql("select id from registration where email = ?").param(email).query(Long.class).single();
		// A note with a long unbroken address in it, as staff sometimes paste.
		this.jdbc.sql("insert into staff_note (registration_id, author, body, created_at) values (?, ?, ?, ?)")
			.params(id, "staff@win.test", "Factura a https://facturacion.discosdelaltiplano.example.org/solicitudes",
					Timestamp.from(Instant.now()))
			.update();

		Page phone = open(PHONE, "es-MX");
		phone.navigate(url(MailCatcher.manageLinkPath(confirmation)));
		phone
			.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Dejar de recibir noticias de WIN y de la Red LatAm"))
			.click();
		Locator done = phone.getByText("Listo: ya no recibirás noticias de WIN y de la Red LatAm.");
		assertThat(done).isVisible();
		assertThat(done).isInViewport();
		screenshotOfWindow(phone, "news-stopped-" + PHONE);

		phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Descargar mis datos")).click();
		assertThat(phone.locator("h1")).hasText("Tus datos");
		assertThat(phone.locator("main")).containsText("Tu registro está confirmado");
		assertThat(phone.locator("main")).containsText(email);
		assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		// Nothing sticks out of the screen: every email's status can be read.
		assertThat(phone.evaluate("""
				() => [...document.querySelectorAll('main *')]
				  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
				  .map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 40))""")).asList().isEmpty();
		Locator status = phone.locator(".records dd", new Page.LocatorOptions().setHasText("Enviado")).first();
		assertThat(status).isVisible();
		assertThat(status.boundingBox().x + status.boundingBox().width).isLessThanOrEqualTo(PHONE);
		screenshot(phone, "data-" + PHONE);
	}

}
