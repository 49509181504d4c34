package org.winformusic.events.event.web;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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

	@Autowired
	ManageTokens tokens;

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

	@Test
	void uncheckingPublishedOnAnEventPeopleAreRegisteredForAsksFirstAndSaysWhatItMeansForThem() throws Exception {
		RequestPostProcessor organizer = staff("ORGANIZER");
		String slug = "unpublish-registered";
		this.mvc.perform(inMexico("/admin/events/new", slug).with(organizer)).andExpect(status().is3xxRedirection());
		TestRegistrations people = new TestRegistrations(this.jdbc);
		people.in(slug).create();
		// Only registrations still going count: a cancelled one has ended.
		people.in(slug).status("CANCELLED").cancelledAt(Instant.now()).create();

		String es = unpublishing(slug, organizer, "es").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(es).contains("Todavía no se guardó nada. Una persona tiene un registro activo en este evento"
				+ " (con lugar, en lista de espera o en revisión). Si lo dejas de publicar, la página del evento y su"
				+ " formulario dejan de estar disponibles para el público, incluidas esas personas: el enlace al evento"
				+ " en los correos que ya recibieron llevará a un aviso de que el evento ya no está publicado. El enlace"
				+ " a su propio registro (para verlo, cambiarlo o cancelarlo) sigue funcionando. No les avisaremos.")
			.contains("Para dejarlo de publicar de todos modos, marca “Sí, dejar de publicarlo” junto a “Publicado”"
					+ " y vuelve a guardar.")
			.contains("Sí, dejar de publicarlo aunque una persona esté registrada")
			.doesNotContain("Guardado.");
		// Nothing saved: the page is still public.
		assertThat(published(slug)).isTrue();
		this.mvc.perform(get("/events/" + slug)).andExpect(status().isOk());

		people.in(slug).status("WAITLISTED").create();
		String en = unpublishing(slug, organizer, "en").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(en).contains("Nothing has been saved yet. 2 people have an active registration for this event"
				+ " (with a seat, on the waitlist or in review). If you unpublish it, the event&#39;s page and its form"
				+ " are no longer available to the public, those people included: the link to the event in the emails"
				+ " they already received will lead to a notice that the event is no longer published. The link to"
				+ " their own registration (to see, change or cancel it) keeps working. They will not be notified.")
			.contains("To unpublish it anyway, tick “Yes, unpublish it” next to “Published” and save again.")
			.contains("Yes, unpublish it even though 2 people are registered");
		assertThat(published(slug)).isTrue();

		// Another problem in the same save: both are shown, and the ticked box stays
		// ticked.
		String both = unpublishing(slug, organizer, "es", "titleEs", "", "unpublishConfirmed", "true")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(both).contains("Título (español): completa este campo.")
			.containsPattern("id=\"unpublishConfirmed\" name=\"unpublishConfirmed\" value=\"true\"\s+checked")
			.doesNotContain("Todavía no se guardó nada.");
		assertThat(published(slug)).isTrue();

		// Confirmed: saved, the page is gone, and the registrant's own page names the
		// event
		// without linking to it.
		unpublishing(slug, organizer, "es", "unpublishConfirmed", "true")
			.andExpect(redirectedUrl("/admin/events/" + slug + "/edit"))
			.andExpect(flash().attribute("saved", true));
		assertThat(published(slug)).isFalse();
		// The event link in their emails: a 404 that says what happened, not "page not
		// found" (NoLongerPublishedPagesTests).
		assertThat(this.mvc.perform(get("/events/" + slug))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Este evento ya no está publicado").contains("Hoja de ruta en Colombia");
		long registered = this.jdbc
			.sql("select min(id) from registration where event_id = (select id from event where slug = ?)")
			.param(slug)
			.query(Long.class)
			.single();
		String manage = this.mvc.perform(get("/r/" + this.tokens.issue(registered)).param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(manage).contains("Hoja de ruta en Colombia").doesNotContain("href=\"/events/" + slug);

		// An event whose only registration was cancelled unpublishes without a question.
		String cancelledOnly = "unpublish-cancelled-only";
		this.mvc.perform(inMexico("/admin/events/new", cancelledOnly).with(organizer))
			.andExpect(status().is3xxRedirection());
		people.in(cancelledOnly).status("CANCELLED").cancelledAt(Instant.now()).create();
		unpublishing(cancelledOnly, organizer, "es")
			.andExpect(redirectedUrl("/admin/events/" + cancelledOnly + "/edit"));
		assertThat(published(cancelledOnly)).isFalse();
	}

	/** The editor's save of an event in Mexico, "published" unticked. */
	private ResultActions unpublishing(String slug, RequestPostProcessor staff, String lang, String... overrides)
			throws Exception {
		String[] unticked = Stream.concat(Stream.of("published", "", "lang", lang), Stream.of(overrides))
			.toArray(String[]::new);
		return this.mvc.perform(inMexico("/admin/events/" + slug + "/edit", slug, unticked).with(staff));
	}

	/**
	 * The editor's form posted to {@code path} for an event in Mexico, where the
	 * registrations the tests add live.
	 */
	private static MockHttpServletRequestBuilder inMexico(String path, String slug, String... overrides) {
		String[] fields = Stream
			.concat(Stream.of("slug", slug, "country", "MX", "timeZone", "America/Mexico_City"), Stream.of(overrides))
			.toArray(String[]::new);
		return EventAdministrationTests.colombia(post(path), fields);
	}

	private boolean published(String slug) {
		return this.jdbc.sql("select published from event where slug = ?").param(slug).query(Boolean.class).single();
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
