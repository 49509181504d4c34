package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.QrCodes;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.privacy.ErasureTestAccess;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.StaffRegistrations;
import org.winformusic.events.shared.EventTimes;

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

	@Autowired
	EventTimes times;

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
		this.jdbc
			.sql("update event set starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours'"
					+ " where id = (select event_id from registration where id = ?)")
			.param(result.registrationId())
			.update();
		String pass = this.passes.pass(result.registrationId());
		this.mvc.perform(get("/p/" + pass).with(user("door@win.test").roles("OPS")))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/admin/checkin/pass/" + pass));
		this.mvc.perform(post("/admin/checkin/pass/" + pass).with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().isForbidden());
		assertThat(new TestRegistrations(this.jdbc).checkedIn(result.registrationId())).as("no CSRF token, no check-in")
			.isFalse();

		this.mvc
			.perform(post("/admin/checkin/pass/" + pass).with(csrf()).with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		assertThat(new TestRegistrations(this.jdbc).checkedIn(result.registrationId())).isTrue();
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

	/**
	 * Once checked in, the pass no longer says "show this at the entrance": it says, in
	 * the registrant's language, that their arrival is recorded (name, event, time), as
	 * their manage page does, and shows no code to scan.
	 */
	@Test
	void aCheckedInPersonsPassSaysTheirArrivalIsRecordedInsteadOfShowThisAtTheEntrance() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(1, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		Instant arrived = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
		long came = data.in(event).person("Mariana Vino").checkedInAt(arrived).create().id();
		long coming = data.in(event).person("Pedro Llega").create().id();
		ZoneId zone = ZoneId.of("America/Mexico_City");

		String page = page(get("/p/" + this.passes.pass(came)).header("Accept-Language", "en"));
		assertThat(page)
			.contains("<h1>Tu llegada está registrada</h1>", "Mariana Vino", "Taller de prueba",
					"Ya registramos tu llegada, así que no necesitas mostrar este pase.")
			// Anyone who scans a badge sees this page: not when the person came.
			.doesNotContain("Muestra este pase", "escanea este código", "data:image/svg", "door-code",
					this.times.time(arrived, zone));
		assertThat(page(get("/p/" + this.passes.pass(came)).param("lang", "en")))
			.contains("<h1>Your arrival is recorded</h1>", "Your arrival is recorded, so you no longer need")
			.doesNotContain("Show this at the entrance");
		// Not yet arrived: the pass to show, as before.
		assertThat(page(get("/p/" + this.passes.pass(coming)))).contains("Muestra este pase en la entrada",
				"data:image/svg");
	}

	/**
	 * After the event's end a pass is no entrance pass any more: it says, in the
	 * registrant's language, that the event ended (name and date) and, for someone
	 * checked in, that they came (not when); no QR code, door code or "show this".
	 */
	@Test
	void afterTheEndThePassSaysTheEventEndedAndWhenTheyArrivedInTheRegistrantsLanguage() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		Instant arrived = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		long came = data.in(event).person("Mariana Vino").checkedInAt(arrived).create().id();
		long missed = data.in(event).person("Pedro Nollegó").locale("en").create().id();
		long waited = data.in(event).person("Wendy Espera").locale("en").status("WAITLISTED").create().id();
		Instant endsAt = Instant.now().minus(2, ChronoUnit.HOURS);
		ZoneId zone = ZoneId.of("America/Mexico_City");

		String cameEs = page(get("/p/" + this.passes.pass(came)).header("Accept-Language", "en"));
		assertThat(cameEs)
			.contains("<h1>Este evento ya terminó</h1>", "Taller de prueba",
					"Terminó el " + this.times.date(endsAt, zone, Locale.forLanguageTag("es")) + ".",
					"Asististe. ¡Gracias por venir!")
			.doesNotContain("Muestra este pase", "Show this", "data:image/svg", "door-code", "Mariana Vino",
					this.times.time(arrived, zone));

		String missedEn = page(get("/p/" + this.passes.pass(missed)).header("Accept-Language", "es-MX"));
		assertThat(missedEn)
			.contains("<h1>This event has ended</h1>", "Test workshop",
					"It ended on " + this.times.date(endsAt, zone, Locale.ENGLISH) + ". This pass is no longer needed.")
			.doesNotContain("You attended", "Show this at the entrance", "The organizers scan this code",
					"data:image/svg", "door-code");

		// No "if a seat frees up, this pass will get you in" once it is over.
		assertThat(page(get("/p/" + this.passes.pass(waited)))).contains("<h1>This event has ended</h1>")
			.doesNotContain("If one frees up", "does not get you in yet", "data:image/svg");
	}

	/**
	 * Staff scanning a pass after the end read that the event ended, with the arrival if
	 * there was one, and are offered no check-in; a check-in posted anyway is refused.
	 * Only an ADMIN, and only on the day the event ended, may still undo a mistaken
	 * check-in from the card.
	 */
	@Test
	void staffScanningAfterTheEndReadThatItEndedAndAreOfferedNoCheckIn() throws Exception {
		ZoneId zone = ZoneId.of("America/Mexico_City");
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(4, ChronoUnit.HOURS).minus(1, ChronoUnit.MINUTES))
			.capacity(5)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long missed = data.in(event).person("Pedro Nollegó").create().id();
		Instant arrived = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		long came = data.in(event).person("Mariana Vino").checkedInAt(arrived).create().id();
		Instant endsAt = this.jdbc.sql("select ends_at from event where id = ?")
			.param(event.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		String missedPass = this.passes.pass(missed);

		String card = page(
				get("/admin/checkin/pass/" + missedPass).param("lang", "en").with(user("door@win.test").roles("DOOR")));
		assertThat(card)
			.contains("Pedro Nollegó",
					"This event ended on " + this.times.date(endsAt, zone, Locale.ENGLISH)
							+ ": nobody is checked in any more.")
			.doesNotContain("action=\"/admin/checkin/pass/" + missedPass + "\"", "not confirmed");
		Object notice = this.mvc
			.perform(post("/admin/checkin/pass/" + missedPass).with(csrf()).with(user("door@win.test").roles("DOOR")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("notice");
		assertThat(String.valueOf(notice)).contains("admin.checkin.overRefused");
		assertThat(new TestRegistrations(this.jdbc).checkedIn(missed)).isFalse();

		String undo = "/checkin/" + came + "/undo\"";
		String cameCard = page(get("/admin/checkin/pass/" + this.passes.pass(came)).param("lang", "en")
			.with(user("organizer@win.test").roles("ORGANIZER")));
		assertThat(cameCard).contains("Checked in at " + this.times.time(arrived, zone))
			.doesNotContain("ALREADY IN", undo);
		boolean endDay = LocalDate.now(zone).equals(LocalDate.ofInstant(endsAt, zone));
		String adminCard = page(get("/admin/checkin/pass/" + this.passes.pass(came)).param("lang", "en")
			.with(user("admin@win.test").roles("ADMIN")));
		assertThat(adminCard.contains(undo)).isEqualTo(endDay);

		// Days later, nobody undoes an arrival from the card.
		TestEvents.Created past = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(3, ChronoUnit.DAYS))
			.capacity(5)
			.create();
		long longAgo = data.in(past)
			.person("Luz Antigua")
			.checkedInAt(Instant.now().minus(3, ChronoUnit.DAYS))
			.create()
			.id();
		assertThat(page(get("/admin/checkin/pass/" + this.passes.pass(longAgo)).param("lang", "en")
			.with(user("admin@win.test").roles("ADMIN")))).contains("This event ended on")
			.doesNotContain("/checkin/" + longAgo + "/undo\"");
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
		assertThat(new TestRegistrations(this.jdbc).checkedIn(result.registrationId())).isFalse();
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

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
