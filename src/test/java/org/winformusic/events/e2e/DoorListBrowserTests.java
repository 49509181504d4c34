package org.winformusic.events.e2e;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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

/**
 * The door page's list on a phone: "All" lists everyone, in pages, in the printed door
 * list's order and under its letters (family name first).
 */
class DoorListBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

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

		letters.filter(new Locator.FilterOptions().setHasText("Ñ")).click();
		assertThat(names).hasText(new String[] { "José Ñandú Pérez" });
		letters.filter(new Locator.FilterOptions().setHasText("F")).click();
		assertThat(names).hasText(new String[] { "Juan de la Fuente" });
		letters.first().click();
		assertThat(names).hasCount(40);
	}

}
