package org.winformusic.events.e2e;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A form with the event's own questions, as a visitor on a phone and on a laptop fills it
 * in: a missing required answer is named in the error summary, whose link leads to the
 * question; what was typed stays; the answers show on the manage page. The event editor
 * with questions, as organizers use it. No serious or critical axe violation anywhere.
 */
class QuestionsBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void visitorAnswersTheEventsOwnQuestionsAndEveryStepPassesAccessibilityChecks() {
		long eventId = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("a11y-questions")
			.capacity(20)
			.create()
			.id();
		var events = new TestEvents(this.jdbc);
		long interest = events.question(eventId, "ONE_CHOICE", "¿Qué te interesa más?", "What interests you most?",
				true, "Distribución", "Distribution", "Derechos", "Rights");
		long website = events.question(eventId, "SHORT_TEXT", "¿Cuál es tu sitio web?", "What is your website?", false);
		events.question(eventId, "MANY_CHOICES", "¿En qué formatos publicas?", "Which formats do you release?", false,
				"Vinilo", "Vinyl", "Digital", "Digital");
		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			page.navigate(url("/events/a11y-questions/register"));
			assertThat(page.getByText("¿Qué te interesa más?")).isVisible();
			assertAccessible(page);

			RegistrationJourneyBrowserTests.fill(page, "Lucía Gómez", "lucia" + width + "@example.org", "Discos Lucía");
			page.locator("#q" + website).fill("https://lucia.example.org");
			RegistrationJourneyBrowserTests.submit(page);
			assertThat(page.locator(".error-summary")).containsText("Responde la pregunta “¿Qué te interesa más?”.");
			assertThat(page.locator("#q" + website)).hasValue("https://lucia.example.org");
			assertAccessible(page);
			screenshot(page, "register-questions-errors-" + width);

			page.locator(".error-summary a[href='#q" + interest + "']").click();
			assertThat(page.locator("#q" + interest)).isFocused();
			page.getByLabel("Derechos").check();
			page.getByLabel("Vinilo").check();
			page.locator("#privacyConsent").check();
			RegistrationJourneyBrowserTests.submit(page);
			page.waitForURL(Pattern.compile(".*/r/[A-Za-z0-9_-]{43}\\?new$"));
			assertThat(page.locator("main")).containsText("Derechos");
			assertThat(page.locator("main")).containsText("https://lucia.example.org");
			assertThat(page.locator("main")).containsText("Vinilo");
			assertAccessible(page);
		}
	}

	@Test
	void eventEditorWithQuestionsPassesAccessibilityChecksAlsoWithErrors() {
		long eventId = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("a11y-editor-questions")
			.capacity(20)
			.create()
			.id();
		new TestEvents(this.jdbc).question(eventId, "ONE_CHOICE", "¿Qué te interesa más?", "What interests you most?",
				true, "Distribución", "Distribution", "Derechos", "Rights");
		String organizer = TestStaff.create(this.jdbc, "questions-organizer@win.test", "Olga", StaffRole.ORGANIZER);
		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			logIn(page, organizer);
			page.navigate(url("/admin/events/a11y-editor-questions/edit"));
			assertThat(page.locator("#questions-0-labelEs")).hasValue("¿Qué te interesa más?");
			assertAccessible(page);

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agregar una pregunta")).click();
			assertThat(page.locator("#questions-1-labelEs")).isFocused();
			assertAccessible(page);
			screenshot(page, "editor-questions-" + width);

			page.locator(".button-row button[type=submit]").first().click();
			assertThat(page.locator(".error-summary")).isVisible();
			assertThat(page.locator("#questions-1-labelEs-error")).isVisible();
			assertAccessible(page);
		}
	}

}
