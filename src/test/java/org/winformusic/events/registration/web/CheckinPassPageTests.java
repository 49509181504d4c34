package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.QrCodes;
import org.winformusic.events.TestEvents;
import org.winformusic.events.privacy.ErasureTestAccess;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The check-in pass: what the QR code carries instead of the manage link. It shows the
 * attendee "show this at the entrance", lets signed-in staff check the person in, and
 * opens nothing else.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CheckinPassPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckinPasses passes;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	ApplicationContext context;

	@Test
	void theManagePageQrCodeCarriesThePassNotTheManageToken() throws Exception {
		RegistrationResult result = register(Locale.ENGLISH);
		String page = page(get("/r/" + result.manageToken()).param("lang", "en"));

		Matcher image = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
		assertThat(image.find()).isTrue();
		String scanned = QrCodes
			.decodeSvg(new String(Base64.getDecoder().decode(image.group(1)), StandardCharsets.UTF_8));
		assertThat(scanned).isEqualTo("http://localhost:8080/p/" + this.passes.pass(result.registrationId()))
			.doesNotContain(result.manageToken());
	}

	@Test
	void thePassPageAndTheManagePageShowTheDoorCodeToTypeUnderTheQrCode() throws Exception {
		RegistrationResult result = register(Locale.forLanguageTag("es"));
		String code = this.passes.code(result.registrationId());
		Pattern underQr = Pattern.compile("<img class=\"qr\"[^>]*>\\s*<p class=\"door-code\">\\s*"
				+ "<span class=\"door-code__label\">Código de entrada</span>\\s*"
				+ "<strong class=\"door-code__value\" translate=\"no\">" + code + "</strong>");
		assertThat(page(get("/p/" + this.passes.pass(result.registrationId())))).containsPattern(underQr);
		assertThat(page(get("/r/" + result.manageToken()))).containsPattern(underQr);
		assertThat(page(get("/p/" + this.passes.pass(result.registrationId())).param("lang", "en")))
			.contains("<span class=\"door-code__label\">Door code</span>");
	}

	@Test
	void anAnonymousScanShowsTheEntrancePageInTheRegistrantsLanguageWithNothingButNameCompanyAndStatus()
			throws Exception {
		RegistrationResult result = register(Locale.ENGLISH);
		String pass = this.passes.pass(result.registrationId());

		// The phone at the door speaks Spanish; the registrant registered in English.
		String page = this.mvc.perform(get("/p/" + pass).header("Accept-Language", "es-MX,es;q=0.9"))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Show this at the entrance", "Pase Prueba", "Discos Pase", "Confirmed",
				"Test workshop");
		assertThat(page).doesNotContain("pase@example.org")
			.doesNotContain("55 1234 5678")
			.doesNotContain("/r/")
			.doesNotContain("Muestra este pase");

		RegistrationResult spanish = register(Locale.forLanguageTag("es"));
		String spanishPass = this.passes.pass(spanish.registrationId());
		assertThat(page(get("/p/" + spanishPass).header("Accept-Language", "en")))
			.contains("Muestra este pase en la entrada");
		// The page's language switch works like on every other page.
		assertThat(page(get("/p/" + spanishPass).param("lang", "en"))).contains("<html lang=\"en\"",
				"Show this at the entrance");
	}

	@Test
	void signedInStaffGoOnToTheCheckInCardAndCheckThePersonIn() throws Exception {
		RegistrationResult result = register(Locale.ENGLISH);
		String pass = this.passes.pass(result.registrationId());
		this.mvc.perform(get("/p/" + pass).with(user("door@win.test").roles("OPS")))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/admin/checkin/pass/" + pass));
		this.mvc.perform(post("/admin/checkin/pass/" + pass).with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().isForbidden());
		assertThat(checkedIn(result.registrationId())).as("no CSRF token, no check-in").isFalse();

		this.mvc
			.perform(post("/admin/checkin/pass/" + pass).with(csrf()).with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		assertThat(checkedIn(result.registrationId())).isTrue();
	}

	@Test
	void aCancelledOrDeclinedRegistrationsPassSaysInTheRegistrantsLanguageThatItNoLongerGetsAnyoneIn()
			throws Exception {
		RegistrationResult cancelled = register(Locale.ENGLISH);
		this.staff.cancelByStaff(cancelled.registrationId());
		String page = this.mvc
			.perform(get("/p/" + this.passes.pass(cancelled.registrationId())).header("Accept-Language", "es-MX"))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("This pass is no longer valid",
				"This registration was cancelled, so this pass no longer gets anyone into the event.", "Test workshop")
			.doesNotContain("Show this at the entrance", "The organizers scan this code", "data:image/svg",
					"Pase Prueba", "Discos Pase", "Este pase");

		RegistrationResult declined = register(Locale.forLanguageTag("es"));
		this.staff.decline(declined.registrationId());
		assertThat(page(get("/p/" + this.passes.pass(declined.registrationId())).header("Accept-Language", "en")))
			.contains("Este pase ya no es válido", "Este registro no fue aceptado", "Taller de prueba")
			.doesNotContain("Muestra este pase", "data:image/svg", "Pase Prueba", "Discos Pase");
	}

	/**
	 * Only a confirmed person is checked in (V29). Someone whose seat staff withdrew
	 * (moved to the waitlist), or who is still under review, keeps the pass from an
	 * earlier email or a screenshot: it must not tell them to show it at the entrance.
	 */
	@Test
	void aWaitlistedOrPendingRegistrationsPassSaysItDoesNotGetThemInYet() throws Exception {
		TestEvents.Created full = new TestEvents(this.jdbc).event().capacity(1).create();
		long withdrawn = this.registrations.register(full.slug(), form("retirado@example.org"), Locale.ENGLISH)
			.registrationId();
		this.registrations.register(full.slug(), form("espera@example.org"), Locale.ENGLISH);
		this.staff.moveToWaitlist(withdrawn);
		String page = page(get("/p/" + this.passes.pass(withdrawn)).header("Accept-Language", "es-MX"));
		assertThat(page).contains("This pass does not get you in yet",
				"You are on the waitlist: there is no seat for you yet. If one frees up, we email you and this pass will get you in.",
				"Test workshop")
			.doesNotContain("Show this at the entrance", "The organizers scan this code", "data:image/svg");

		TestEvents.Created reviewed = new TestEvents(this.jdbc).event().requiringApproval().capacity(5).create();
		long pending = this.registrations
			.register(reviewed.slug(), form("revision@example.org"), Locale.forLanguageTag("es"))
			.registrationId();
		assertThat(page(get("/p/" + this.passes.pass(pending)).header("Accept-Language", "en")))
			.contains("Este pase todavía no te da acceso", "Tu registro está en revisión", "Taller de prueba")
			.doesNotContain("Muestra este pase", "data:image/svg");
	}

	private static RegistrationForm form(String email) {
		return new RegistrationForm("Pase Prueba", email, "Discos Pase", null, "INDEPENDENT_LABEL", "CMX",
				"Ciudad de México", "55 1234 5678", "YES", null, null, true, false, null);
	}

	@Test
	void staffScanningACancelledRegistrationsPassAreOfferedNoCheckIn() throws Exception {
		RegistrationResult result = register(Locale.ENGLISH);
		String pass = this.passes.pass(result.registrationId());
		this.staff.cancelByStaff(result.registrationId());

		this.mvc.perform(get("/p/" + pass).with(user("door@win.test").roles("OPS")))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/admin/checkin/pass/" + pass));
		String card = page(
				get("/admin/checkin/pass/" + pass).param("lang", "en").with(user("door@win.test").roles("ORGANIZER")));
		assertThat(card).contains("Pase Prueba", "door__alert--stop")
			.doesNotContain("action=\"/admin/checkin/pass/" + pass + "\"");
		this.mvc
			.perform(post("/admin/checkin/pass/" + pass).with(csrf()).with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		assertThat(checkedIn(result.registrationId())).isFalse();
	}

	@Test
	void anErasedRegistrationsPassAnswersExactlyAsAnUnknownPass() throws Exception {
		RegistrationResult result = register(Locale.ENGLISH);
		String pass = this.passes.pass(result.registrationId());
		new ErasureTestAccess(this.context).eraseByStaff(result.registrationId());

		char last = pass.charAt(pass.length() - 1);
		String unknown = pass.substring(0, pass.length() - 1) + ((last == 'A') ? 'B' : 'A');
		// The pages may name their own address (language links): compare without it.
		String erasedPage = notFound(get("/p/" + pass).param("lang", "en")).replace(pass, "{pass}");
		assertThat(erasedPage).isEqualTo(notFound(get("/p/" + unknown).param("lang", "en")).replace(unknown, "{pass}"))
			.doesNotContain("Test workshop", "no longer valid", "Cancelled");
		this.mvc.perform(get("/p/" + pass).with(user("door@win.test").roles("OPS"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/checkin/pass/" + pass).with(user("door@win.test").roles("OPS")))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePassOpensNoManagePageAndATamperedPassOpensNothing() throws Exception {
		RegistrationResult result = register(Locale.ENGLISH);
		String pass = this.passes.pass(result.registrationId());

		this.mvc.perform(get("/r/" + pass)).andExpect(status().isNotFound());
		this.mvc.perform(get("/r/" + pass + "/edit")).andExpect(status().isNotFound());
		this.mvc.perform(post("/r/" + pass + "/cancel").with(csrf())).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select status from registration where id = ?")
			.param(result.registrationId())
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");

		char last = pass.charAt(pass.length() - 1);
		String tampered = pass.substring(0, pass.length() - 1) + ((last == 'A') ? 'B' : 'A');
		this.mvc.perform(get("/p/" + tampered)).andExpect(status().isNotFound());
		this.mvc.perform(get("/p/" + result.manageToken())).andExpect(status().isNotFound());
		assertThat(this.passes.resolve(pass)).contains(result.registrationId());
		assertThat(this.passes.code(result.registrationId())).matches("[2-9A-HJ-NP-Z]{8}");
		assertThat(this.passes.codeMatches(result.registrationId(),
				this.passes.code(result.registrationId()).toLowerCase(Locale.ROOT)))
			.isTrue();
	}

	private RegistrationResult register(Locale locale) {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		RegistrationForm form = new RegistrationForm("Pase Prueba", "pase@example.org", "Discos Pase", null,
				"INDEPENDENT_LABEL", "CMX", "Ciudad de México", "55 1234 5678", "YES", null, null, true, false, null);
		return this.registrations.register(event.slug(), form, locale);
	}

	private String notFound(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private boolean checkedIn(long id) {
		return this.jdbc.sql("select checked_in_at is not null from registration where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
