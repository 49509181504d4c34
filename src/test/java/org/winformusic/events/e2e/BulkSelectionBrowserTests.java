package org.winformusic.events.e2e;

import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * QA's case: on a list of 120 registrations an organizer had to tick 50 rows one by one
 * and scroll some 7000 px to reach "Con los registros seleccionados". The header's box
 * now ticks the whole page (by keyboard too), the count says how many are selected, and
 * the bulk controls are above the list and stay in view while it scrolls. Without
 * JavaScript the rows are ticked one by one, as before.
 */
class BulkSelectionBrowserTests extends BrowserTest {

	private static final String SELECT_PAGE = "Seleccionar todos los registros de esta página";

	private static final String BULK_LABEL = "Con los registros seleccionados";

	@Autowired
	JdbcClient jdbc;

	@Test
	void theHeaderBoxSelectsThePageAndTheBulkControlsStayInView() {
		String slug = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("bulk-select")
			.capacity(500)
			.create()
			.slug();
		new TestRegistrations(this.jdbc).confirmedCrowd(slug, 120);
		String organizer = TestStaff.create(this.jdbc, "bulk-select@win.test", "Olga", StaffRole.ORGANIZER);

		Page page = open(DESKTOP, "es-MX");
		logIn(page, organizer);
		page.navigate(url("/admin/events/" + slug + "/registrations"));
		Locator action = page.getByLabel(BULK_LABEL);
		assertThat(action).isVisible();
		assertInWindow(page, action);

		Locator selectPage = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(SELECT_PAGE));
		selectPage.focus();
		page.keyboard().press("Space");
		Locator rows = page.locator("input[name=ids]");
		assertThat(rows).hasCount(50);
		assertThat(page.locator("input[name=ids]:checked")).hasCount(50);
		assertThat(page.locator("#bulk-count")).hasText("50 registros seleccionados");

		// One row unticked: the header box is mixed, and the count follows.
		rows.nth(49).scrollIntoViewIfNeeded();
		rows.nth(49).uncheck();
		assertThat(page.locator("#bulk-count")).hasText("49 registros seleccionados");
		assertThat(selectPage).not().isChecked();
		assertThat((Boolean) selectPage.evaluate("box => box.indeterminate")).isTrue();
		// At the end of the list the bulk controls are still in the window.
		assertInWindow(page, action);
		assertInWindow(page,
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aplicar").setExact(true)));
		screenshotOfWindow(page, "bulk-selection-end-of-list");
		assertAccessible(page);

		action.selectOption("RESEND");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aplicar").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sí, reenviar a 49 personas")))
			.isVisible();

		// Back at the list, the header box unticks the page again.
		page.goBack();
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(SELECT_PAGE)).click();
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(SELECT_PAGE)).click();
		assertThat(page.locator("input[name=ids]:checked")).hasCount(0);
		assertThat(page.locator("#bulk-count")).hasText("");
	}

	@Test
	void withoutJavaScriptRowsAreTickedOneByOneAndTheBulkControlsWork() {
		String slug = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("bulk-select-nojs")
			.capacity(500)
			.create()
			.slug();
		new TestRegistrations(this.jdbc).confirmedCrowd(slug, 60);
		String organizer = TestStaff.create(this.jdbc, "bulk-nojs@win.test", "Olga", StaffRole.ORGANIZER);

		Page page = open(DESKTOP, "es-MX");
		logIn(page, organizer);
		BrowserContext noScript = page.context()
			.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP, 900)
				.setLocale("es-MX")
				.setJavaScriptEnabled(false)
				.setStorageState(page.context().storageState()));
		try {
			Page plain = noScript.newPage();
			plain.navigate(url("/admin/events/" + slug + "/registrations"));
			assertThat(plain.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(SELECT_PAGE))).isHidden();
			assertInWindow(plain, plain.getByLabel(BULK_LABEL));
			plain.locator("input[name=ids]").nth(0).check();
			plain.locator("input[name=ids]").nth(1).check();
			plain.getByLabel(BULK_LABEL).selectOption("RESEND");
			plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aplicar").setExact(true)).click();
			assertThat(
					plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sí, reenviar a 2 personas")))
				.isVisible();
		}
		finally {
			noScript.close();
		}
	}

	/** The element is within the window as it is scrolled now, nothing to scroll. */
	private static void assertInWindow(Page page, Locator element) {
		BoundingBox box = element.boundingBox();
		assertThat(box).isNotNull();
		assertThat(box.y).as("top in the window").isGreaterThanOrEqualTo(0);
		assertThat(box.y + box.height).as("bottom in the window").isLessThanOrEqualTo(page.viewportSize().height);
	}

}
