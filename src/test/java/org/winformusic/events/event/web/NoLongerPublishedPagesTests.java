package org.winformusic.events.event.web;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event unpublished after it was published keeps its public address: the links in its
 * registrants' emails, its calendar files and bookmarks lead to a page, in the visitor's
 * language, that says it is no longer published, that a registrant's own link still
 * works, and whom to write to. A draft never published stays a 404 that says nothing more
 * than an address of no event. Whether the event is published is read exactly: these
 * tests change it straight in the database, as another instance's save would, which this
 * instance's kept pages and facts are not told about.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "app.privacy.contact=hola@win.test")
class NoLongerPublishedPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEventUnpublishedAfterPeopleRegisteredSaysSoAtItsPageAndFormInTheVisitorsLanguage() throws Exception {
		String slug = new TestEvents(this.jdbc).event()
			.title("Taller de distribución digital", "Digital distribution workshop")
			.create()
			.slug();
		this.mvc.perform(TestRegistrations.formPost(slug, "Rosa Martínez", TestRegistrations.uniqueEmail("rosa")))
			.andExpect(status().is3xxRedirection());
		// The page and the form as visitors saw them, kept for the next ones.
		this.mvc.perform(get("/events/" + slug)).andExpect(status().isOk());
		this.mvc.perform(get("/events/" + slug + "/register")).andExpect(status().isOk());
		published(slug, false);

		for (String path : new String[] { "", "/register", "/lookup" }) {
			String es = notice(get("/events/" + slug + path));
			assertThat(es).contains("<title>Este evento ya no está publicado · WIN Events</title>")
				.contains("<h1>Este evento ya no está publicado</h1>")
				.contains("Taller de distribución digital")
				.contains("Su página y su formulario de registro ya no están disponibles aquí.")
				.contains(
						"Si te registraste, el enlace personal que te mandamos por correo sigue funcionando: ahí puedes"
								+ " ver tu registro o cancelarlo.")
				.containsPattern("¿Tienes dudas\\? Escríbenos a</span>\\s*<a href=\"mailto:hola@win.test\">")
				.contains("Ver los próximos eventos")
				.doesNotContain("Página no encontrada", "registration-form", "Registrarme");
			String en = notice(get("/events/" + slug + path).param("lang", "en"));
			assertThat(en).contains("<title>This event is no longer published · WIN Events</title>")
				.contains("Digital distribution workshop")
				.contains("Its page and its registration form are no longer available here.")
				.contains("If you registered, the personal link in the email we sent you still works: use it to see"
						+ " your registration or to cancel it.")
				.containsPattern("Questions\\? Write to us at</span>\\s*<a href=\"mailto:hola@win.test\">")
				.doesNotContain("Page not found", "Taller de distribución digital");
		}
		// A form left open and sent after the event was unpublished.
		assertThat(notice(TestRegistrations.formPost(slug, "Luis Pérez", TestRegistrations.uniqueEmail("luis"))))
			.contains("Este evento ya no está publicado");
	}

	@Test
	void publishingAgainShowsTheEventAtOnceAndUnpublishingAgainTheNotice() throws Exception {
		String slug = new TestEvents(this.jdbc).event()
			.title("Taller de regalías", "Royalties workshop")
			.create()
			.slug();
		assertThat(page("/events/" + slug)).contains("Taller de regalías").contains("Registrarme");
		published(slug, false);
		assertThat(notice(get("/events/" + slug))).contains("Este evento ya no está publicado");
		assertThat(notice(get("/events/" + slug + "/register"))).contains("Este evento ya no está publicado");

		published(slug, true);
		assertThat(page("/events/" + slug)).contains("Taller de regalías")
			.contains("Registrarme")
			.doesNotContain("ya no está publicado");
		assertThat(page("/events/" + slug + "/register")).contains("id=\"registration-form\"");
		assertThat(page("/events/" + slug + "/lookup")).contains("Taller de regalías");

		// Nothing clears the record that it was published, not even a script that tries.
		this.jdbc.sql("update event set published = false, ever_published = false, updated_at = now() where slug = ?")
			.param(slug)
			.update();
		assertThat(notice(get("/events/" + slug).param("lang", "en"))).contains("This event is no longer published");
	}

	@Test
	void staffPreviewOfAnEventNoLongerPublishedSaysWhatVisitorsSeeInstead() throws Exception {
		String slug = new TestEvents(this.jdbc).event()
			.title("Taller de sincronización", "Sync workshop")
			.create()
			.slug();
		published(slug, false);
		String preview = this.mvc.perform(get("/events/" + slug).with(user("olga@win.test").roles("ORGANIZER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("Taller de sincronización")
			.contains("Vista previa: este evento ya no está publicado. Solo el equipo de WIN con sesión iniciada puede"
					+ " ver esta página; el público ve un aviso de que ya no está publicado y de que el enlace personal"
					+ " de su correo sigue funcionando.");
	}

	private void published(String slug, boolean published) {
		this.jdbc.sql("update event set published = ?, updated_at = now() where slug = ?")
			.params(published, slug)
			.update();
	}

	/** The notice: a 404 (the event may be published again), never stored anywhere. */
	private String notice(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		return response.getContentAsString();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
