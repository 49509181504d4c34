package org.winformusic.events.e2e;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
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
 * An organizer edits an event's speakers as rows, in Spanish, with and without
 * JavaScript: adds two, moves one up, removes one, saves, and finds them in that order in
 * the editor and on the event page. A failed save keeps what was typed and says what to
 * fix next to each field; the editor fits a phone and passes axe.
 */
class EventEditorBrowserTests extends BrowserTest {

	private static final String SPEAKER_NAMES = "input[name^='speakers['][name$='].name']";

	@Autowired
	JdbcClient jdbc;

	@Test
	void withoutJavaScriptRowButtonsPostTheFormAndTheSavedOrderComesBack() {
		String organizer = eventWithMexicoSpeakers("editor-plain", "edna@win.test");
		Page page = open(DESKTOP, "es-MX");
		// Only the editor's script is missing: every row button must work as a plain form
		// post.
		// (Its URL carries a content hash: /js/editor-<hash>.js.)
		page.route("**/js/editor*.js", Route::abort);
		logIn(page, organizer);
		addTwoMoveOneRemoveOneAndSave(page, "editor-plain", false);
	}

	@Test
	void withJavaScriptTheSameButtonsWorkInPlaceWithoutReloadingThePage() {
		String organizer = eventWithMexicoSpeakers("editor-script", "enzo@win.test");
		Page page = open(PHONE, "es-MX");
		logIn(page, organizer);
		addTwoMoveOneRemoveOneAndSave(page, "editor-script", true);
	}

	@Test
	void aFailedSaveKeepsEveryTypedValueAndShowsEachMessageByItsFieldOnAPhoneAndALaptop() {
		String organizer = eventWithMexicoSpeakers("editor-errors", "elsa@win.test");
		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			logIn(page, organizer);
			page.navigate(url("/admin/events/new?from=editor-errors"));
			int speakers = page.locator(SPEAKER_NAMES).count();
			assertThat(speakers).isEqualTo(9);
			page.locator("#slug").fill("editor-errors-" + width);
			// A copy leaves the dates and the venue to fill in.
			page.locator("#startsAt").fill("2029-03-19T10:00");
			page.locator("#endsAt").fill("2029-03-19T14:00");
			page.locator("#venueName").fill("Sede");
			page.locator("#venueAddress").fill("Bogotá");
			page.locator("#titleEs").fill("");
			page.locator("#venueMapUrl").fill("mapa de la sede");
			page.locator("#speakers-add").click();
			String row = "#speakers-" + speakers;
			assertThat(page.locator(row + "-name")).isFocused();
			page.locator(row + "-name").fill("Zoe Quintana");
			page.locator(row + "-roleEs").fill("Fundadora");
			page.locator(row + "-country").selectOption("CO");
			page.locator("#partners-0-url").fill("ftp://sello.example.org");
			// The server's checks, not the browser's, are under test here.
			page.locator("form.form").evaluate("form => form.noValidate = true");
			save(page);

			Locator summary = page.locator(".error-summary");
			assertThat(summary).isVisible();
			assertThat(summary).isFocused();
			assertThat(page.locator(row + "-name")).hasValue("Zoe Quintana");
			assertThat(page.locator(row + "-roleEs")).hasValue("Fundadora");
			assertThat(page.locator(row + "-country")).hasValue("CO");
			assertThat(page.locator(row + "-organization")).hasAttribute("aria-invalid", "true");
			assertThat(page.locator(row + "-organization")).hasCSS("border-top-color", "rgb(161, 29, 33)");
			assertThat(page.locator(row + "-organization-error")).hasText("Completa este campo.");
			assertThat(page.locator("#partners-0-url")).hasValue("ftp://sello.example.org");
			assertThat(page.locator("#partners-0-url-error"))
				.hasText("Escribe un enlace que empiece con http:// o https://.");
			assertThat(page.locator("#venueMapUrl")).hasValue("mapa de la sede");
			assertThat(page.locator("#titleEs-error")).hasText("Completa este campo.");
			assertThat(page.locator(SPEAKER_NAMES)).hasCount(speakers + 1);
			assertAccessible(page);
			assertNoSidewaysScrolling(page);

			summary.locator("a[href='" + row + "-organization']").click();
			assertThat(page.locator(row + "-organization")).isFocused();
			if (width == PHONE) {
				page.locator(row + "-name").evaluate("e => e.closest('fieldset').scrollIntoView({ block: 'start' })");
				screenshotOfWindow(page, "editor-errors-390");
			}

			page.locator(row + "-organization").fill("Sello Quintana");
			page.locator("#partners-0-url").fill("https://sello.example.org");
			page.locator("#venueMapUrl").fill("https://maps.example.org/sede");
			page.locator("#titleEs").fill("Hoja de ruta, segunda edición");
			save(page);
			assertThat(page.locator(".notice--ok")).isVisible();
			// The copy kept the nine speakers of the event it came from, and Zoe after
			// them.
			assertThat(page.locator(SPEAKER_NAMES)).hasCount(speakers + 1);
			assertThat(page.locator(SPEAKER_NAMES).first()).hasValue("Noemí Planas");
			assertThat(page.locator(row + "-organization")).hasValue("Sello Quintana");
		}
	}

	@Test
	void theEditorFitsAPhoneAndPassesAccessibilityChecksEmptyWithRowsAndWithErrors() {
		String admin = eventWithMexicoSpeakers("editor-a11y", "eva@win.test");
		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			logIn(page, admin);
			page.navigate(url("/admin/events/new"));
			assertAccessible(page);
			assertNoSidewaysScrolling(page);
			// The map link is a full-width field like the others (issue 18: it was tiny
			// and unstyled).
			double mapWidth = page.locator("#venueMapUrl").boundingBox().width;
			assertThat(mapWidth).isEqualTo(page.locator("#venueName").boundingBox().width);
			assertThat(page.locator("#venueMapUrl").evaluate("e => getComputedStyle(e).borderTopWidth"))
				.isEqualTo(page.locator("#venueName").evaluate("e => getComputedStyle(e).borderTopWidth"));
			page.locator("form.form").evaluate("form => form.noValidate = true");
			save(page);
			assertThat(page.locator(".error-summary")).isVisible();
			assertAccessible(page);
			assertNoSidewaysScrolling(page);

			page.navigate(url("/admin/events/editor-a11y/edit"));
			assertThat(page.locator(SPEAKER_NAMES)).hasCount(9);
			assertAccessible(page);
			assertNoSidewaysScrolling(page);
			if (width == PHONE) {
				// Rows stack on a phone: each field is as wide as the row.
				assertThat(page.locator("#speakers-0-organization").boundingBox().x)
					.isEqualTo(page.locator("#speakers-0-name").boundingBox().x);
			}
			// The speakers' rows from the top of the window, for the README.
			page.locator("#speakers").evaluate("e => e.scrollIntoView({ block: 'start' })");
			screenshotOfWindow(page, "editor-" + width);
		}
	}

	/**
	 * On the event's editor: two speakers added after the event's own, the second moved
	 * above the first, the first of the event's removed, saved; then the editor and the
	 * event page show them in that order.
	 */
	private void addTwoMoveOneRemoveOneAndSave(Page page, String slug, boolean script) {
		page.navigate(url("/admin/events/" + slug + "/edit"));
		// A mark on this document: it is gone if a button reloads the page.
		page.evaluate("() => { window.sameDocument = true; }");
		List<String> before = names(page);
		int n = before.size();
		assertThat(n).isEqualTo(9);

		page.locator("#speakers-add").click();
		assertThat(page.locator("#speakers-" + n + "-name")).isFocused();
		fillSpeaker(page, n, "Ximena Rojas", "Fundadora", "Founder", "Sello Equis", "CO");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agregar ponente")).click();
		assertThat(page.locator("#speakers-" + (n + 1) + "-name")).isFocused();
		assertThat(page.locator("#speakers-" + (n + 1) + "-name")).hasValue("");
		fillSpeaker(page, n + 1, "Yolanda Ibáñez", "Gerente", "Manager", "Discos Ye", "AR");

		page.locator("#speakers-" + (n + 1) + "-up").click();
		assertThat(page.locator("#speakers-" + n + "-up")).isFocused();
		assertThat(page.locator("#speakers-" + n + "-name")).hasValue("Yolanda Ibáñez");
		assertThat(page.locator("#speakers-" + (n + 1) + "-name")).hasValue("Ximena Rojas");
		assertThat(page.locator("#speakers-" + (n + 1) + "-down")).isHidden();

		page.locator("#speakers-0-remove").click();
		assertThat(page.locator("#speakers-0-name")).isFocused();
		assertThat(page.locator("#speakers-0-up")).isHidden();
		assertThat(page.locator("#speakers-" + (n - 1) + "-name")).hasValue("Yolanda Ibáñez");
		assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(script);
		save(page);
		assertThat(page.locator(".notice--ok")).isVisible();

		List<String> expected = new ArrayList<>(before.subList(1, n));
		expected.addAll(List.of("Yolanda Ibáñez", "Ximena Rojas"));
		page.navigate(url("/admin/events/" + slug + "/edit"));
		assertThat(names(page)).isEqualTo(expected);
		assertThat(page.locator("#speakers-" + (n - 1) + "-roleEn")).hasValue("Manager");
		assertThat(page.locator("#speakers-" + (n - 1) + "-country")).hasValue("AR");
		assertThat(page.locator("#speakers-" + n + "-organization")).hasValue("Sello Equis");

		page.navigate(url("/events/" + slug + "?lang=es"));
		assertThat(page.locator(".speaker__name").allTextContents()).isEqualTo(expected);
		assertThat(page.locator(".speaker").nth(n - 1)).containsText("Gerente");
		assertThat(page.locator(".speaker").nth(n - 1)).containsText("Argentina");
	}

	private static void fillSpeaker(Page page, int row, String name, String roleEs, String roleEn, String organization,
			String country) {
		String id = "#speakers-" + row;
		page.locator(id + "-name").fill(name);
		page.locator(id + "-roleEs").fill(roleEs);
		page.locator(id + "-roleEn").fill(roleEn);
		page.locator(id + "-organization").fill(organization);
		page.locator(id + "-country").selectOption(country);
	}

	private static List<String> names(Page page) {
		return page.locator(SPEAKER_NAMES).all().stream().map(Locator::inputValue).toList();
	}

	/** The editor's first button: Save, also what Enter in a field presses. */
	private static void save(Page page) {
		page.locator("form.form button[type=submit]").first().click();
		page.waitForLoadState();
	}

	private static void assertNoSidewaysScrolling(Page page) {
		assertThat(page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
			.as("sideways scrolling on " + page.url())
			.isEqualTo(0);
	}

	/**
	 * A published copy of the Mexico workshop with its nine speakers and its partners,
	 * and an organizer to edit it.
	 */
	private String eventWithMexicoSpeakers(String slug, String organizer) {
		long id = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug(slug).capacity(20).create().id();
		this.jdbc.sql("""
				insert into speaker (event_id, position, name, role_es, role_en, organization, country_code)
				select ?, position, name, role_es, role_en, organization, country_code
				  from speaker where event_id = (select id from event where slug = 'mexico-workshop')
				""").param(id).update();
		this.jdbc.sql("""
				insert into partner (event_id, position, name, description_es, description_en, url)
				select ?, position, name, description_es, description_en, url
				  from partner where event_id = (select id from event where slug = 'mexico-workshop')
				""").param(id).update();
		return TestStaff.create(this.jdbc, organizer, "Organizer", StaffRole.ORGANIZER);
	}

}
