package org.winformusic.events.e2e;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * The door page open twice on one phone (a link opened twice, a tab the browser
 * restored): both tabs share one queue, so no arrival queued in one is lost by the other,
 * and a list refresh that crosses a sync never shows an arrival undone or an undo
 * reverted.
 */
class DoorTabsBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Test
	void twoTabsOfflineEachCheckingSomeoneInSendBothArrivalsAfterOneIsClosed() {
		todaysEvent("door-tabs");
		long ana = register("door-tabs", "Ana Tabla", "ana@example.org");
		long bruno = register("door-tabs", "Bruno Pestaña", "bruno@example.org");
		String organizer = TestStaff.create(this.jdbc, "door-tabs@win.test", "Tere", StaffRole.ORGANIZER);
		Page first = open(PHONE, "es-MX");
		logIn(first, organizer);
		Page second = doorPageTwice(first, "door-tabs");

		first.context().setOffline(true);
		assertThat(first.locator("#door-state")).containsText("Sin conexión");
		assertThat(second.locator("#door-state")).containsText("Sin conexión");
		checkInBySearch(first, "ana", "Ana Tabla");
		checkInBySearch(second, "bruno", "Bruno Pestaña");
		// Both tabs count both arrivals and show both people in.
		assertThat(first.locator("#door-state")).containsText("2 llegadas por enviar");
		assertThat(second.locator("#door-state")).containsText("2 llegadas por enviar");
		assertIn(first, "bruno", "Bruno Pestaña");
		assertIn(second, "ana", "Ana Tabla");

		closeTab(first);
		second.context().setOffline(false);

		assertThat(second.locator("#door-state")).containsText("0 llegadas por enviar");
		awaitCheckedIn(ana);
		awaitCheckedIn(bruno);
		assertThat(checkedIn(ana)).isTrue();
		assertThat(checkedIn(bruno)).isTrue();
		assertThat(new TestRegistrations(this.jdbc).auditRows(ana, "CHECKED_IN")).isEqualTo(1);
		assertThat(new TestRegistrations(this.jdbc).auditRows(bruno, "CHECKED_IN")).isEqualTo(1);
	}

	/**
	 * One tab's sync answered while the other tab queued an arrival it could not send
	 * itself: the answer removes only what it answered, and the arrival left is sent by
	 * the tab that stays open. The same in a browser without Web Locks, whose tabs take
	 * turns through a lease in localStorage.
	 */
	@ParameterizedTest(name = "Web Locks: {0}")
	@ValueSource(booleans = { true, false })
	void aSyncAnsweredInOneTabKeepsTheArrivalTheOtherTabQueuedMeanwhile(boolean webLocks) {
		String slug = "door-tabs-sync-" + webLocks;
		todaysEvent(slug);
		long carla = register(slug, "Carla Ventana", "carla@example.org");
		long dario = register(slug, "Darío Pestaña", "dario@example.org");
		String organizer = TestStaff.create(this.jdbc, slug + "@win.test", "Tere", StaffRole.ORGANIZER);
		Page first = open(PHONE, "es-MX");
		logIn(first, organizer);
		if (!webLocks) {
			first.context().addInitScript("delete Navigator.prototype.locks;");
		}
		Page second = doorPageTwice(first, slug);
		assertThat(first.evaluate("() => 'locks' in navigator")).isEqualTo(webLocks);
		// The first tab's first sync reaches the server at once; its answer reaches the
		// tab when the test says.
		AtomicReference<Route> held = new AtomicReference<>();
		AtomicReference<APIResponse> answer = new AtomicReference<>();
		first.route("**/checkin/sync", (route) -> {
			if (held.get() == null) {
				answer.set(route.fetch());
				held.set(route);
			}
			else {
				route.resume();
			}
		});
		// The second tab's sends never reach the server.
		second.route("**/checkin/sync", (route) -> route.abort("connectionreset"));

		checkInBySearch(first, "carla", "Carla Ventana");
		first.waitForCondition(() -> held.get() != null);
		assertThat(checkedIn(carla)).isTrue();
		checkInBySearch(second, "dario", "Darío Pestaña");
		assertThat(first.locator("#door-state")).containsText("2 llegadas por enviar");
		assertThat(second.locator("#door-state")).containsText("2 llegadas por enviar");
		held.get().fulfill(new Route.FulfillOptions().setResponse(answer.get()));
		// Carla's answer taken: Darío's arrival waits, or was sent already by this tab
		// once the other one's turn was over.
		assertThat(first.locator("#door-state")).containsText(Pattern.compile("\\b[01] llegadas? por enviar"));

		closeTab(second);
		first.context().setOffline(true);
		first.context().setOffline(false);

		assertThat(first.locator("#door-state")).containsText("0 llegadas por enviar");
		awaitCheckedIn(dario);
		assertThat(checkedIn(dario)).isTrue();
		assertThat(new TestRegistrations(this.jdbc).auditRows(carla, "CHECKED_IN")).isEqualTo(1);
		assertThat(new TestRegistrations(this.jdbc).auditRows(dario, "CHECKED_IN")).isEqualTo(1);
	}

	/**
	 * The list the server sent before it heard of a check-in, answered after the sync
	 * (held back by the test), does not show that person as not arrived; the same for an
	 * undo, whose arrival does not come back. Someone registered after the page opened,
	 * in the held list only, shows that the phone took that list.
	 */
	@Test
	void aListRefreshAnsweredAfterASyncNeitherUndoesTheArrivalNorBringsBackTheUndoneOne() {
		todaysEvent("door-tabs-race");
		long ximena = register("door-tabs-race", "Ximena Carrera", "ximena@example.org");
		String organizer = TestStaff.create(this.jdbc, "door-tabs-race@win.test", "Tere", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		withoutServiceWorker(phone);
		phone.navigate(url("/admin/events/door-tabs-race/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		Locator state = phone.locator("#door-state");
		HeldList list = new HeldList(phone);

		register("door-tabs-race", "Zoe Recién", "zoe@example.org");
		list.holdNextRefresh();
		checkInBySearch(phone, "ximena", "Ximena Carrera");
		awaitCheckedIn(ximena);
		assertThat(state).containsText("0 llegadas por enviar");
		list.answer();
		phone.locator("#q").fill("zoe");
		assertThat(phone.locator(".door__person", new Page.LocatorOptions().setHasText("Zoe Recién"))).hasCount(1);
		assertIn(phone, "ximena", "Ximena Carrera");

		register("door-tabs-race", "Yolanda Recién", "yolanda@example.org");
		list.holdNextRefresh();
		Locator card = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Ximena Carrera"));
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deshacer llegada")).click();
		for (int i = 0; i < 300 && checkedIn(ximena); i++) {
			sleep();
		}
		assertThat(checkedIn(ximena)).isFalse();
		assertThat(state).containsText("0 llegadas por enviar");
		list.answer();
		phone.locator("#q").fill("yolanda");
		assertThat(phone.locator(".door__person", new Page.LocatorOptions().setHasText("Yolanda Recién"))).hasCount(1);
		phone.locator("#q").fill("ximena");
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")))
			.hasCount(1);
		assertThat(card).not().containsText("YA ENTRÓ");
	}

	/**
	 * A check-in that reaches the server again after its undo was applied (here the queue
	 * as it stood before the sync, written back as another tab holding it could, in a
	 * browser without Web Locks): the server answers it as undone, and the page shows the
	 * person not arrived, with the check-in button, and records nothing.
	 */
	@Test
	void aCheckInSentAgainAfterItsUndoLeavesThePersonNotArrived() {
		String slug = "door-tabs-replay";
		todaysEvent(slug);
		long ximena = register(slug, "Ximena Repetida", "ximena.repetida@example.org");
		String organizer = TestStaff.create(this.jdbc, "door-tabs-replay@win.test", "Tere", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		withoutServiceWorker(phone);
		phone.navigate(url("/admin/events/" + slug + "/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		Locator state = phone.locator("#door-state");

		phone.context().setOffline(true);
		checkInBySearch(phone, "ximena", "Ximena Repetida");
		Object queued = phone.evaluate("(key) => localStorage.getItem(key)", "door-queue:" + slug);
		assertThat((String) queued).contains("\"type\":\"in\"");
		phone.context().setOffline(false);
		awaitCheckedIn(ximena);
		assertThat(state).containsText("0 llegadas por enviar");
		Locator card = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Ximena Repetida"));
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deshacer llegada")).click();
		for (int i = 0; i < 300 && checkedIn(ximena); i++) {
			sleep();
		}
		assertThat(checkedIn(ximena)).isFalse();
		assertThat(state).containsText("0 llegadas por enviar");

		phone.evaluate("([key, queue]) => localStorage.setItem(key, queue)",
				java.util.List.of("door-queue:" + slug, queued));
		phone.waitForResponse("**/checkin/sync", () -> {
			phone.context().setOffline(true);
			phone.context().setOffline(false);
		});

		assertThat(state).containsText("0 llegadas por enviar");
		assertThat(checkedIn(ximena)).isFalse();
		phone.locator("#q").fill("ximena");
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")))
			.hasCount(1);
		assertThat(card).not().containsText("YA ENTRÓ");
		assertThat(new TestRegistrations(this.jdbc).auditRows(ximena, "CHECKED_IN")).isEqualTo(1);
	}

	/**
	 * The door page's list ({@code door.json}) as the server answers it now, handed to
	 * the page only when the test says: a refresh that crosses whatever the page does
	 * meanwhile. Other refreshes fail as on a flaky network.
	 */
	private static final class HeldList {

		private final Page page;

		private final AtomicBoolean holding = new AtomicBoolean();

		private final AtomicReference<Route> pending = new AtomicReference<>();

		private final AtomicReference<APIResponse> answer = new AtomicReference<>();

		HeldList(Page page) {
			this.page = page;
			page.route("**/checkin/door.json", (route) -> {
				if (this.holding.getAndSet(false)) {
					this.answer.set(route.fetch());
					this.pending.set(route);
				}
				else {
					route.abort("connectionreset");
				}
			});
		}

		/**
		 * The next refresh (asked for now, by coming back online) is fetched and held.
		 */
		void holdNextRefresh() {
			this.pending.set(null);
			this.holding.set(true);
			this.page.context().setOffline(true);
			this.page.context().setOffline(false);
			this.page.waitForCondition(() -> this.pending.get() != null);
		}

		void answer() {
			this.pending.get().fulfill(new Route.FulfillOptions().setResponse(this.answer.get()));
		}

	}

	/** The door page in two tabs of the same browser (one localStorage). */
	private Page doorPageTwice(Page first, String slug) {
		withoutServiceWorker(first);
		first.navigate(url("/admin/events/" + slug + "/checkin"));
		assertThat(first.locator(".door__letter")).not().hasCount(0);
		Page second = first.context().newPage();
		second.navigate(url("/admin/events/" + slug + "/checkin"));
		assertThat(second.locator(".door__letter")).not().hasCount(0);
		return second;
	}

	/**
	 * The door page's service worker (its shell for offline, see DoorPhoneBrowserTests)
	 * is not registered: once it controls a page, Playwright's routes may no longer see
	 * the page's requests, and these tests hold and drop them.
	 */
	private static void withoutServiceWorker(Page page) {
		page.context().route("**/door-sw*.js*", (route) -> route.abort());
	}

	/**
	 * Leaves the page first: Chromium may still run a closed tab's script for a moment
	 * (long enough to hear "online" and send its own queue), a tab left has stopped.
	 */
	private static void closeTab(Page page) {
		page.navigate("about:blank");
		page.close();
	}

	private static void checkInBySearch(Page page, String query, String name) {
		page.locator("#q").fill(query);
		Locator card = page.locator(".door__person", new Page.LocatorOptions().setHasText(name));
		assertThat(card).hasCount(1);
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
		assertThat(card.locator(".door__alert--done")).containsText("Llegada registrada a las");
	}

	/** The card shows the person in: an undo offered, no check-in. */
	private static void assertIn(Page page, String query, String name) {
		page.locator("#q").fill(query);
		Locator card = page.locator(".door__person", new Page.LocatorOptions().setHasText(name));
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deshacer llegada")))
			.hasCount(1);
		assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")))
			.hasCount(0);
	}

	private boolean checkedIn(long id) {
		return new TestRegistrations(this.jdbc).checkedIn(id);
	}

	/** At most 30 s for the phone's sync to reach the database. */
	private void awaitCheckedIn(long id) {
		for (int i = 0; i < 300 && !checkedIn(id); i++) {
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** An event under way (started an hour ago): the phone keeps its copy. */
	private void todaysEvent(String slug) {
		long event = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug(slug).capacity(10).create().id();
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
					Timestamp.from(Instant.now().plus(6, ChronoUnit.HOURS)), event)
			.update();
	}

	private long register(String slug, String name, String email) {
		return TestRegistrations.register(this.registrations, slug, name, email, "Sello Sur").registrationId();
	}

}
