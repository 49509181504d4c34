package org.winformusic.events.e2e;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

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
		long id = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("taller-colombia-navegador")
			.capacity(10)
			.create()
			.id();
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

	/**
	 * Issue 14 end to end: an organizer copies the Mexico workshop to a Colombian one in
	 * the event editor, in Spanish on a laptop, with two questions of its own added
	 * through the editor's buttons; a Colombian then registers on a phone with her
	 * department, her mobile as she writes it and her answers.
	 */
	@Test
	void anOrganizerCopiesTheMexicoWorkshopToColombiaWithQuestionsAndAColombianRegisters() {
		String organizer = TestStaff.create(this.jdbc, "colombia-journey@win.test", "Camila", StaffRole.ORGANIZER);
		Page editor = open(DESKTOP, "es-CO");
		logIn(editor, organizer);
		editor.navigate(url("/admin/events/new?from=mexico-workshop"));
		assertThat(editor.locator("#country")).hasValue("MX");
		editor.locator("#slug").fill("taller-colombia-journey");
		editor.locator("#country").selectOption("CO");
		editor.locator("#timeZone").fill("America/Bogota");
		// A copy leaves the dates and the venue to fill in.
		editor.locator("#startsAt").fill("2029-06-12T09:00");
		editor.locator("#endsAt").fill("2029-06-12T13:00");
		editor.locator("#venueName").fill("Casa del Libro Total");
		editor.locator("#venueAddress").fill("Chapinero, Bogotá");
		editor.locator("input[type=checkbox][name=published]").check();

		// Each button posts the form and the page comes back with the new row, unsaved.
		Page.GetByRoleOptions addQuestion = new Page.GetByRoleOptions().setName("Agregar una pregunta");
		editor.getByRole(AriaRole.BUTTON, addQuestion).click();
		assertThat(editor.locator("#questions-0-labelEs")).isFocused();
		assertThat(editor.locator("#slug")).hasValue("taller-colombia-journey");
		editor.locator("#questions-0-kind").selectOption("ONE_CHOICE");
		editor.locator("#questions-0-labelEs").fill("¿Qué te interesa más?");
		editor.locator("#questions-0-labelEn").fill("What interests you most?");
		editor.locator("button[value='add:questions:0:choices']").click();
		assertThat(editor.locator("#questions-0-choices-0-labelEs")).isVisible();
		editor.locator("#questions-0-choices-0-labelEs").fill("Distribución");
		editor.locator("#questions-0-choices-0-labelEn").fill("Distribution");
		editor.locator("button[value='add:questions:0:choices']").click();
		assertThat(editor.locator("#questions-0-choices-1-labelEs")).isVisible();
		editor.locator("#questions-0-choices-1-labelEs").fill("Derechos");
		editor.locator("#questions-0-choices-1-labelEn").fill("Rights");
		editor.getByRole(AriaRole.BUTTON, addQuestion).click();
		assertThat(editor.locator("#questions-1-labelEs")).isFocused();
		assertThat(editor.locator("#questions-0-kind")).hasValue("ONE_CHOICE");
		assertThat(editor.locator("#questions-0-choices-0-labelEs")).hasValue("Distribución");
		editor.locator("#questions-1-kind").selectOption("SHORT_TEXT");
		editor.locator("#questions-1-labelEs").fill("¿Cuál es el sitio web de tu sello?");
		editor.locator("#questions-1-labelEn").fill("What is your label's website?");
		assertAccessible(editor);

		editor.locator("form.form button[type=submit]").first().click();
		assertThat(editor.locator(".notice--ok")).isVisible();
		assertThat(editor.locator("#country")).hasValue("CO");
		assertThat(editor.locator("#questions-0-choices-1-labelEs")).hasValue("Derechos");
		assertThat(editor.locator("#questions-1-labelEs")).hasValue("¿Cuál es el sitio web de tu sello?");
		assertAccessible(editor);
		screenshot(editor, "editor-colombia-questions-" + DESKTOP);

		Page page = open(PHONE, "es-CO");
		page.navigate(url("/events/taller-colombia-journey/register"));
		assertThat(page.getByLabel("Departamento")).isVisible();
		assertThat(page.getByText("¿Qué te interesa más?")).isVisible();
		assertAccessible(page);
		page.locator("#fullName").fill("Mariana Ospina");
		page.locator("#email").fill("mariana.ospina@example.co");
		page.locator("#company").fill("Discos Envigado");
		page.locator("#companyType").selectOption("INDEPENDENT_LABEL");
		page.getByLabel("Departamento").selectOption("Antioquia");
		page.locator("#city").fill("Envigado");
		page.locator("#phone").fill("300 123 4567");
		page.locator("#associationInterest-YES").check();
		page.getByLabel("Derechos").check();
		page.getByLabel("¿Cuál es el sitio web de tu sello?").fill("https://discosenvigado.example.co");
		page.locator("#privacyConsent").check();
		screenshot(page, "register-colombia-questions-" + PHONE);
		RegistrationJourneyBrowserTests.submit(page);

		assertThat(page.locator("h1")).hasText("¡Listo! Ya tienes tu lugar");
		assertThat(page.locator("main")).containsText("Derechos");
		assertThat(page.locator("main")).containsText("https://discosenvigado.example.co");
		long registration = this.jdbc.sql("select id from registration where email = ?")
			.param("mariana.ospina@example.co")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select state || ' ' || phone from registration where id = ?")
			.param(registration)
			.query(String.class)
			.single()).isEqualTo("ANT +573001234567");
		assertThat(this.jdbc.sql("""
				select c.label_es from registration_answer_choice a join event_question_choice c on c.id = a.choice_id
				 where a.registration_id = ?""").param(registration).query(String.class).list())
			.containsExactly("Derechos");
		assertThat(this.jdbc.sql("""
				select q.label_es || ' = ' || a.text_value from registration_answer a
				  join event_question q on q.id = a.question_id where a.registration_id = ?""")
			.param(registration)
			.query(String.class)
			.list()).containsExactly("¿Cuál es el sitio web de tu sello? = https://discosenvigado.example.co");
	}

}
