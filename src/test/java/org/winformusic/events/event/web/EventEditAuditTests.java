package org.winformusic.events.event.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.event.web.EventAdministrationTests.colombia;

/**
 * The audit log says what an edit of an event changed, field by field with before and
 * after, in the reader's words, as it does for registration edits; a save that changes
 * nothing records nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class EventEditAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditRecordsEachChangedFieldBeforeAndAfterInWordsAndAnUnchangedSaveRecordsNothing() throws Exception {
		this.mvc.perform(as(colombia(post("/admin/events/new"), "slug", "audit-taller")))
			.andExpect(status().is3xxRedirection());
		long id = new TestEvents(this.jdbc).id("audit-taller");
		String[] edit = { "titleEs", "Taller en Madrid", "country", "ES", "timeZone", "Europe/Madrid", "startsAt",
				"2028-05-10T11:00", "venueName", "Sede Madrid", "requiresApproval", "true", "registrationOpensAt",
				"2028-04-01T10:00", "speakers[1].name", "Luis Gómez", "speakers[1].organization", "UFi",
				"speakers[1].country", "ES" };
		this.mvc.perform(as(colombia(post("/admin/events/audit-taller/edit"), edit)))
			.andExpect(redirectedUrl("/admin/events/audit-taller/edit"));

		assertThat(details(id)).hasSize(2);
		assertThat(details(id).get(1)).isEqualTo("""
				slug=audit-taller
				titleEs: Hoja de ruta en Colombia -> Taller en Madrid
				country: CO -> ES
				timeZone: America/Bogota -> Europe/Madrid
				startsAt: 2028-05-10T10:00 America/Bogota -> 2028-05-10T11:00 Europe/Madrid
				endsAt: 2028-05-10T14:00 America/Bogota -> 2028-05-10T14:00 Europe/Madrid
				venueName: Sede -> Sede Madrid
				registrationOpensAt: null -> 2028-04-01T10:00 Europe/Madrid
				requiresApproval: false -> true
				speakers: Ana Pérez -> Ana Pérez, Luis Gómez
				told=0""");

		String audit = text(this.mvc
			.perform(get("/admin/audit").param("event", String.valueOf(id))
				.param("lang", "es")
				.with(user("audit-admin@win.test").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(audit).contains("Evento editado", "Dirección de la página: /events/audit-taller",
				"Título (español): Hoja de ruta en Colombia → Taller en Madrid", "País: Colombia → España",
				"Zona horaria: hora de Bogotá (America/Bogota) → hora de Madrid (Europe/Madrid)",
				"Inicio: miércoles 10 de mayo de 2028, 10:00 (hora de Bogotá) → miércoles 10 de mayo de 2028, 11:00"
						+ " (hora de Madrid)",
				"Sede: Sede → Sede Madrid",
				"Apertura del registro: (vacío) → sábado 1 de abril de 2028, 10:00 (hora de Madrid)",
				"Los organizadores aprueban cada registro: no → sí", "Ponentes: Ana Pérez → Ana Pérez, Luis Gómez",
				"Nadie a quien avisar del cambio por correo");
		assertThat(audit).doesNotContain("->", "titleEs", "startsAt", "requiresApproval", "true", "Europe/Madrid ->");

		// The same form again: nothing changed, nothing recorded, and the editor says so.
		this.mvc.perform(as(colombia(post("/admin/events/audit-taller/edit"), edit)))
			.andExpect(redirectedUrl("/admin/events/audit-taller/edit"))
			.andExpect(flash().attribute("unchanged", true))
			.andExpect(flash().attribute("saved", nullValue()));
		assertThat(details(id)).hasSize(2);
	}

	/**
	 * A new paragraph (a line break made a blank line) reads the same on one line, but it
	 * is a change: saved, recorded, and the public page shows it.
	 */
	@Test
	void aNewParagraphIsAChangeThatIsRecordedAndShown() throws Exception {
		String oneParagraph = "Primera parte del taller.\nSegunda parte del taller.";
		this.mvc
			.perform(as(colombia(post("/admin/events/new"), "slug", "audit-paragraph", "descriptionEs", oneParagraph,
					"published", "true")))
			.andExpect(status().is3xxRedirection());
		long id = new TestEvents(this.jdbc).id("audit-paragraph");
		this.mvc.perform(get("/events/audit-paragraph").param("lang", "es")).andExpect(status().isOk());

		this.mvc
			.perform(as(colombia(post("/admin/events/audit-paragraph/edit"), "descriptionEs",
					oneParagraph.replace("\n", "\n\n"), "published", "true")))
			.andExpect(flash().attribute("saved", true));

		assertThat(details(id)).hasSize(2);
		assertThat(details(id).get(1)).isEqualTo("slug=audit-paragraph\nchanged=descriptionEs");
		assertThat(this.mvc.perform(get("/events/audit-paragraph").param("lang", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.containsPattern("Primera parte del taller\\.</p>\\s*<p[^>]*>Segunda parte del taller\\.");
	}

	@Test
	void aChangeDeepInALongTextShowsWhereItIsAndASpeakerChangeTheNamesDoNotShowIsSaid() throws Exception {
		String before = "WIN reúne a las asociaciones de música independiente de todo el mundo. ".repeat(4)
				+ "El taller es en Madrid.";
		this.mvc
			.perform(as(colombia(post("/admin/events/new"), "slug", "audit-long", "descriptionEs", before,
					"speakers[0].roleEs", "Directora")))
			.andExpect(status().is3xxRedirection());
		long id = new TestEvents(this.jdbc).id("audit-long");
		this.mvc
			.perform(as(colombia(post("/admin/events/audit-long/edit"), "descriptionEs",
					before.replace("en Madrid", "en Barcelona"), "speakers[0].roleEs", "Presidenta")))
			.andExpect(redirectedUrl("/admin/events/audit-long/edit"));

		assertThat(details(id).get(1)).isEqualTo("""
				slug=audit-long
				descriptionEs: …El taller es en Madrid. -> …El taller es en Barcelona.
				changed=speakers""");
		String audit = text(this.mvc
			.perform(get("/admin/audit").param("event", String.valueOf(id))
				.param("lang", "es")
				.with(user("audit-admin@win.test").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(audit).contains("Qué aprenderán (español): …El taller es en Madrid. → …El taller es en Barcelona.",
				"Ponentes: cambiaron otros datos");
	}

	private List<String> details(long eventId) {
		return this.jdbc.sql("select details from audit_log where event_id = ? order by id")
			.param(eventId)
			.query(String.class)
			.list();
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(user("audit-editor@win.test").roles("ORGANIZER"));
	}

	/** What a reader sees: the page without its tags. */
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
