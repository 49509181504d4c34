package org.winformusic.events.admin;

import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.QrCodes;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.CheckinQrCode;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every admin page renders for staff, in Spanish and English, with what it must show. */
@AdminTest
class AdminPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManageTokens tokens;

	@Autowired
	CheckinQrCode qrCode;

	@Autowired
	CheckinPasses passes;

	TestEvents events;

	TestRegistrations data;

	TestEvents.Created event;

	TestRegistrations.Registration jose;

	@BeforeEach
	void seed() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
		this.event = this.events.event().titleEndingInSlug("Taller", "Workshop").capacity(5).create();
		this.jose = this.data.in(this.event)
			.person("José Peña")
			.createdAt(Instant.parse("2026-11-01T16:00:00Z"))
			.create();
		this.data.in(this.event)
			.person("María Álvarez")
			.status("PENDING")
			.companyType("PUBLISHER")
			.state("JAL")
			.associationInterest("MAYBE")
			.createdAt(Instant.parse("2026-11-03T16:00:00Z"))
			.create();
		this.data.in(this.event)
			.person("Bruno Díaz")
			.status("WAITLISTED")
			.companyType("OTHER")
			.state("NLE")
			.createdAt(Instant.parse("2026-11-03T17:00:00Z"))
			.create();
	}

	@Test
	void eventDashboardShowsCountsAChartPerDayAndTheAssociationInterest() throws Exception {
		String body = page("/admin/events/" + this.event.slug() + "?lang=es", "ADMIN");
		assertThat(body).contains("1 / 5").contains("Interés en unirse a la asociación").contains("Tal vez");
		// The chart is SVG drawn by the server: no inline style or script, and no script
		// of its own (the layout's two, the double-submit and logout guards, are files).
		assertThat(body).contains("<svg").doesNotContain("style=").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
		assertThat(Pattern.compile("<script src=\"/js/(admin-forms|logout)-[0-9a-f]+\\.js\"").matcher(body).results())
			.hasSize(2);
		assertThat(Pattern.compile("<script").matcher(body).results()).hasSize(2);
		// Three days from the first to the last registration, the middle one empty.
		assertThat(Pattern.compile("<rect ").matcher(body).results().count()).isEqualTo(3);
		assertThat(body).contains("name=\"capacity\"");
		assertThat(page("/admin/events/" + this.event.slug() + "?lang=en", "OPS")).contains("Registrations per day")
			.doesNotContain("name=\"capacity\"");
		assertThat(page("/admin?lang=en", "OPS")).contains("Workshop " + this.event.slug());
	}

	@Test
	void theDashboardSaysHowManyOfTheConfirmedArrivedAndHowManyAreStillToCome() throws Exception {
		this.data.in(this.event).person("Ana Llegó").checkedInAt(Instant.parse("2026-11-05T16:00:00Z")).create();
		this.data.in(this.event).person("Luis Tarde").create();
		String body = page("/admin/events/" + this.event.slug() + "?lang=es", "ADMIN");
		// 3 confirmed (José, Ana, Luis), 1 of them arrived, 2 still to come.
		assertThat(body)
			.containsPattern("stat__value\">1 / 3</span>\\s*<span class=\"stat__label\">llegaron / confirmados<")
			.containsPattern("stat__value\">2</span>\\s*<span class=\"stat__label\">Confirmados que aún no llegan<");
		assertThat(page("/admin/events/" + this.event.slug() + "?lang=en", "ADMIN")).contains("arrived / confirmed")
			.contains("Confirmed, not arrived yet");
	}

	@Test
	void detailShowsEveryFieldAndOnlyTheActionsTheViewerMayUse() throws Exception {
		// On its day: arrivals are recorded (before it, no check-in is offered).
		this.events.onItsDay(this.event);
		String admin = page("/admin/registrations/" + this.jose.id() + "?lang=es", "ADMIN");
		assertThat(admin).contains("José Peña")
			.contains(this.jose.email())
			.contains("Ciudad de México")
			.contains("Sello independiente")
			.contains("/checkin")
			.contains("confirm-action/cancel");
		String ops = page("/admin/registrations/" + this.jose.id() + "?lang=en", "OPS");
		assertThat(ops).contains("José Peña").doesNotContain("confirm-action/cancel").doesNotContain("/checkin\"");
		assertThat(page("/admin/registrations/" + this.jose.id() + "/confirm-action/cancel?lang=en", "ORGANIZER"))
			.contains("Cancel this registration?");
		assertThat(page("/admin/registrations/" + this.jose.id() + "/edit?lang=en", "ORGANIZER"))
			.contains("value=\"José Peña\"");
		this.mvc.perform(get("/admin/registrations/999999999").with(user("a@win.test").roles("ADMIN")))
			.andExpect(status().isNotFound());
	}

	/**
	 * The consent says which notice (its version is the date it was published) and when
	 * it was accepted, in words.
	 */
	@Test
	void theDetailSaysWhichPrivacyNoticeWasAcceptedAndWhen() throws Exception {
		this.jdbc.sql("update registration set privacy_consent_version = '2026-12-06' where id = ?")
			.param(this.jose.id())
			.update();
		assertThat(page("/admin/registrations/" + this.jose.id() + "?lang=es", "ADMIN")).contains(
				"Aviso de privacidad del 6 de diciembre de 2026, aceptado el domingo 1 de noviembre de 2026, 10:00");
		assertThat(page("/admin/registrations/" + this.jose.id() + "?lang=en", "ADMIN"))
			.contains("Privacy notice of 6 December 2026, accepted on Sunday 1 November 2026, 10:00");
		// A version that is not a date is shown as it is, labelled.
		this.jdbc.sql("update registration set privacy_consent_version = 'v1' where id = ?")
			.param(this.jose.id())
			.update();
		assertThat(page("/admin/registrations/" + this.jose.id() + "?lang=es", "ADMIN"))
			.contains("Aviso de privacidad (versión v1), aceptado el domingo 1 de noviembre de 2026, 10:00");
	}

	/**
	 * The detail names the zone of its times: next to an arrival, which gives its date
	 * when it is not the event's first day, and once above the registration's details.
	 */
	@Test
	void theDetailNamesTheZoneOfItsTimesAndTheDateOfAnArrivalAfterTheFirstDay() throws Exception {
		TestEvents.Created twoDays = this.events.event().create();
		this.jdbc.sql("update event set ends_at = starts_at + interval '2 days' where id = ?")
			.param(twoDays.id())
			.update();
		Instant start = this.jdbc.sql("select starts_at from event where id = ?")
			.param(twoDays.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		long first = this.data.in(twoDays).person("Ana Primera").checkedInAt(start.plusSeconds(3600)).create().id();
		long second = this.data.in(twoDays)
			.person("Beto Segundo")
			.checkedInAt(start.plusSeconds(25 * 3600))
			.create()
			.id();

		String firstDay = page("/admin/registrations/" + first + "?lang=es", "ADMIN");
		assertThat(firstDay).contains("llegó a las 11:00 (hora de la Ciudad de México)")
			.contains("<h2>Datos</h2>\n  <p class=\"muted\">Zona horaria: hora de la Ciudad de México.</p>");
		assertThat(page("/admin/registrations/" + first + "?lang=en", "ADMIN"))
			.contains("checked in at 11:00 (Mexico City time)");
		assertThat(page("/admin/registrations/" + second + "?lang=es", "ADMIN")).containsPattern(
				"llegó el [a-záéíóú]+ \\d{1,2} de [a-z]+ de \\d{4}, 11:00 \\(hora de la Ciudad de México\\)");
		assertThat(page("/admin/registrations/" + second + "?lang=en", "ADMIN"))
			.containsPattern("checked in on [A-Za-z]+ \\d{1,2} [A-Za-z]+ \\d{4}, 11:00 \\(Mexico City time\\)");
	}

	/**
	 * "Confirm" on a waitlisted person of a full event would only be refused: it is not
	 * offered, and the page says why.
	 */
	@Test
	void confirmIsNotOfferedOnAWaitlistedPersonWhileTheEventIsFull() throws Exception {
		TestEvents.Created full = this.events.event().capacity(1).create();
		this.data.in(full).person("Saúl Sentado").create();
		long waiting = this.data.in(full).person("Tere Espera").status("WAITLISTED").create().id();
		String organizer = page("/admin/registrations/" + waiting + "?lang=es", "ORGANIZER");
		assertThat(organizer).doesNotContain("/registrations/" + waiting + "/confirm\"")
			.doesNotContain("Al confirmar, esta persona obtiene un lugar")
			.contains("No hay lugares libres, así que por ahora no se puede confirmar a nadie de la lista de espera.")
			.doesNotContain("confírmala por encima del cupo");
		assertThat(page("/admin/registrations/" + waiting + "?lang=en", "ADMIN"))
			.doesNotContain("/registrations/" + waiting + "/confirm\"")
			.contains("To give this person a seat now, confirm them over capacity.")
			.contains("/confirm-action/confirm-over");
		// With a seat free, Confirm is there again.
		long bruno = this.jdbc.sql("select id from registration where event_id = ? and status = 'WAITLISTED'")
			.param(this.event.id())
			.query(Long.class)
			.single();
		assertThat(page("/admin/registrations/" + bruno + "?lang=es", "ORGANIZER"))
			.contains("/registrations/" + bruno + "/confirm\"")
			.contains("Al confirmar, esta persona obtiene un lugar")
			.doesNotContain("No hay lugares libres");
	}

	@Test
	void doorCheckInOffersCheckInToConfirmedPeopleOnly() throws Exception {
		new TestEvents(this.jdbc).onItsDay(this.event);
		String found = DoorSearches.results(this.mvc, this.event.slug(), "jose", "ORGANIZER", "en");
		assertThat(found).contains("José Peña").contains("/checkin/" + this.jose.id());
		String pending = DoorSearches.results(this.mvc, this.event.slug(), "maria", "ORGANIZER", "en");
		// Someone not confirmed is found, and the door is told not to let them in.
		assertThat(pending).contains("María Álvarez")
			.contains("Pending review")
			.contains("do not let them in")
			.doesNotContain("Check in</button>");
	}

	@Test
	void theQrCodeCarriesTheCheckInPassAndItsPageShowsThePersonsCard() throws Exception {
		new TestEvents(this.jdbc).onItsDay(this.event);
		String pass = this.passes.pass(this.jose.id());
		assertThat(QrCodes.decodeSvg(this.qrCode.svg(this.jose.id()))).isEqualTo("http://localhost:8080/p/" + pass);
		assertThat(this.qrCode.dataUri(this.jose.id())).startsWith("data:image/svg+xml;base64,");
		assertThat(page("/admin/checkin/pass/" + pass + "?lang=en", "ORGANIZER")).contains("José Peña")
			.contains("action=\"/admin/checkin/pass/" + pass + "\"");
		this.mvc.perform(get("/admin/checkin/pass/" + "A".repeat(26)).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theManageTokenChecksNobodyInAndStaffAreToldItIsAnOldCode() throws Exception {
		String token = this.tokens.issue(this.jose.id());
		assertThat(page("/admin/checkin/" + token + "?lang=en", "ORGANIZER")).contains("Old check-in code")
			.doesNotContain("José Peña");
		this.mvc.perform(post("/admin/checkin/" + token).with(csrf()).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().is4xxClientError());
		assertThat(this.jdbc.sql("select count(*) from registration where id = ? and checked_in_at is not null")
			.param(this.jose.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void staffUsersAuditAndProfilePagesRender() throws Exception {
		assertThat(page("/admin/users?lang=en", "ADMIN")).contains("New staff user");
		assertThat(page("/admin/audit?lang=en", "ADMIN")).contains("Audit log");
		this.jdbc
			.sql("insert into audit_log (at, actor, action, registration_id, details) values"
					+ " (now(), 'auditor-a@win.test', 'NOTE_ADDED', ?, null),"
					+ " (now(), 'auditor-b@win.test', 'EMAIL_RESENT', ?, 'type=CONFIRMED')")
			.params(this.jose.id(), this.jose.id())
			.update();
		String filtered = page("/admin/audit?lang=en&action=EMAIL_RESENT&actor=AUDITOR", "ADMIN");
		assertThat(filtered).contains("auditor-b@win.test").doesNotContain("auditor-a@win.test");
		// Events by name: an entry's event is the link to its own entries, which name it.
		this.jdbc.sql("insert into audit_log (at, actor, action, event_id) values (now(), 'auditor-c@win.test', ?, ?)")
			.params("CAPACITY_CHANGED", this.event.id())
			.update();
		String title = this.jdbc.sql("select title_en from event where id = ?")
			.param(this.event.id())
			.query(String.class)
			.single();
		assertThat(page("/admin/audit?lang=en&actor=auditor-c", "ADMIN"))
			.contains("href=\"/admin/audit?actor=auditor-c&amp;event=" + this.event.id() + "\"")
			.doesNotContain("type=\"number\"");
		assertThat(page("/admin/audit?lang=en&event=" + this.event.id(), "ADMIN"))
			.contains("<strong>" + org.springframework.web.util.HtmlUtils.htmlEscape(title) + "</strong>",
					"name=\"event\" value=\"" + this.event.id() + "\"", "auditor-c@win.test")
			.doesNotContain("auditor-b@win.test");
		this.mvc.perform(get("/admin/audit?from=not-a-date").with(user("a@win.test").roles("ADMIN")))
			.andExpect(status().isBadRequest());
		// Days Java reads but PostgreSQL cannot compare are just as wrong.
		for (String day : java.util.List.of("from=-5000-01-01", "to=+10000-01-01", "from=1999-12-31")) {
			this.mvc.perform(get("/admin/audit?" + day).with(user("a@win.test").roles("ADMIN")))
				.andExpect(status().isBadRequest());
		}
		this.jdbc
			.sql("""
					insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at)
					values ('profile@win.test', 'Pro File', '{noop}x', 'OPS', true, now(), now()) on conflict do nothing
					""")
			.update();
		this.mvc.perform(get("/admin/profile?lang=en").with(user("profile@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pro File")))
			.andExpect(content().string(not(containsString("href=\"/admin/users\""))));
	}

	/**
	 * The navigation of every admin page shows each role the links it may follow, in its
	 * words, and nothing else: on a page that renders as usual and on one an exception
	 * handler renders (a filter the event lacks).
	 */
	@Test
	void theNavigationShowsEachRoleItsOwnLinks() throws Exception {
		java.util.Map<String, java.util.List<String>> expected = java.util.Map.of("ADMIN",
				java.util.List.of("/admin Dashboard", "/admin/outbox Outbox", "/admin/users Staff users",
						"/admin/audit Audit log", "/admin/privacy Data requests", "/admin/profile My profile"),
				"ORGANIZER", java.util.List.of("/admin Dashboard", "/admin/outbox Outbox", "/admin/profile My profile"),
				"OPS", java.util.List.of("/admin Dashboard", "/admin/outbox Outbox", "/admin/profile My profile"),
				"DOOR", java.util.List.of("/admin Door check-in", "/admin/profile My profile"));
		for (var role : expected.entrySet()) {
			assertThat(navigation(page("/admin?lang=en", role.getKey()))).as(role.getKey()).isEqualTo(role.getValue());
		}
		String refused = this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations?lang=en&choice=999999")
				.with(user("organizer@win.test").roles("ORGANIZER")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(navigation(refused)).isEqualTo(expected.get("ORGANIZER"));
	}

	/** The admin navigation's links as "href text". */
	private static java.util.List<String> navigation(String page) {
		java.util.regex.Matcher nav = Pattern.compile("<nav class=\"admin-nav\"[^>]*>(.*?)</nav>", Pattern.DOTALL)
			.matcher(page);
		assertThat(nav.find()).as(page).isTrue();
		return Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>")
			.matcher(nav.group(1))
			.results()
			.map((link) -> link.group(1) + " " + link.group(2))
			.toList();
	}

	private String page(String url, String role) throws Exception {
		return this.mvc.perform(get(url).with(user(role.toLowerCase() + "@win.test").roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
