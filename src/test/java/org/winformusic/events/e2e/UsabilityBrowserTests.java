package org.winformusic.events.e2e;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
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
 * The stumbles of the usability pass (issue 18), as a visitor and an organizer meet them:
 * what the form does after a mistake, the language switch, the email hint, the event page
 * on a phone, and the registrations list on a laptop.
 */
class UsabilityBrowserTests extends BrowserTest {

	/** {@code --bad} in app.css. */
	private static final String ERROR_RED = "rgb(161, 29, 33)";

	/** {@code --focus} in app.css: 6.7:1 against white. */
	private static final String FOCUS_BLUE = "rgb(29, 78, 216)";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Test
	void afterAFailedSubmitFocusIsOnTheSummaryAndEveryFieldInErrorShowsARedBorder() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("ux-errors").capacity(10).create();
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/ux-errors/register"));
		page.locator("#fullName").fill("Ana Lucía Peña");
		page.locator("form.form button[type=submit]").click();

		Locator summary = page.locator(".error-summary");
		assertThat(summary).isFocused();
		for (String field : new String[] { "#email", "#company", "#city", "#companyType", "#state" }) {
			assertThat(page.locator(field)).hasCSS("border-top-color", ERROR_RED);
		}
		assertThat(page.locator("#fullName")).not().hasCSS("border-top-color", ERROR_RED);
		Locator group = page.locator("fieldset[role=radiogroup]");
		assertThat(group).hasAttribute("aria-required", "true");
		assertThat(group).hasAttribute("aria-invalid", "true");

		Locator choice = page.locator("label.choice").first();
		assertThat(choice).hasCSS("font-weight", "400");
		assertThat(choice).hasCSS("display", "flex");
		double box = page.locator("#associationInterest-YES").boundingBox().y;
		double text = choice.locator("span").boundingBox().y;
		assertThat(Math.abs(text - box)).as("the label's text sits beside its radio, not under it").isLessThan(12);

		summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Escribe tu ciudad.")).click();
		assertThat(page.locator("#city")).isFocused();
		double labelTop = page.locator("label[for=city]").boundingBox().y;
		assertThat(labelTop).as("the field's label is on screen after following the error link")
			.isGreaterThanOrEqualTo(0);

		page.keyboard().press("Shift+Tab");
		page.keyboard().press("Tab");
		assertThat(page.locator("#city")).hasCSS("outline-color", FOCUS_BLUE);
		assertThat(page.locator("#city")).hasCSS("outline-width", "3px");
		page.locator("#associationInterest-MAYBE").focus();
		page.keyboard().press("ArrowDown");
		assertThat(page.locator("#associationInterest-NO")).hasCSS("outline-color", FOCUS_BLUE);
		assertAccessible(page);
	}

	@Test
	void switchingLanguageOnAFormWithErrorsKeepsWhatWasTypedAndStoresNothing() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("ux-language").capacity(10).create();
		Page page = open(DESKTOP, "es-MX");
		page.navigate(url("/events/ux-language/register"));
		page.locator("#fullName").fill("Bruno Téllez");
		page.locator("#email").fill("bruno@example.org");
		page.locator("#company").fill("Sello Lunar");
		page.locator("#comments").fill("Llego en silla de ruedas.");
		page.locator("form.form button[type=submit]").click();
		assertThat(page.locator(".error-summary")).isVisible();
		// The switch keeps what was typed once js/form.js (deferred) has run: the page's
		// load event comes after it; clicking before would follow the plain link.
		page.waitForLoadState(LoadState.LOAD);
		page.locator("#companyType").selectOption("INDEPENDENT_LABEL");
		page.locator("#associationInterest-MAYBE").check();
		String stamp = page.locator("input[name=formStamp]").inputValue();

		page.locator(".lang a[hreflang=en]").click();
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasText("Register");
		assertThat(page.locator("#fullName")).hasValue("Bruno Téllez");
		assertThat(page.locator("#email")).hasValue("bruno@example.org");
		assertThat(page.locator("#company")).hasValue("Sello Lunar");
		assertThat(page.locator("#comments")).hasValue("Llego en silla de ruedas.");
		assertThat(page.locator("#companyType")).hasValue("INDEPENDENT_LABEL");
		assertThat(page.locator("#associationInterest-MAYBE")).isChecked();
		// The form keeps the time it was first shown (a quick registration after the
		// switch is not taken for a robot's).
		assertThat(page.locator("input[name=formStamp]")).hasValue(stamp);
		// Reached by a plain GET, so Back never asks to send a form again; the values
		// left in the tab's storage only for the switch.
		assertThat(page.url()).endsWith("/events/ux-language/register?lang=en");
		assertThat(page.evaluate("window.sessionStorage.length")).isEqualTo(0);
		// This event's: the browser tests share one database, and DoorOfflineBrowserTests
		// registers a bruno@example.org of its own.
		assertThat(this.jdbc
			.sql("select count(*) from registration where email = 'bruno@example.org'"
					+ " and event_id = (select id from event where slug = 'ux-language')")
			.query(Long.class)
			.single()).isZero();
		assertAccessible(page);
	}

	@Test
	void aLikelyEmailTypoIsAHintThatOneTapAccepts() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("ux-typo").capacity(10).create();
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/ux-typo/register"));
		page.locator("#fullName").fill("Carmen Ibarra");
		page.locator("#email").fill("carmen.ibarra@gmial.com");
		page.locator("#company").fill("Discos Faro");
		page.locator("#companyType").selectOption("INDEPENDENT_LABEL");
		page.locator("#state").selectOption("JAL");
		page.locator("#city").fill("Guadalajara");
		page.locator("#associationInterest-YES").check();
		page.locator("#privacyConsent").check();
		page.locator("form.form button[type=submit]").click();

		Locator hint = page.locator("#email-suggestion");
		assertThat(hint).isFocused();
		assertThat(hint).containsText("¿Quisiste decir carmen.ibarra@gmail.com?");
		assertThat(page.locator(".error-summary")).hasCount(0);
		assertThat(page.locator("#email")).not().hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#email")).not().hasCSS("border-top-color", ERROR_RED);
		assertAccessible(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Usar carmen.ibarra@gmail.com")).click();
		assertThat(page.locator("#email")).hasValue("carmen.ibarra@gmail.com");
		page.locator("form.form button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile(".*/r/[A-Za-z0-9_-]{43}\\?new$"));
		assertThat(this.jdbc.sql("select email from registration where full_name = 'Carmen Ibarra'")
			.query(String.class)
			.single()).isEqualTo("carmen.ibarra@gmail.com");
	}

	@Test
	void onAPhoneTheEventPageOffersRegistrationAgainAfterTheSpeakersAndKeepsTheHoursTogether() {
		for (int width : new int[] { 320, PHONE }) {
			Page page = open(width, "es-MX");
			page.navigate(url("/events/mexico-workshop"));
			Locator hours = page.locator(".facts .nowrap");
			assertThat(hours).hasText("10:00–14:00");
			assertThat(hours.evaluate("e => e.getClientRects().length")).as("one line box").isEqualTo(1);

			Locator again = page.locator("#register-again + .cta a.button");
			assertThat(again).hasText("Registrarme");
			double speakers = page.locator("#speakers").boundingBox().y;
			assertThat(again.boundingBox().y).isGreaterThan(speakers);
			assertThat(page.locator("main")).containsText("Vive Latino");
			assertThat(page.locator("main")).containsText("Aldea Musical");
			assertThat(page.locator("main")).containsText("puerta de entrada a América Latina");
			assertThat(page.locator("main")).containsText("nueva meca del streaming");
			assertAccessible(page);
		}
	}

	@Test
	void theRegistrationsListFitsALaptopAndAPendingRowIsApprovedFromTheList() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("ux-list").requiringApproval().capacity(20).create();
		for (int i = 1; i <= 4; i++) {
			TestRegistrations.register(this.registrations, "ux-list", "María Fernanda de los Ángeles Rodríguez " + i,
					"maria.fernanda.de.los.angeles.rodriguez." + i + "@una-disquera-independiente.com.mx",
					"Asociación de Productores Fonográficos Independientes del Bajío " + i);
		}
		String organizer = TestStaff.create(this.jdbc, "ux-organizer@win.test", "Organizadora", StaffRole.ORGANIZER);
		Page page = open(DESKTOP, "es-MX");
		logIn(page, organizer);
		page.navigate(url("/admin/events/ux-list/registrations"));

		Object overflow = page.locator(".table-wrap").first().evaluate("e => e.scrollWidth - e.clientWidth");
		assertThat(((Number) overflow).intValue()).as("no sideways scrolling at 1280 px").isLessThanOrEqualTo(0);
		assertThat(page.locator("thead")).containsText("Situación");
		assertThat(page.locator("thead")).containsText("Estado (entidad)");
		assertAccessible(page);
		screenshot(page, "registrations-pending-" + DESKTOP);

		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Aprobar a María Fernanda de los Ángeles Rodríguez 1"))
			.click();
		assertThat(page).hasURL(Pattern.compile(".*/admin/events/ux-list/registrations.*"));
		assertThat(page.locator(".admin-notice")).containsText("Se aprobó a María Fernanda de los Ángeles Rodríguez 1");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("María Fernanda de los Ángeles Rodríguez 1"))
			.click();
		// innerText does not wait for the click's page: the list has a main too.
		assertThat(page).hasURL(Pattern.compile(".*/admin/registrations/\\d+.*"));
		page.waitForLoadState(LoadState.LOAD);
		String detail = page.locator("main").innerText();
		assertThat(detail).contains("Aprobado", "Situación: Por revisar → Confirmado")
			.doesNotContain("APPROVED", "PENDING", "CONFIRMED", "SENT");
		assertAccessible(page);
	}

}
