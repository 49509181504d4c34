package org.winformusic.events.e2e;

import com.microsoft.playwright.Locator;
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
 * An organizer reads a yes/no question's answers on the event dashboard and filters the
 * registrations list by one, on a phone and on a laptop, in Spanish: the breakdown says
 * Sí, No and Sin respuesta with their counts, the filter keeps only those who answered
 * yes. No serious or critical axe violation on either page.
 */
class YesNoQuestionBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOrganizerReadsAndFiltersAYesNoQuestionsAnswers() {
		TestEvents.Created event = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("yes-no-browser")
			.capacity(20)
			.create();
		long group = new TestEvents(this.jdbc).question(event.id(), "YES_NO", "¿Vienes en grupo?",
				"Are you coming as a group?", false);
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long ana = data.in(event).person("Ana Yáñez").create().id();
		long beto = data.in(event).person("Beto Núñez").create().id();
		long carla = data.in(event).person("Carla Peña").create().id();
		data.in(event).person("Diego Ortiz").create();
		answer(ana, group, true);
		answer(beto, group, true);
		answer(carla, group, false);
		String organizer = TestStaff.create(this.jdbc, "yes-no-organizer@win.test", "Olga", StaffRole.ORGANIZER);

		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			logIn(page, organizer);
			page.navigate(url("/admin/events/yes-no-browser"));
			Locator card = page.locator(".card").filter(new Locator.FilterOptions().setHasText("¿Vienes en grupo?"));
			assertThat(card.locator("tr").nth(0)).containsText("Sí");
			assertThat(card.locator("tr").nth(0).locator(".num").first()).hasText("2");
			assertThat(card.locator("tr").nth(1)).containsText("No");
			assertThat(card.locator("tr").nth(1).locator(".num").first()).hasText("1");
			assertThat(card.locator("tr").nth(2)).containsText("Sin respuesta");
			assertThat(card.locator("tr").nth(2).locator(".num").first()).hasText("1");
			assertAccessible(page);
			screenshot(page, "yes-no-dashboard-" + width);

			page.navigate(url("/admin/events/yes-no-browser/registrations"));
			page.locator("details.filters summary").click();
			page.getByLabel("Respuesta a una pregunta de sí o no").selectOption(group + ":yes");
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Filtrar"))
				.click();
			Locator main = page.locator("main");
			assertThat(main).containsText("Ana Yáñez");
			assertThat(main).containsText("Beto Núñez");
			assertThat(main).not().containsText("Carla Peña");
			assertThat(main).not().containsText("Diego Ortiz");
			assertThat(page.getByLabel("Respuesta a una pregunta de sí o no")).hasValue(group + ":yes");
			// Closed, the select shows the option alone: it names its question.
			assertThat(page.locator("#yesNo option:checked")).hasText("Sí (¿Vienes en grupo?)");
			assertAccessible(page);
			screenshot(page, "yes-no-filter-" + width);
		}
	}

	private void answer(long registration, long question, boolean yes) {
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, yes_no) values (?, ?, ?)")
			.params(registration, question, yes)
			.update();
	}

}
