package org.winformusic.events.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
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
 * The door page's list on a phone: "All" lists everyone, in pages, in the printed door
 * list's order and under its letters (family name first), and nothing a registrant typed
 * makes the page wider than the phone.
 */
class DoorListBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckinPasses passes;

	@Test
	void allListsEveryoneInPagesInThePrintedOrderAndTheLettersAreThePrintedLists() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-all").capacity(10).create();
		for (String name : List.of("José Ñandú Pérez", "Ana Zapata", "Juan de la Fuente", "Beto Ávila", "Eva Núñez")) {
			TestRegistrations.register(this.registrations, "door-all", name, TestRegistrations.uniqueEmail("door-all"),
					"Discos");
		}
		// "Persona 0001" and up: filed under "#", first on the paper.
		new TestRegistrations(this.jdbc).confirmedCrowd("door-all", 45);
		String organizer = TestStaff.create(this.jdbc, "door-all@win.test", "Inés", StaffRole.ORGANIZER);

		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		new TestEvents(this.jdbc).onItsDay("door-all");
		phone.navigate(url("/admin/events/door-all/checkin"));

		Locator letters = phone.locator(".door__letter");
		assertThat(letters).hasText(new String[] { "Todos", "#", "A", "F", "N", "Ñ", "Z" });
		assertThat(letters.first()).hasAttribute("aria-pressed", "true");
		Locator names = phone.locator(".door__person strong");
		assertThat(names).hasCount(40);
		assertThat(names.first()).hasText("Persona 0001");
		assertThat(phone.locator(".door__count")).hasText("Llegadas: 0 de 50 con lugar confirmado");
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mostrar más (faltan 10)")).click();
		assertThat(names).hasCount(50);
		assertThat(phone.locator(".door__more")).hasCount(0);
		// The volunteer reads on from the first new card.
		assertThat(phone.locator(".door__person").nth(40)).isFocused();
		assertThat(names.allInnerTexts().subList(45, 50)).containsExactly("Beto Ávila", "Juan de la Fuente",
				"Eva Núñez", "José Ñandú Pérez", "Ana Zapata");

		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ñ").setExact(true)).click();
		assertThat(names).hasText(new String[] { "José Ñandú Pérez" });
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("F").setExact(true)).click();
		assertThat(names).hasText(new String[] { "Juan de la Fuente" });
		letters.first().click();
		assertThat(names).hasCount(40);
	}

	/**
	 * QA's case: "Ana María Rodríguez" was only under M. A double given name stays with
	 * the given names, so the phone's letters are the family names' ones, and typing any
	 * part of the name still finds her.
	 */
	@Test
	void aDoubleGivenNameIsUnderTheFamilyNamesLetterAndAnyPartOfItFindsThePerson() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-compound").capacity(10).create();
		for (String name : List.of("Ana María Rodríguez", "José Luis Pérez López", "María de los Ángeles Cruz")) {
			TestRegistrations.register(this.registrations, "door-compound", name,
					TestRegistrations.uniqueEmail("door-compound"), "Discos");
		}
		String organizer = TestStaff.create(this.jdbc, "door-compound@win.test", "Inés", StaffRole.ORGANIZER);

		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		new TestEvents(this.jdbc).onItsDay("door-compound");
		phone.navigate(url("/admin/events/door-compound/checkin"));

		assertThat(phone.locator(".door__letter")).hasText(new String[] { "Todos", "C", "P", "R" });
		Locator names = phone.locator(".door__person strong");
		assertThat(names)
			.hasText(new String[] { "María de los Ángeles Cruz", "José Luis Pérez López", "Ana María Rodríguez" });
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("R").setExact(true)).click();
		assertThat(names).hasText(new String[] { "Ana María Rodríguez" });
		phone.locator("#q").fill("maría");
		assertThat(names).hasText(new String[] { "María de los Ángeles Cruz", "Ana María Rodríguez" });
		phone.locator("#q").fill("rodriguez");
		assertThat(names).hasText(new String[] { "Ana María Rodríguez" });
	}

	/**
	 * The phone's own search treats apostrophes as the server's does: a phone types ’, a
	 * laptop ', and many type none.
	 */
	@Test
	void anyApostropheOrNoneFindsANameWrittenWithEither() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-apostrophe").capacity(10).create();
		for (String name : List.of("Sinéad O’Brien", "Renée O'Connor", "Ana Cruz")) {
			TestRegistrations.register(this.registrations, "door-apostrophe", name,
					TestRegistrations.uniqueEmail("door-apostrophe"), "Discos");
		}
		String organizer = TestStaff.create(this.jdbc, "door-apostrophe@win.test", "Inés", StaffRole.ORGANIZER);

		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		new TestEvents(this.jdbc).onItsDay("door-apostrophe");
		phone.navigate(url("/admin/events/door-apostrophe/checkin"));

		Locator names = phone.locator(".door__person strong");
		assertThat(names).hasCount(3);
		for (String query : List.of("obrien", "o'brien", "O’Brien")) {
			phone.locator("#q").fill(query);
			assertThat(names).hasText(new String[] { "Sinéad O’Brien" });
		}
		for (String query : List.of("oconnor", "O’Connor")) {
			phone.locator("#q").fill(query);
			assertThat(names).hasText(new String[] { "Renée O'Connor" });
		}
	}

	@Test
	void aNameAndCompanyWithoutSpacesWrapOnThePhonesDoorPageAndPass() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-long").capacity(10).create();
		String name = "Maximiliana" + "x".repeat(108);
		assertThat(name).hasSize(119);
		String email = "m".repeat(60) + "@" + "d".repeat(60) + ".example.org";
		long id = TestRegistrations.register(this.registrations, "door-long", name, email, "Discos" + "y".repeat(140))
			.registrationId();
		TestRegistrations.register(this.registrations, "door-long", "Ana Corta", "ana.corta@example.org", "Sello");
		String organizer = TestStaff.create(this.jdbc, "door-long@win.test", "Olga", StaffRole.ORGANIZER);

		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		new TestEvents(this.jdbc).onItsDay("door-long");
		phone.navigate(url("/admin/events/door-long/checkin"));
		Locator long1 = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Maximiliana"));
		// "All": everyone, from the phone's copy.
		assertThat(long1).hasCount(1);
		assertFitsThePhone(phone, long1);

		phone.locator("#q").fill("maximiliana");
		assertThat(phone.locator(".door__person")).hasCount(1);
		assertFitsThePhone(phone, long1);

		// By email: the server's answer, which shows the door code (not the address).
		phone.locator("#q").fill(email);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
		assertThat(long1).containsText(this.passes.code(id));
		assertFitsThePhone(phone, long1);

		// The person's card, as a scanned badge opens it.
		phone.navigate(url("/admin/checkin/pass/" + this.passes.pass(id)));
		assertFitsThePhone(phone, phone.locator(".door__card"));

		Page pass = open(PHONE, "es-MX");
		pass.navigate(url("/p/" + this.passes.pass(id)));
		assertThat(pass.locator(".manage__status")).containsText(name);
		assertThat(noHorizontalOverflow(pass)).as("the pass page fits a 390 px phone").isTrue();
	}

	/**
	 * After the end the phone's list is the record of the day: a waitlisted person's card
	 * says so in a word, without the red "do not let them in" nobody needs any more.
	 */
	@Test
	void afterTheEndTheListShowsStatusesWithoutStoppingAnyone() {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.slug("door-over")
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		data.in(event).person("Sergio Sentado").create();
		data.in(event).person("Wendy Espera").status("WAITLISTED").create();
		String organizer = TestStaff.create(this.jdbc, "door-over@win.test", "Olga", StaffRole.ORGANIZER);

		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-over/checkin"));
		Locator wendy = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Wendy Espera"));
		assertThat(wendy).containsText("En lista de espera");
		assertThat(wendy).not().containsText("no dejes pasar a la persona");
		assertThat(wendy.locator(".door__alert--stop")).hasCount(0);
		assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar llegada")))
			.hasCount(0);
	}

	/**
	 * The page is no wider than the phone, and the person's check-in button is on screen
	 * (not pushed off to the right).
	 */
	private static void assertFitsThePhone(Page phone, Locator person) {
		assertThat(noHorizontalOverflow(phone)).as("the door page fits a 390 px phone").isTrue();
		Locator button = person.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada"));
		assertThat(button).isVisible();
		BoundingBox box = button.boundingBox();
		assertThat(box.x).isGreaterThanOrEqualTo(0);
		assertThat(box.x + box.width).isLessThanOrEqualTo(PHONE);
	}

	/** Measured once the page's stylesheets have loaded: an unstyled page is wide. */
	private static boolean noHorizontalOverflow(Page page) {
		page.waitForLoadState(LoadState.LOAD);
		return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
	}

}
