package org.winformusic.events.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WIN organizer, in Spanish, reviews the registrations of an event that needs approval
 * and checks people in at the door from a phone.
 */
class AdminJourneyBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckinPasses passes;

	@Test
	void organizerFindsJoseWithoutTheAccentApprovesHimAndChecksHimInAtTheDoorFromAPhone() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("organizer-journey")
			.requiringApproval()
			.capacity(10)
			.create();
		TestRegistrations.register(this.registrations, "organizer-journey", "José Hernández",
				"jose.hernandez@example.org", "Discos del Valle");
		TestRegistrations.register(this.registrations, "organizer-journey", "María Gómez", "maria.gomez@example.org",
				"Sello Azul");
		String organizer = TestStaff.create(this.jdbc, "olga@win.test", "Olga", StaffRole.ORGANIZER);

		Page page = open(DESKTOP, "es-MX");
		logIn(page, organizer);
		page.navigate(url("/admin/events/organizer-journey/registrations"));
		page.locator("#q").fill("jose");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrar")).click();
		Locator rows = page.locator("table.registrations tbody tr");
		assertThat(rows).hasCount(1);
		assertThat(rows).containsText("José Hernández");
		assertThat(rows.locator(".status")).hasText("Por revisar");

		rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("José Hernández").setExact(true)).click();
		assertThat(page.locator("h1")).hasText("José Hernández");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aprobar")).click();
		assertThat(page.locator(".admin-notice"))
			.hasText("Aprobado: la persona tiene lugar; el correo para avisarle quedó en cola y sale en"
					+ " cuanto el servidor de correo lo acepte (lo ves abajo, en “Correos enviados”).");
		assertThat(page.locator("main .status").first()).hasText("Confirmado");
		MailCatcher.awaitMessage("jose.hernandez@example.org", "Tu registro está confirmado");

		// Two volunteers at the door find him on their phones; one taps, then the other.
		BrowserContext secondPhone = newContext(PHONE, "es-MX");
		try {
			Page first = open(PHONE, "es-MX");
			Page second = secondPhone.newPage();
			for (Page door : new Page[] { first, second }) {
				logIn(door, organizer);
				new TestEvents(this.jdbc).onItsDay("organizer-journey");
				door.navigate(url("/admin/events/organizer-journey/checkin"));
				// The phone holds its copy of the event's list once the A-Z buttons show.
				assertThat(door.locator(".door__letter")).not().hasCount(0);
				door.locator("#q").fill("hernandez");
				if (door == second) {
					door.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
				}
				// The first volunteer only types: the results follow the search box.
				assertThat(door.locator(".door__person")).containsText("José Hernández");
			}

			first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar llegada")).click();
			assertThat(first.locator("#door-results .notice")).hasText("Llegada registrada: José Hernández");
			// Just checked in on this phone: calm; the loud "YA ENTRÓ" is for repeats.
			assertThat(first.locator(".door__person .door__alert--done")).containsText("Llegada registrada a las");
			assertThat(first.locator(".door__person")).not().containsText("YA ENTRÓ");
			assertThat(first.locator(".door__count")).hasText("Llegadas: 1 de 1 con lugar confirmado");
			assertThat(first.locator("#door-state")).containsText("0 llegadas por enviar");

			// The second phone's list is older: the server answers that he was already
			// in, loudly.
			second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar llegada")).click();
			assertThat(second.locator("#door-results .notice--bad")).containsText("José Hernández: YA ENTRÓ a las");
			assertThat(second.locator(".door__person .door__alert--in")).containsText("YA ENTRÓ a las");
			assertThat(this.jdbc
				.sql("select count(*) from audit_log where action = 'CHECKED_IN' and registration_id = "
						+ "(select id from registration where email = 'jose.hernandez@example.org')")
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
		finally {
			secondPhone.close();
		}
	}

	@Test
	void scanningAPassShowsTheAttendeeTheEntrancePageAndStaffTheCheckInCard() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("qr-journey").capacity(10).create();
		RegistrationResult lucia = TestRegistrations.register(this.registrations, "qr-journey", "Lucía Ramírez",
				"lucia.ramirez@example.org", "Ruido Records");
		new TestEvents(this.jdbc).onItsDay("qr-journey");
		String organizer = TestStaff.create(this.jdbc, "omar@win.test", "Omar", StaffRole.ORGANIZER);
		String pass = this.passes.pass(lucia.registrationId());

		Page phone = open(PHONE, "es-MX");
		phone.navigate(url("/p/" + pass));
		assertThat(phone.locator("h1")).hasText("Muestra este pase en la entrada");
		assertThat(phone.locator(".manage__status")).containsText("Lucía Ramírez");

		phone.navigate(url("/admin/login"));
		submitLogin(phone, organizer);
		phone.navigate(url("/p/" + pass));
		assertThat(phone).hasURL(url("/admin/checkin/pass/" + pass));
		assertThat(phone.locator("h1")).hasText("Lucía Ramírez");
		assertThat(phone.locator(".door__card .status")).hasText("Confirmado");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar llegada")).click();
		assertThat(phone.locator(".admin-notice")).hasText("Llegada registrada: Lucía Ramírez.");
		assertThat(phone.locator(".door__card .door__alert--done")).containsText("Llegada registrada a las");
		assertThat(phone.locator(".door__card")).not().containsText("YA ENTRÓ");
		// Scanned again later: now it is a repeat, and says so loudly.
		phone.navigate(url("/p/" + pass));
		assertThat(phone.locator(".door__card .door__alert--in")).containsText("YA ENTRÓ a las");
		assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar llegada")))
			.hasCount(0);
	}

}
