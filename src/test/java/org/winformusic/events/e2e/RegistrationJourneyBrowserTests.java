package org.winformusic.events.e2e;

import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
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
 * A Mexican label owner registers from a phone, in Spanish, and manages the registration.
 */
class RegistrationJourneyBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void labelOwnerOnAPhoneRegistersFixesAMistakeGetsTheEmailAndManagesTheRegistration() throws Exception {
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/mexico-workshop"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrarme")).first().click();

		fill(page, "Ana Lucía Peña", "ana.pena@gmial", "Discos Colibrí");
		submit(page);
		assertThat(page.locator(".error-summary")).isVisible();
		assertThat(page.locator("#email-error")).containsText("Revisa tu correo electrónico");
		assertThat(page.locator("#fullName")).hasValue("Ana Lucía Peña");
		assertAccessible(page);
		screenshot(page, "register-errors-" + PHONE);

		page.locator("#email").fill("ana.pena@example.org");
		submit(page);
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/r/[A-Za-z0-9_-]{43}\\?new$"));
		// The success state, on the first screen of a phone: what happened, where the
		// email went, when and where, and the calendar actions for a seat holder.
		assertThat(page.locator("h1")).hasText("¡Listo! Ya tienes tu lugar");
		assertThat(page.locator("h1")).isInViewport();
		assertThat(page.locator("main")).containsText("Confirmado: tienes un lugar.");
		assertThat(page.locator(".manage__sent strong")).hasText("ana.pena@example.org");
		assertThat(page.locator(".manage__sent")).isInViewport();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("¿Qué sigue?"))).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agregar a Google Calendar")))
			.hasAttribute("href", java.util.regex.Pattern.compile(
					"^https://calendar\\.google\\.com/calendar/render\\?action=TEMPLATE&text=.+&dates=\\d{8}T\\d{6}Z/\\d{8}T\\d{6}Z&.*"));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Abrir en el mapa"))).isVisible();
		// The hours of the range sit on one line.
		Locator hours = page.locator(".manage__status .nowrap");
		assertThat(hours).isVisible();
		assertThat(hours.evaluate("e => e.getClientRects().length")).isEqualTo(1);
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		assertAccessible(page);
		screenshot(page, "manage-" + PHONE);
		Page laptop = open(DESKTOP, "es-MX");
		laptop.navigate(page.url());
		assertThat(laptop.locator("h1")).hasText("¡Listo! Ya tienes tu lugar");
		assertAccessible(laptop);
		screenshot(laptop, "manage-" + DESKTOP);

		MimeMessage confirmation = MailCatcher.awaitMessage("ana.pena@example.org", "Tu registro está confirmado");
		Page fromEmail = open(PHONE, "es-MX");
		fromEmail.navigate(url(MailCatcher.manageLinkPath(confirmation)));
		assertThat(fromEmail.locator("main")).containsText("Discos Colibrí");

		Download download = fromEmail.waitForDownload(() -> fromEmail.getByText("Descargar event.ics").click());
		String ics = Files.readString(download.path());
		assertThat(ics).contains("BEGIN:VCALENDAR").contains("Hoja de ruta para crear una asociación");

		// Saved as shown: nothing changed, and the page says so.
		fromEmail.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cambiar mis datos")).click();
		fromEmail.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar cambios")).click();
		assertThat(fromEmail.locator("main")).containsText("No hubo cambios: tus datos ya estaban así");
		assertThat(fromEmail.locator("main")).not().containsText("Tus cambios están guardados.");
		fromEmail.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cambiar mis datos")).click();
		fromEmail.locator("#company").fill("Discos Colibrí y Asociados");
		fromEmail.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar cambios")).click();
		assertThat(fromEmail.locator("main")).containsText("Tus cambios están guardados.");
		assertThat(fromEmail.locator("main")).containsText("Discos Colibrí y Asociados");

		fromEmail.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancelar mi registro")).click();
		assertThat(fromEmail.locator("h1")).hasText("¿Cancelar tu registro?");
		fromEmail.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sí, cancelar mi registro")).click();
		assertThat(fromEmail.locator("main")).containsText("Cancelado.");
		assertThat(this.jdbc.sql("select status from registration where email = 'ana.pena@example.org'")
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
	}

	@Test
	void theLastSeatGoesToOneVisitorAndTheOtherIsPromotedWhenItIsFreed() {
		long eventId = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("last-seat-journey")
			.capacity(1)
			.create()
			.id();
		BrowserContext first = newContext(PHONE, "es-MX");
		BrowserContext second = newContext(DESKTOP, "es-MX");
		try {
			Page a = first.newPage();
			Page b = second.newPage();
			a.navigate(url("/events/last-seat-journey/register"));
			b.navigate(url("/events/last-seat-journey/register"));
			fill(a, "Beto Ruiz", "beto@example.org", "Sello Norte");
			fill(b, "Carla Díaz", "carla@example.org", "Sello Sur");

			// Both press the button at the same moment; neither waits for the other.
			Locator submitA = a.locator("form.form button[type=submit]");
			Locator submitB = b.locator("form.form button[type=submit]");
			submitA.click(new Locator.ClickOptions().setNoWaitAfter(true));
			submitB.click(new Locator.ClickOptions().setNoWaitAfter(true));
			a.waitForURL("**/r/*");
			b.waitForURL("**/r/*");

			String textA = a.locator("main").innerText();
			String textB = b.locator("main").innerText();
			assertThat(textA.contains("Confirmado") ^ textB.contains("Confirmado")).isTrue();
			Page confirmed = textA.contains("Confirmado") ? a : b;
			Page waiting = (confirmed == a) ? b : a;
			String waitingEmail = (waiting == a) ? "beto@example.org" : "carla@example.org";
			assertThat(waiting.locator("main")).containsText("En lista de espera: eres el número 1.");

			confirmed.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancelar mi registro")).click();
			confirmed.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sí, cancelar mi registro"))
				.click();

			waiting.reload();
			assertThat(waiting.locator("main")).containsText("Confirmado: tienes un lugar.");
			MailCatcher.awaitMessage(waitingEmail, "Ya tienes lugar");
			assertThat(this.jdbc.sql("select count(*) from registration where event_id = ? and status = 'CONFIRMED'")
				.param(eventId)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
		finally {
			first.close();
			second.close();
		}
	}

	@Test
	void aDoubleTapOnRegisterSendsTheFormOnce() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("double-tap").capacity(5).create();
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/double-tap/register"));
		fill(page, "Dora Doble", "dora.doble@example.org", "Sello Doble");
		// Two taps before the first answer: the page's own handlers see both submits; a
		// listener that runs after them records whether each was let through, and keeps
		// the page where it is.
		Object letThrough = page.evaluate("""
				() => {
				  const seen = [];
				  window.addEventListener('submit', (event) => {
				    seen.push(!event.defaultPrevented);
				    event.preventDefault();
				  });
				  const form = document.querySelector('form.form');
				  form.requestSubmit();
				  form.requestSubmit();
				  return seen;
				}""");
		assertThat(letThrough).isEqualTo(List.of(true, false));
	}

	static void fill(Page page, String name, String email, String company) {
		page.locator("#fullName").fill(name);
		page.locator("#email").fill(email);
		page.locator("#company").fill(company);
		page.locator("#companyType").selectOption("INDEPENDENT_LABEL");
		page.locator("#state").selectOption("CMX");
		page.locator("#city").fill("Ciudad de México");
		page.locator("#associationInterest-YES").check();
		page.locator("#privacyConsent").check();
	}

	static void submit(Page page) {
		page.locator("form.form button[type=submit]").click();
	}

}
