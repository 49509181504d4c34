package org.winformusic.events.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door page where its script did not load (an old phone, a blocked file): the search
 * form and one form post per check-in or undo, and the searched name in no address the
 * browser requests or is redirected to.
 */
class DoorSearchBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckinPasses passes;

	@Test
	void withoutTheDoorScriptASearchACheckInAndAnUndoPutTheNameInNoUrl() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-no-script").capacity(10).create();
		register("Ana Núñez", "ana.nunez@example.org", "Discos Norte");
		register("Beto Núñez", "beto.nunez@example.org", "Sello Sur");
		register("Carla Ruiz", "carla.ruiz@example.org", "Editora Centro");
		String organizer = TestStaff.create(this.jdbc, "door-no-script@win.test", "Nora", StaffRole.ORGANIZER);
		new TestEvents(this.jdbc).onItsDay("door-no-script");
		String door = url("/admin/events/door-no-script/checkin");

		Page phone = open(PHONE, "es-MX");
		phone.context().route("**/js/checkin-*.js", Route::abort);
		List<String> requested = new CopyOnWriteArrayList<>();
		List<String> redirectedTo = new CopyOnWriteArrayList<>();
		phone.onRequest((request) -> requested.add(request.method() + " " + request.url()));
		phone.onResponse((response) -> {
			String location = response.headerValue("location");
			if (location != null) {
				redirectedTo.add(location);
			}
		});
		logIn(phone, organizer);
		phone.navigate(door);

		phone.locator("#q").fill("Núñez");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
		Locator people = phone.locator(".door__person");
		assertThat(people).hasCount(2);
		Locator ana = people.filter(new Locator.FilterOptions().setHasText("Ana Núñez"));
		ana.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
		assertThat(phone.locator(".admin-notice")).hasText("Llegada registrada: Ana Núñez.");
		// The same results again, the search still in the box.
		assertThat(people).hasCount(2);
		assertThat(phone.locator("#q")).hasValue("Núñez");
		assertThat(ana.locator(".door__alert--done")).containsText("Llegada registrada a las");
		ana.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deshacer llegada")).click();
		assertThat(phone.locator(".admin-notice")).hasText("Llegada deshecha: Ana Núñez");
		assertThat(people).hasCount(2);
		assertThat(phone.url()).isEqualTo(door);

		assertThat(requested).anyMatch((r) -> r.equals("POST " + door));
		assertThat(redirectedTo).hasSizeGreaterThanOrEqualTo(3);
		assertThat(requested).noneMatch(DoorSearchBrowserTests::holdsTheName);
		assertThat(redirectedTo).noneMatch(DoorSearchBrowserTests::holdsTheName);
	}

	/**
	 * The phone's copy holds no emails: a search by email goes to the server, whose
	 * answer stays on screen once the copy has loaded, and checks the person in by form
	 * post; the address in no URL either.
	 */
	@Test
	void withTheScriptASearchByEmailShowsTheServersAnswerAndChecksInFromIt() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-by-email").capacity(10).create();
		TestRegistrations.register(this.registrations, "door-by-email", "Ana Núñez", "ana.nunez@example.org",
				"Discos Norte");
		TestRegistrations.register(this.registrations, "door-by-email", "Beto Ruiz", "beto.ruiz@example.org",
				"Sello Sur");
		String organizer = TestStaff.create(this.jdbc, "door-by-email@win.test", "Elsa", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		List<String> requested = new CopyOnWriteArrayList<>();
		phone.onRequest((request) -> requested.add(request.method() + " " + request.url()));
		logIn(phone, organizer);
		new TestEvents(this.jdbc).onItsDay("door-by-email");
		phone.navigate(url("/admin/events/door-by-email/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.locator("#q").fill("ana.nunez@example.org");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
		// The copy is loaded again on the new page, and searched: the server's answer
		// stays.
		assertThat(phone.locator("#door-tools")).isVisible();
		assertThat(phone.locator("#door-state")).containsText("lista de hace 0 min");
		Locator ana = phone.locator(".door__person");
		assertThat(ana).hasCount(1);
		assertThat(ana).containsText("Ana Núñez");
		ana.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
		assertThat(phone.locator(".admin-notice")).hasText("Llegada registrada: Ana Núñez.");
		assertThat(ana.locator(".door__alert--done")).containsText("Llegada registrada a las");
		assertThat(requested).noneMatch(DoorSearchBrowserTests::holdsTheName);
	}

	/**
	 * The copy holds no emails: typing an address, or part of one, it finds nobody, and
	 * then it does not say "nobody matches" (the person is registered): it says the
	 * phone's list has no match and to press Find to search by email on the server;
	 * offline, that searching by email needs a connection.
	 */
	@Test
	void anEmailTheCopyDoesNotKnowSendsToTheServerInsteadOfSayingNobodyMatches() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-email-typed").capacity(10).create();
		TestRegistrations.register(this.registrations, "door-email-typed", "Ángel Pérez", "angel@example.com",
				"Discos Norte");
		String organizer = TestStaff.create(this.jdbc, "door-email-typed@win.test", "Elsa", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		new TestEvents(this.jdbc).onItsDay("door-email-typed");
		phone.navigate(url("/admin/events/door-email-typed/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.locator("#q").fill("angel@exa");
		Locator results = phone.locator("#door-results");
		assertThat(results).containsText("Nadie en la lista del teléfono coincide.");
		assertThat(results).containsText("toca “Buscar” para buscar también por correo en el servidor");
		assertThat(results).not().containsText("Nadie coincide.");

		phone.context().setOffline(true);
		assertThat(results).containsText("para buscar por correo hace falta conexión");
		assertThat(results).not().containsText("toca “Buscar”");
		phone.context().setOffline(false);

		phone.locator("#q").fill("angel@example.com");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
		assertThat(phone.locator(".door__person")).hasCount(1);
		assertThat(phone.locator(".door__person")).containsText("Ángel Pérez");
	}

	/**
	 * The door code of another event's pass: the phone's copy finds nobody and says it
	 * may be another event's code, to press Find (offline, that it needs a connection);
	 * the server's answer names that event and stays on screen, with the same person's
	 * registration here to check in.
	 */
	@Test
	void anotherEventsDoorCodeSaysWhichEventItIsFor() {
		TestEvents.Created may = new TestEvents(this.jdbc).event()
			.slug("door-code-may")
			.title("Taller de mayo", "May workshop")
			.create();
		TestEvents.Created today = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("door-code-today")
			.capacity(10)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long inMay = data.in(may).person("Dora Código").email("dora@example.com").create().id();
		data.in(today).person("Dora Código").email("dora@example.com").create();
		String organizer = TestStaff.create(this.jdbc, "door-code@win.test", "Elsa", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		new TestEvents(this.jdbc).onItsDay("door-code-today");
		phone.navigate(url("/admin/events/door-code-today/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		String code = this.passes.code(inMay);
		phone.locator("#q").fill(code.substring(0, 4) + " " + code.substring(4).toLowerCase(Locale.ROOT));
		Locator results = phone.locator("#door-results");
		assertThat(results).containsText("Si es un código de entrada, puede ser de otro evento: toca “Buscar”");
		phone.context().setOffline(true);
		assertThat(results).containsText("para saber de cuál, o para buscar por correo, hace falta conexión");
		phone.context().setOffline(false);

		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
		assertThat(phone.locator("#door-state")).containsText("lista de hace 0 min");
		assertThat(results).containsText("Este código de entrada no es de este evento: es de “Taller de mayo”, el ");
		assertThat(results).containsText("Pero esta misma persona también tiene registro en este evento:");
		Locator dora = phone.locator(".door__person");
		assertThat(dora).hasCount(1);
		dora.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
		assertThat(phone.locator(".admin-notice")).hasText("Llegada registrada: Dora Código.");
	}

	private void register(String name, String email, String company) {
		TestRegistrations.register(this.registrations, "door-no-script", name, email, company);
	}

	/** "Núñez" in any spelling: as typed, without accents, percent-encoded. */
	private static boolean holdsTheName(String url) {
		String decoded = URLDecoder.decode(url, StandardCharsets.UTF_8);
		return Normalizer.normalize(decoded, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.contains("nunez");
	}

}
