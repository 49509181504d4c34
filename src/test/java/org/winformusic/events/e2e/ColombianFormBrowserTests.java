package org.winformusic.events.e2e;

import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Colombian registers on a phone, in Spanish, for the workshop's Colombian copy: the
 * form asks for a department of Colombia and takes the mobile number as she writes it.
 */
class ColombianFormBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theColombianFormListsTheDepartmentsInSpanishAndTakesALocalMobile() {
		long id = TestEvents.copyOfMexicoWorkshop(this.jdbc, "taller-colombia-navegador", 10);
		this.jdbc.sql("""
				update event set country = 'CO', time_zone = 'America/Bogota', venue_address = 'Chapinero, Bogotá'
				 where id = ?""").param(id).update();

		Page page = open(PHONE, "es-CO");
		page.navigate(url("/events/taller-colombia-navegador/register"));
		assertThat(page.getByLabel("Departamento")).isVisible();
		List<String> options = page.locator("#state option").allTextContents();
		assertThat(options).hasSize(35)
			.contains("Antioquia", "Bogotá, D. C.", "San Andrés, Providencia y Santa Catalina", "Valle del Cauca")
			.doesNotContain("Jalisco", "Fuera de México");
		// Sorted by name in Spanish after the prompt, "outside Colombia" last.
		assertThat(options.subList(1, 4)).containsExactly("Amazonas", "Antioquia", "Arauca");
		assertThat(options.get(34)).isEqualTo("Fuera de Colombia");
		assertAccessible(page);
		screenshot(page, "register-colombia-" + PHONE);

		page.locator("#fullName").fill("Valentina Restrepo");
		page.locator("#email").fill("valentina.restrepo@example.co");
		page.locator("#company").fill("Discos Medellín");
		page.locator("#companyType").selectOption("INDEPENDENT_LABEL");
		page.getByLabel("Departamento").selectOption("Antioquia");
		page.locator("#city").fill("Medellín");
		page.locator("#phone").fill("300 123 4567");
		page.locator("#associationInterest-YES").check();
		page.locator("#privacyConsent").check();
		RegistrationJourneyBrowserTests.submit(page);

		assertThat(page.locator("h1")).hasText("¡Listo! Ya tienes tu lugar");
		assertThat(page.locator("main")).containsText("Antioquia");
		assertThat(page.locator("main")).containsText("300 1234567");
		assertThat(page.locator("main")).containsText("Chapinero, Bogotá, Colombia");
		assertThat(this.jdbc.sql("select state || ' ' || phone from registration where email = ?")
			.param("valentina.restrepo@example.co")
			.query(String.class)
			.single()).isEqualTo("ANT +573001234567");
	}

}
