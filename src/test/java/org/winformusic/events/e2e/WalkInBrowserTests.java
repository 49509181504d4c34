package org.winformusic.events.e2e;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
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
 * Adding a walk-in on a volunteer's phone: switching the language keeps what was typed,
 * Enter on a full event picks no choice, and the way to the form is closed while the
 * phone is offline (it needs the server).
 */
class WalkInBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void switchingTheLanguageOfTheWalkInFormKeepsWhatWasTyped() {
		todaysEvent("walk-in-lang");
		String organizer = TestStaff.create(this.jdbc, "walk-in-lang@win.test", "Lola", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/walk-in-lang/checkin/walk-in"));
		assertThat(phone.locator("h1")).hasText("Registrar a alguien en la puerta");
		Locator back = phone.locator(".walk-in__back a");
		BoundingBox backBox = back.boundingBox();
		assertThat(backBox.height).as("the top 'Volver a la puerta' is a whole tap target").isGreaterThanOrEqualTo(44);

		phone.locator("#fullName").fill("Lucía Llegada");
		phone.locator("#email").fill("lucia.llegada@example.org");
		phone.locator("#company").fill("Sello Sur");
		phone.locator("#companyType").selectOption("INDEPENDENT_LABEL");
		phone.locator("#state").selectOption("JAL");
		phone.locator("#city").fill("Guadalajara");
		phone.locator("#associationInterest").selectOption("MAYBE");
		phone.locator("#language").selectOption(new SelectOption().setValue("en"));
		phone.locator("#privacyConsent").check();
		phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English").setExact(true)).click();

		assertThat(phone.locator("h1")).hasText("Add a walk-in");
		assertThat(phone.locator("#fullName")).hasValue("Lucía Llegada");
		assertThat(phone.locator("#email")).hasValue("lucia.llegada@example.org");
		assertThat(phone.locator("#company")).hasValue("Sello Sur");
		assertThat(phone.locator("#companyType")).hasValue("INDEPENDENT_LABEL");
		assertThat(phone.locator("#state")).hasValue("JAL");
		assertThat(phone.locator("#city")).hasValue("Guadalajara");
		assertThat(phone.locator("#associationInterest")).hasValue("MAYBE");
		assertThat(phone.locator("#language")).hasValue("en");
		assertThat(phone.locator("#privacyConsent")).isChecked();
		assertAccessible(phone);

		phone.locator("form.form button.button--large").click();
		assertThat(phone).hasURL(url("/admin/events/walk-in-lang/checkin"));
		assertThat(phone.locator("main")).containsText("Lucía Llegada was added and checked in");
	}

	@Test
	void offlineTheDoorPageDoesNotLeadToTheWalkInFormAndSaysItNeedsAConnection() {
		todaysEvent("walk-in-offline");
		String volunteer = TestStaff.create(this.jdbc, "walk-in-offline@win.test", "Vale", StaffRole.DOOR);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, volunteer);
		String door = url("/admin/events/walk-in-offline/checkin");
		phone.navigate(door);
		assertThat(phone.locator("#door-state")).containsText("En línea");
		Locator link = phone.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Registrar a alguien en la puerta"));
		Locator note = phone.locator(".door__walk-in-note");
		// A gap between the search and the walk-in link, both measured in one frame (the
		// script still changes the lines above them after "En línea" shows): waits for
		// it,
		// fails if it never comes.
		phone.waitForFunction("""
				() => document.querySelector('.door__walk-in a').getBoundingClientRect().top
				      - document.querySelector('.door__search-row').getBoundingClientRect().bottom >= 8""");
		assertThat(link).not().hasAttribute("aria-disabled", "true");

		phone.context().setOffline(true);
		assertThat(phone.locator("#door-state")).containsText("Sin conexión");
		assertThat(link).hasAttribute("aria-disabled", "true");
		link.click(new Locator.ClickOptions().setForce(true));
		assertThat(note).hasAttribute("role", "alert");
		assertThat(note).hasText("Necesita conexión: no funciona si el teléfono está sin internet.");
		assertThat(note).hasCSS("font-weight", "600");
		assertThat(phone).hasURL(door);
		assertThat(phone.locator("h1")).hasText("Registro de entrada");

		phone.context().setOffline(false);
		assertThat(phone.locator("#door-state")).containsText("En línea");
		assertThat(link).not().hasAttribute("aria-disabled", "true");
		link.click();
		assertThat(phone).hasURL(door + "/walk-in");
		assertThat(phone.locator("h1")).hasText("Registrar a alguien en la puerta");
	}

	/**
	 * The event full, an admin told so: "Go" on the phone's keyboard (Enter in a field)
	 * asks again and adds nobody; the choices are a tap each, after the form's own
	 * button.
	 */
	@Test
	void enterOnAFullEventAsksAgainAndTheChoicesComeAfterTheFormsButton() {
		long event = todaysEvent("walk-in-full", 1);
		new TestRegistrations(this.jdbc).in(event).person("Ana Sentada").create();
		new TestRegistrations(this.jdbc).in(event).person("Beto Espera").status("WAITLISTED").create();
		String admin = TestStaff.create(this.jdbc, "walk-in-full@win.test", "Adela", StaffRole.ADMIN);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, admin);
		phone.navigate(url("/admin/events/walk-in-full/checkin/walk-in"));
		phone.locator("#fullName").fill("Rita Enter");
		phone.locator("#email").fill("rita.enter@example.org");
		phone.locator("#company").fill("Sello Sur");
		phone.locator("#companyType").selectOption("INDEPENDENT_LABEL");
		phone.locator("#state").selectOption("JAL");
		phone.locator("#city").fill("Guadalajara");
		phone.locator("#associationInterest").selectOption("MAYBE");
		phone.locator("#privacyConsent").check();
		phone.locator("#city").press("Enter");
		Locator full = phone.locator("#full");
		assertThat(full).containsText("Ya no hay lugares");
		assertThat(full).containsText("Ya hay una persona en la lista de espera.");
		screenshotOfWindow(phone, "walk-in-full-390");

		phone.locator("#city").press("Enter");
		assertThat(full).containsText("Ya no hay lugares");
		assertThat(phone.locator("#city")).hasValue("Guadalajara");
		assertThat(registrations(event)).isEqualTo(2);
		assertAccessible(phone);

		full.getByRole(AriaRole.LINK).click();
		Locator choices = phone.locator("#full-choices");
		assertThat(choices).isInViewport();
		screenshotOfWindow(phone, "walk-in-full-choices-390");
		choices.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Anotar en la lista de espera"))
			.click();
		assertThat(phone).hasURL(url("/admin/events/walk-in-full/checkin"));
		assertThat(registrations(event)).isEqualTo(3);
	}

	private long registrations(long event) {
		return this.jdbc.sql("select count(*) from registration where event_id = ?")
			.param(event)
			.query(Long.class)
			.single();
	}

	private void todaysEvent(String slug) {
		todaysEvent(slug, 10);
	}

	/** An event under way today, as the door sees it. */
	private long todaysEvent(String slug, int capacity) {
		long event = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug(slug).capacity(capacity).create().id();
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
					Timestamp.from(Instant.now().plus(6, ChronoUnit.HOURS)), event)
			.update();
		return event;
	}

}
