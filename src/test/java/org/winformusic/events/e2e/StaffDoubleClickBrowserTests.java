package org.winformusic.events.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.registration.PublicRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QA's case: an organizer double-clicks "Enviar de nuevo" (two clicks 130 ms apart) while
 * the first click is still on its way, and the registrant got two copies. The admin pages
 * now send a form once; the page that answers starts afresh, so a later click sends
 * again. The first request is held in the browser (as a slow mail of the server would
 * hold it) until the second click has happened, so the test does not depend on the
 * server's speed.
 */
class StaffDoubleClickBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	/** How long to wait for a request or a row a click leads to (a loaded machine). */
	private static final Page.WaitForConditionOptions WAIT = new Page.WaitForConditionOptions().setTimeout(20_000);

	@Test
	void aDoubleClickOnSendAgainQueuesOneCopyAndALaterClickAnother() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("double-click-resend").capacity(10).create();
		String email = "doble.clic@example.org";
		TestRegistrations.register(this.registrations, "double-click-resend", "Dora Clic", email, "Discos Dobles");
		MailCatcher.awaitMessage(email, "Tu registro está confirmado");
		// The sender marks its batch SENT after the mail server has taken all of it: the
		// row may still be SENDING when the email is already in the mailbox.
		long id = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc
				.sql("select o.id from outbox_message o join registration r on r.id = o.registration_id"
						+ " where r.email = ? and o.status = 'SENT'")
				.param(email)
				.query(Long.class)
				.optional(), Optional::isPresent)
			.orElseThrow();
		String organizer = TestStaff.create(this.jdbc, "doble-clic@win.test", "Olga", StaffRole.ORGANIZER);

		Page page = open(DESKTOP, "es-MX");
		logIn(page, organizer);
		page.navigate(url("/admin/outbox/" + id));
		List<Route> held = new ArrayList<>();
		page.route("**/admin/outbox/" + id + "/resend", held::add);
		Locator sendAgain = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar de nuevo"));
		clickTwice(sendAgain);
		// The first click's request is held here; a second request, if the page let the
		// second click through, would follow it at once.
		page.waitForCondition(() -> !held.isEmpty(), WAIT);
		page.waitForTimeout(800);

		assertThat(held).as("resend requests the browser sent").hasSize(1);
		page.unroute("**/admin/outbox/" + id + "/resend");
		for (Route route : held) {
			try {
				route.resume();
			}
			catch (PlaywrightException ex) {
				// A request the browser gave up on: it never reached the server.
			}
		}
		assertThat(page.locator(".notice--ok")).containsText("Se puso en cola una copia del mensaje");
		assertThat(copies(id)).as("copies queued by the double click").isEqualTo(1);

		// The page that answered is a new one: a deliberate second click sends again.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar de nuevo")).click();
		assertThat(page.locator(".notice--ok")).containsText("Se puso en cola una copia del mensaje");
		page.waitForCondition(() -> copies(id) == 2, WAIT);
	}

	@Test
	void searchesAndFiltersAreNeverHeld() {
		String organizer = TestStaff.create(this.jdbc, "filtro-clic@win.test", "Fina", StaffRole.ORGANIZER);
		Page page = open(DESKTOP, "es-MX");
		logIn(page, organizer);
		page.navigate(url("/admin/outbox"));
		List<Route> held = new ArrayList<>();
		Predicate<String> filtered = (address) -> address.contains("/admin/outbox?status=");
		page.route(filtered, held::add);
		page.locator("#status").selectOption("FAILED");
		Locator filter = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrar"));
		clickTwice(filter);
		page.waitForCondition(() -> held.size() >= 2, WAIT);
		page.waitForTimeout(300);

		assertThat(held).as("filter requests the browser sent").hasSize(2);
		page.unroute(filtered);
		for (Route route : held) {
			try {
				route.resume();
			}
			catch (PlaywrightException ex) {
				// The first one, replaced by the second.
			}
		}
		page.waitForURL((address) -> address.contains("status=FAILED"));
	}

	/**
	 * Clicks the button, and again 130 ms later, as a double click does; returns once the
	 * page has seen both clicks (a loaded machine may run the second one late).
	 */
	private static void clickTwice(Locator button) {
		button.evaluate("button => new Promise((done) => { button.click();"
				+ " setTimeout(() => { button.click(); done(); }, 130); })");
	}

	private int copies(long id) {
		return this.jdbc.sql("select count(*) from outbox_message where resent_from = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
