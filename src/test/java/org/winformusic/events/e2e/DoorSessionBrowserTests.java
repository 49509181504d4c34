package org.winformusic.events.e2e;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
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

/**
 * Door day on two volunteers' phones: a staff session that ends with check-ins still on
 * the phone, two phones checking in the same person, the page a login returns to, and a
 * page a role may not open.
 */
class DoorSessionBrowserTests extends BrowserTest {

	/** How long a sent arrival may take to reach the database (a loaded machine). */
	private static final Duration SENT_WITHIN = Duration.ofSeconds(30);

	/** How long the test watches for an arrival that must not be sent. */
	private static final Duration UNSENT_WATCH = Duration.ofSeconds(5);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	/**
	 * The session ends (idle timeout: its rows are gone) while the volunteer keeps
	 * checking people in. The page says so and how many arrivals wait; signing out is
	 * held back instead of wiping them; signing in again from the banner comes back to
	 * the door and sends them.
	 */
	@Test
	void anEndedSessionKeepsTheArrivalsSaysSoAndSendsThemAfterSigningInAgain() throws Exception {
		long jorge = todaysEvent("door-session", "Jorge Ruiz");
		String organizer = TestStaff.create(this.jdbc, "door-session@win.test", "Diana", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		String door = url("/admin/events/door-session/checkin");
		phone.navigate(door);
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		endSessions(organizer);

		checkIn(phone, "jorge", "Jorge Ruiz");
		Locator banner = phone.locator("#door-session");
		assertThat(banner).isVisible();
		assertThat(banner).hasAttribute("role", "alert");
		assertThat(banner).containsText("Tu sesión terminó");
		assertThat(banner).containsText("1 llegada está guardada en este teléfono");
		assertThat(phone.locator("#door-state")).containsText("Sesión terminada");
		assertThat(phone.locator("#door-state")).not().containsText("En línea");

		// Signing out now would clear the phone's storage: held back, with a way through.
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar sesión")).click();
		Locator held = phone.locator("#door-leave");
		assertThat(held).containsText("1 llegada aún no se envía");
		assertThat(held.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
			.setName("Cerrar sesión de todos modos (se pierden las llegadas sin enviar)"))).isVisible();
		assertThat(phone).hasURL(door);
		screenshotOfWindow(phone, "checkin-session-ended-390");
		assertThat(checkedInAt(jorge, UNSENT_WATCH)).isNull();
		assertThat(queueLength(phone)).isEqualTo(1);

		banner.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Volver a iniciar sesión")).click();
		phone.waitForURL((address) -> address.contains("/admin/login"));
		submitLogin(phone, organizer);
		assertThat(phone).hasURL(door);
		assertThat(phone.locator("#door-state")).containsText("0 llegadas por enviar");
		assertThat(phone.locator("#door-state")).containsText("En línea");
		assertThat(phone.locator("#door-session")).isHidden();
		assertThat(checkedInAt(jorge, SENT_WITHIN)).isNotNull();
	}

	/**
	 * Signing out while offline with an arrival unsent is held back; once the phone is
	 * back online the arrival is sent and the logout goes on by itself.
	 */
	@Test
	void aLogoutHeldBackForUnsentArrivalsGoesOnOnceTheyAreSent() throws Exception {
		long jorge = todaysEvent("door-leave", "Jorge Ruiz");
		String organizer = TestStaff.create(this.jdbc, "door-leave@win.test", "Lalo", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-leave/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		phone.context().setOffline(true);
		assertThat(phone.locator("#door-state")).containsText("Sin conexión");
		checkIn(phone, "jorge", "Jorge Ruiz");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar sesión")).click();
		assertThat(phone.locator("#door-leave")).containsText("1 llegada aún no se envía");

		phone.context().setOffline(false);
		phone.waitForURL((address) -> address.contains("/admin/login"));
		assertThat(checkedInAt(jorge, SENT_WITHIN)).isNotNull();
	}

	/**
	 * "Log out" from another tab of the browser whose door page holds an unsent check-in:
	 * logging out would delete it with the site's storage, so the header's button leads
	 * to the logout page, which says so, links the door page, and logs out only on "sign
	 * out anyway".
	 */
	@Test
	void theLogoutPageOfAnotherTabHoldsBackWhileTheBrowserKeepsUnsentCheckIns() throws Exception {
		todaysEvent("door-tab", "Jorge Ruiz");
		String organizer = TestStaff.create(this.jdbc, "door-tab@win.test", "Tere", StaffRole.ORGANIZER);
		Page door = open(PHONE, "es-MX");
		logIn(door, organizer);
		door.navigate(url("/admin/events/door-tab/checkin"));
		assertThat(door.locator(".door__letter")).not().hasCount(0);
		door.context().setOffline(true);
		assertThat(door.locator("#door-state")).containsText("Sin conexión");
		checkIn(door, "jorge", "Jorge Ruiz");
		Page other = door.context().newPage();
		door.close();
		other.context().setOffline(false);

		// "Log out" in the header of any other admin page leads to the logout page.
		other.navigate(url("/admin"));
		other.locator("header form.logout-form button").click();
		other.waitForURL(url("/admin/logout"));
		Locator warning = other.locator("#logout-queue");
		assertThat(warning).isVisible();
		assertThat(warning).hasAttribute("role", "alert");
		assertThat(warning).containsText("Este navegador todavía guarda 1 llegada de la página de la entrada");
		assertThat(warning.getByRole(AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Abrir la página de la entrada (door-tab)")))
			.hasAttribute("href", "/admin/events/door-tab/checkin");
		other.locator("main form button[type=submit]").click();
		assertThat(other).hasURL(url("/admin/logout"));
		assertThat(queueLength(other)).isEqualTo(1);

		warning
			.getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions()
						.setName("Cerrar sesión de todos modos (se pierden las llegadas sin enviar)"))
			.click();
		other.waitForURL((address) -> address.contains("/admin/login"));
	}

	/**
	 * Only a page the browser navigated to is the page to return to after a login: the
	 * door script's background requests, refused while signed out, are not.
	 */
	@Test
	void signingInAgainAfterTheDoorsScriptWasRefusedLandsOnAPageNotOnJson() throws Exception {
		long rosa = todaysEvent("door-return", "Rosa Leal");
		String organizer = TestStaff.create(this.jdbc, "door-return@win.test", "Omar", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-return/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		endSessions(organizer);
		// A check-in (its sync), then the refresh every minute: both refused.
		checkIn(phone, "rosa", "Rosa Leal");
		assertThat(phone.locator("#door-session")).isVisible();
		phone.waitForResponse((response) -> response.url().contains("door.json"),
				() -> phone.evaluate("window.dispatchEvent(new Event('online'))"));

		phone.navigate(url("/admin/login"));
		submitLogin(phone, organizer);
		assertThat(phone.url()).doesNotContain("door.json").doesNotContain("/sync");
		assertThat(phone.locator("h1")).isVisible();
		assertThat(phone.locator("body")).not().containsText("\"people\"");
		// The arrival waited on the phone; back on the door page it is sent.
		phone.navigate(url("/admin/events/door-return/checkin"));
		assertThat(phone.locator("#door-state")).containsText("0 llegadas por enviar");
		assertThat(checkedInAt(rosa, SENT_WITHIN)).isNotNull();
	}

	/**
	 * Phone B, offline, checks Jorge in; phone A, online, checks him in a moment later;
	 * then B comes back online. The server keeps B's earlier time: B stays green, and A,
	 * whose check-in turned out to be the second, says loudly that he was already in.
	 */
	@Test
	void twoPhonesCheckingInTheSamePersonWarnTheOneThatWasNotFirst() throws Exception {
		long jorge = todaysEvent("door-twice", "Jorge Ruiz");
		String first = TestStaff.create(this.jdbc, "door-twice-b@win.test", "Beto", StaffRole.ORGANIZER);
		String second = TestStaff.create(this.jdbc, "door-twice-a@win.test", "Ana", StaffRole.ORGANIZER);
		Page phoneB = open(PHONE, "es-MX");
		logIn(phoneB, first);
		phoneB.navigate(url("/admin/events/door-twice/checkin"));
		assertThat(phoneB.locator(".door__letter")).not().hasCount(0);
		phoneB.context().setOffline(true);
		assertThat(phoneB.locator("#door-state")).containsText("Sin conexión");
		checkIn(phoneB, "jorge", "Jorge Ruiz");
		Thread.sleep(1100);

		BrowserContext other = newContext(PHONE, "es-MX");
		try {
			Page phoneA = other.newPage();
			logIn(phoneA, second);
			phoneA.navigate(url("/admin/events/door-twice/checkin"));
			assertThat(phoneA.locator(".door__letter")).not().hasCount(0);
			checkIn(phoneA, "jorge", "Jorge Ruiz");
			assertThat(phoneA.locator("#door-state")).containsText("0 llegadas por enviar");
			Instant onA = checkedInAt(jorge, SENT_WITHIN);
			assertThat(onA).isNotNull();

			phoneB.context().setOffline(false);
			assertThat(phoneB.locator("#door-state")).containsText("0 llegadas por enviar");
			assertThat(checkedInAt(jorge, SENT_WITHIN)).isBefore(onA);
			// B recorded him first: still calm.
			Locator onB = phoneB.locator(".door__person", new Page.LocatorOptions().setHasText("Jorge Ruiz"));
			assertThat(onB.locator(".door__alert--done")).containsText("Llegada registrada a las");
			assertThat(phoneB.locator("#door-results")).not().containsText("YA ENTRÓ");

			// A's next refresh (every minute; here the network coming back) tells A.
			phoneA.evaluate("window.dispatchEvent(new Event('online'))");
			assertThat(phoneA.locator("#door-results .notice--bad")).containsText("Jorge Ruiz: YA ENTRÓ a las");
			Locator cardOnA = phoneA.locator(".door__person", new Page.LocatorOptions().setHasText("Jorge Ruiz"));
			assertThat(cardOnA.locator(".door__alert--in")).containsText("YA ENTRÓ a las");
			assertThat(cardOnA.locator(".door__alert--done")).hasCount(0);
		}
		finally {
			other.close();
		}
	}

	/**
	 * An organizer opening an admin-only page is told it is for another role and led to
	 * the dashboard; a form whose CSRF token failed reads as an out-of-date form, not a
	 * matter of role, with the way back to its page.
	 */
	@Test
	void aPageForAnotherRoleSaysWhichRoleAndLeadsToTheDashboard() {
		String organizer = TestStaff.create(this.jdbc, "door-role@win.test", "Olga", StaffRole.ORGANIZER);
		Page page = open(PHONE, "es-MX");
		logIn(page, organizer);
		for (String path : new String[] { "/admin/users", "/admin/audit" }) {
			page.navigate(url(path));
			assertThat(page.locator("h1")).hasText("Esta página no es para tu rol");
			assertThat(page.locator("main")).containsText("solo para el rol Administración");
			assertThat(page.locator("main")).not().containsText("caducado");
			Locator back = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Volver al panel"));
			assertThat(back).hasAttribute("href", "/admin");
		}
		APIResponse expired = page.request()
			.post(url("/admin/events/mexico-workshop/capacity"),
					RequestOptions.create()
						.setHeader("Accept", "text/html")
						.setForm(com.microsoft.playwright.options.FormData.create().set("capacity", "70")));
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.text()).contains("Este formulario ya no es válido")
			.contains("Lo que enviaste no se guardó")
			.contains("href=\"/admin/events/mexico-workshop\"")
			.doesNotContain("no es para tu rol");

		// A door volunteer on a page every other role reads is not told it is for
		// organizers only.
		String volunteer = TestStaff.create(this.jdbc, "door-only@win.test", "Vero", StaffRole.DOOR);
		Page door = open(PHONE, "es-MX");
		logIn(door, volunteer);
		door.navigate(url("/admin/outbox"));
		assertThat(door.locator("h1")).hasText("Esta página no es para tu rol");
		assertThat(door.locator("main"))
			.containsText("para los roles Administración, Organización y Operaciones. El rol Entrada solo abre");
	}

	private void checkIn(Page page, String query, String name) {
		page.locator("#q").fill(query);
		Locator card = page.locator(".door__person", new Page.LocatorOptions().setHasText(name));
		assertThat(card).hasCount(1);
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
		assertThat(card.locator(".door__alert--done")).containsText("Llegada registrada a las");
	}

	/** An event under way today (the phone keeps its copy until it is over). */
	private long todaysEvent(String slug, String name) {
		long event = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug(slug).capacity(10).create().id();
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
					Timestamp.from(Instant.now().plus(6, ChronoUnit.HOURS)), event)
			.update();
		return TestRegistrations
			.register(this.registrations, slug, name, slug + "-" + name.split(" ")[0].toLowerCase() + "@example.org",
					"Sello Sur")
			.registrationId();
	}

	/** What an idle timeout does: the staff member's sessions are gone. */
	private void endSessions(String email) {
		this.jdbc.sql("delete from spring_session where principal_name = ?").param(email).update();
	}

	private static int queueLength(Page page) {
		Object length = page.evaluate("() => Object.keys(localStorage).filter((k) => k.indexOf('door-queue:') === 0)"
				+ ".map((k) => JSON.parse(localStorage.getItem(k)).length).reduce((a, b) => a + b, 0)");
		return ((Number) length).intValue();
	}

	/**
	 * When the person was checked in, waiting (polling every 100 ms) at most
	 * {@code within} for the phone's sync to reach the database; null if it did not.
	 */
	private Instant checkedInAt(long id, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Timestamp at = this.jdbc.sql("select checked_in_at from registration where id = ?")
				.param(id)
				.query(Timestamp.class)
				.optional()
				.orElse(null);
			if (at != null) {
				return at.toInstant();
			}
			if (System.nanoTime() > deadline) {
				return null;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

}
