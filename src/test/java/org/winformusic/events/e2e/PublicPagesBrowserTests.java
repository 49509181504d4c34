package org.winformusic.events.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class PublicPagesBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void switchingLanguageKeepsTheVisitorOnTheSamePage() {
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/mexico-workshop"));
		assertThat(page.locator("h1"))
			.hasText("Hoja de ruta para crear una asociación de música independiente en México");

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
			.click();
		assertThat(page).hasURL(url("/events/mexico-workshop?lang=en"));
		assertThat(page.locator("h1")).hasText("Roadmap to Starting an Independent Music Trade Association in Mexico");

		page.navigate(url("/"));
		assertThat(page.locator("h1")).hasText("Upcoming events");
	}

	@Test
	void eventAndHomePagesReadWellOnPhoneAndLaptopAndPassAccessibilityChecks() {
		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			page.navigate(url("/events/mexico-workshop"));
			assertThat(page.locator(".facts")).containsText("lunes 20 de marzo de 2028, 10:00–14:00");
			assertAccessible(page);
			screenshot(page, "event-" + width);
			screenshotOfWindow(page, "event-top-" + width);

			page.navigate(url("/"));
			assertAccessible(page);
			screenshot(page, "home-" + width);

			page.navigate(url("/privacy"));
			assertAccessible(page);
		}
	}

	@Test
	void notFoundPageIsLocalizedAndAccessible() {
		Page page = open(PHONE, "en");
		page.navigate(url("/events/nothing-here"));
		assertThat(page.locator("h1")).hasText("Page not found");
		assertAccessible(page);
	}

	/**
	 * Staff unpublish an event after someone registered: the event link of their
	 * confirmation email leads to a page that says so in their language, and the personal
	 * link of the same email still opens their registration.
	 */
	@Test
	void theEventLinkOfAConfirmationEmailSaysTheEventIsNoLongerPublishedOnceStaffUnpublishIt() {
		String slug = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("ya-no-publicado").create().slug();
		String email = "paola.ruiz.retirado@example.org";
		Page form = open(PHONE, "es-MX");
		form.navigate(url("/events/" + slug + "/register"));
		RegistrationJourneyBrowserTests.fill(form, "Paola Ruiz", email, "Discos Ruiz");
		RegistrationJourneyBrowserTests.submit(form);
		form.waitForURL("**/r/*");
		MimeMessage confirmation = MailCatcher.awaitMessage(email, "Tu registro está confirmado");
		this.jdbc.sql("update event set published = false, updated_at = now() where slug = ?").param(slug).update();

		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			Response response = page.navigate(url(MailCatcher.eventLinkPath(confirmation)));
			assertThat(response.status()).isEqualTo(404);
			assertThat(page.locator("h1")).hasText("Este evento ya no está publicado");
			assertThat(page.locator("main"))
				.containsText("Hoja de ruta para crear una asociación de música independiente en México");
			assertThat(page.locator("main")).containsText(
					"Si te registraste, el enlace personal que te mandamos por correo sigue funcionando: ahí puedes"
							+ " ver tu registro o cancelarlo.");
			assertAccessible(page);
			screenshot(page, "event-no-longer-published-" + width);
		}

		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/" + slug + "/register"));
		assertThat(page.locator("h1")).hasText("Este evento ya no está publicado");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(page.locator("h1")).hasText("This event is no longer published");
		assertThat(page.locator("main")).containsText("the personal link in the email we sent you still works");
		assertAccessible(page);

		Response manage = page.navigate(url(MailCatcher.manageLinkPath(confirmation)));
		assertThat(manage.status()).isEqualTo(200);
		assertThat(page.locator("main")).containsText("Paola Ruiz");
	}

}
