package org.winformusic.events.event.web;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An unpublished event has no public page: every public address of it is a 404 for
 * visitors, while signed-in staff see its page as a preview that is never kept for anyone
 * else, and the editor says the page is hidden.
 */
@IntegrationTest
@AutoConfigureMockMvc
class UnpublishedEventPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPublicAddressOfAnUnpublishedEventIsNotFound() throws Exception {
		String slug = new TestEvents(this.jdbc).event()
			.title("Taller oculto", "Hidden workshop")
			.unpublished()
			.create()
			.slug();
		for (String lang : new String[] { "es", "en" }) {
			for (String path : new String[] { "", "/register", "/lookup" }) {
				String html = this.mvc.perform(get("/events/" + slug + path).param("lang", lang))
					.andExpect(status().isNotFound())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(html).doesNotContain("Taller oculto").doesNotContain("Hidden workshop");
			}
		}
		this.mvc.perform(post("/events/" + slug + "/lookup").param("email", "ana@example.org").with(csrf()))
			.andExpect(status().isNotFound());
		// The door staff's role sees no preview either.
		this.mvc.perform(get("/events/" + slug).with(staff("DOOR"))).andExpect(status().isNotFound());
	}

	@Test
	void staffSeeAPreviewThatVisitorsNeverGetEvenFromTheCache() throws Exception {
		String slug = new TestEvents(this.jdbc).event()
			.title("Taller en preparación", "Workshop in the making")
			.unpublished()
			.create()
			.slug();
		for (String role : new String[] { "ORGANIZER", "ADMIN", "OPS" }) {
			String es = this.mvc.perform(get("/events/" + slug).with(staff(role)))
				.andExpect(status().isOk())
				.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "private, no-store"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			// What the public will see once it is published: the button, not "not open";
			// the form itself opens only then.
			assertThat(es).contains("Taller en preparación")
				.contains("Vista previa: este evento no está publicado.")
				.contains("aria-disabled=\"true\">Registrarme</span>")
				.doesNotContain("Este evento no está abierto a registro.", "/lookup", "/register\"");
		}
		String en = this.mvc.perform(get("/events/" + slug).param("lang", "en").with(staff("ORGANIZER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(en).contains("Workshop in the making").contains("Preview: this event is not published.");
		this.mvc.perform(get("/events/" + slug)).andExpect(status().isNotFound());
		this.mvc.perform(get("/events/" + slug).param("lang", "en")).andExpect(status().isNotFound());

		// Published, everyone gets the page, staff too, and no longer as a preview.
		this.jdbc.sql("update event set published = true, updated_at = now() where slug = ?").param(slug).update();
		assertThat(this.mvc.perform(get("/events/" + slug).with(staff("ORGANIZER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Taller en preparación").doesNotContain("Vista previa");
		assertThat(this.mvc.perform(get("/events/" + slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("Vista previa");
	}

	@Test
	void afterUntickingPublishedTheEditorSaysThePageIsHiddenAndLinksToThePreview() throws Exception {
		RequestPostProcessor organizer = staff("ORGANIZER");
		this.mvc
			.perform(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", "hidden-after-save")
				.with(organizer))
			.andExpect(status().is3xxRedirection());
		String es = saveAndShow(organizer, "es", "published", "");
		assertThat(es).contains("Guardado. El evento no está publicado: su página no es visible para el público.")
			.doesNotContain("La página pública ya muestra los cambios.")
			.contains("Ver la vista previa de la página (no publicada)");
		String en = saveAndShow(organizer, "en", "published", "", "titleEn", "Hidden roadmap");
		assertThat(en).contains("Saved. The event is not published: its page is hidden from the public.")
			.contains("Preview the page (not published)");
		assertThat(this.mvc.perform(get("/admin/events/hidden-after-save").with(organizer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Vista previa de la página (no publicada)")
			.doesNotContain(">Página pública<");
		this.mvc.perform(get("/events/hidden-after-save")).andExpect(status().isNotFound());
		this.mvc.perform(get("/events/hidden-after-save").with(organizer)).andExpect(status().isOk());
	}

	/**
	 * Saves the editor's form and opens the page the browser is sent to with the session
	 * cookie the save answered with: the notice travels in the staff session.
	 */
	private String saveAndShow(RequestPostProcessor staff, String lang, String... overrides) throws Exception {
		MvcResult saved = this.mvc
			.perform(EventAdministrationTests.colombia(post("/admin/events/hidden-after-save/edit"), overrides)
				.with(staff))
			.andExpect(redirectedUrl("/admin/events/hidden-after-save/edit"))
			.andExpect(flash().attribute("saved", true))
			.andReturn();
		var request = get("/admin/events/hidden-after-save/edit").param("lang", lang).with(staff);
		request.cookie(saved.getResponse().getCookie("SESSION"));
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static RequestPostProcessor staff(String role) {
		return user(role.toLowerCase(java.util.Locale.ROOT) + "@win.test").roles(role);
	}

}
