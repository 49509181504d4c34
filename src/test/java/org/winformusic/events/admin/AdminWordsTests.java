package org.winformusic.events.admin;

import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What staff read is in their language: no raw codes (SENT, APPROVED, CHECKED_IN,
 * "status: PENDING -> CONFIRMED", "evento 1"), one word for the registration's status
 * (Situación) and another for the Mexican state (Estado (entidad)), results that count in
 * real Spanish, and times that name their zone.
 */
@AdminTest
class AdminWordsTests {

	private static final String[] RAW_CODES = { "APPROVED", "PENDING", "CONFIRMED", "CHECKED_IN", "LOGIN_FAILED",
			"CAPACITY_CHANGED", "SENT", "->" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TestEvents events;

	TestRegistrations data;

	TestEvents.Created event;

	TestRegistrations.Registration pending;

	@BeforeEach
	void seed() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
		this.event = this.events.event().titleEndingInSlug("Taller", "Workshop").capacity(5).create();
		this.pending = this.data.in(this.event)
			.person("Rocío Palabras")
			.status("PENDING")
			.companyType("PUBLISHER")
			.state("JAL")
			.associationInterest("MAYBE")
			.createdAt(Instant.parse("2026-11-03T16:00:00Z"))
			.create();
	}

	@Test
	void theAuditLogAndTheHistoryAreInWordsWithTheEventsNameAndTheZoneNamed() throws Exception {
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id, registration_id, details) values
				  (now(), 'words@win.test', 'APPROVED', ?, ?, 'status: PENDING -> CONFIRMED'),
				  (now(), 'words@win.test', 'CHECKED_IN', ?, ?, null),
				  (now(), 'words@win.test', 'CAPACITY_CHANGED', ?, null, 'capacity: 5 -> 6'),
				  (now(), 'stranger@win.test', 'LOGIN_FAILED', null, null, null)
				""")
			.params(this.event.id(), this.pending.id(), this.event.id(), this.pending.id(), this.event.id())
			.update();

		String audit = text(page("/admin/audit?lang=es&actor=win.test", "ADMIN"));
		assertThat(audit).contains("Aprobado", "Situación: Por revisar → Confirmado", "Registró su llegada",
				"Cupo: 5 → 6", "Cupo cambiado", "Intento de acceso fallido", "Taller " + this.event.slug(), "UTC");
		assertThat(audit).doesNotContain(RAW_CODES).doesNotContain("evento " + this.event.id());

		String history = text(page("/admin/registrations/" + this.pending.id() + "?lang=es", "ADMIN"));
		assertThat(history).contains("Cuándo (hora de la Ciudad de México)", "Aprobado",
				"Situación: Por revisar → Confirmado");
		assertThat(history).doesNotContain(RAW_CODES).doesNotContain("(UTC)");

		String english = text(page("/admin/registrations/" + this.pending.id() + "?lang=en", "ADMIN"));
		assertThat(english).contains("When (Mexico City time)", "Approved", "Status: Pending review → Confirmed");
	}

	@Test
	void theRegistrationStatusIsSituacionAndTheMexicanStateIsEstadoEntidad() throws Exception {
		String list = text(page("/admin/events/" + this.event.slug() + "/registrations?lang=es", "ORGANIZER"));
		assertThat(list).contains("Situación", "Estado (entidad)").doesNotContain("Estado del registro");
		String detail = text(page("/admin/registrations/" + this.pending.id() + "?lang=es", "ORGANIZER"));
		assertThat(detail).contains("Estado (entidad)");
	}

	@Test
	void aPendingRegistrationHasOneWayInAndItsRowCanBeApprovedFromTheList() throws Exception {
		String detail = page("/admin/registrations/" + this.pending.id() + "?lang=es", "ORGANIZER");
		assertThat(text(detail)).contains("Aprobar", "si el evento está lleno, pasa a la lista de espera");
		assertThat(detail).contains("/admin/registrations/" + this.pending.id() + "/approve")
			.doesNotContain("/admin/registrations/" + this.pending.id() + "/confirm\"");
		String list = page("/admin/events/" + this.event.slug() + "/registrations?lang=es", "ORGANIZER");
		assertThat(list).contains("form=\"approve-" + this.pending.id() + "\"", "Aprobar a Rocío Palabras");

		this.mvc
			.perform(post("/admin/registrations/" + this.pending.id() + "/approve").param("list", "status=PENDING")
				.param("lang", "es")
				.with(user("o@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/events/" + this.event.slug() + "/registrations?status=PENDING"))
			.andExpect(flash().attribute("notice", Notice.ok("ux.row.approved", "Rocío Palabras")));
		assertThat(this.data.status(this.pending.id())).isEqualTo("CONFIRMED");
	}

	@Test
	void aBulkResultCountsInRealSpanishForOnePerson() throws Exception {
		this.mvc
			.perform(post("/admin/events/" + this.event.slug() + "/registrations/bulk").param("action", "DECLINE")
				.param("ids", String.valueOf(this.pending.id()))
				.param("confirmed", "true")
				.param("lang", "es")
				.with(user("o@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text", "Se rechazó 1 registro.")));
	}

	@Test
	void aFailedLoginKeepsTheEmailTypedWithoutPuttingItInTheAddress() throws Exception {
		MvcResult failed = this.mvc.perform(
				post("/admin/login").param("username", "typed.person@win.test").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/admin/login?error"))
			.andReturn();
		Cookie kept = failed.getResponse().getCookie("login_email");
		assertThat(kept).isNotNull();
		assertThat(kept.isHttpOnly()).isTrue();
		String login = this.mvc.perform(get("/admin/login?error").cookie(kept))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(login).contains("value=\"typed.person@win.test\"");
	}

	@Test
	void livenessAndReadinessAnswerForTheContainerHealthcheck() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

	private String page(String url, String role) throws Exception {
		return this.mvc.perform(get(url).with(user(role.toLowerCase() + "@win.test").roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** What a reader sees: the page without its tags (codes in attributes are fine). */
	private static String text(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", "")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&gt;", ">")
			.replace("&lt;", "<")
			.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replaceAll("[ \\t]+", " ");
	}

}
