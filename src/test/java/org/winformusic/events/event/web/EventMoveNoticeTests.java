package org.winformusic.events.event.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.event.web.EventAdministrationTests.colombia;

/**
 * Moving an event (its date, hours or venue) emails everyone registered: the editor says
 * how many people before the save, next to a box ticked by default, so a typo fixed in
 * the venue can be saved without emailing anyone; after the save the notice says how many
 * emails were queued, or that nobody was emailed, and so does the audit log.
 */
@IntegrationTest
@AutoConfigureMockMvc
class EventMoveNoticeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private Cookie session;

	@Test
	void aTypoFixedInTheVenueSavesWithoutEmailingAnyoneWhenTheBoxIsUntickedAndAMoveSaysHowManyAreEmailed()
			throws Exception {
		String slug = "nandu-" + System.nanoTime();
		this.mvc.perform(as(colombia(post("/admin/events/new"), "slug", slug, "venueName", "Casa Ñandú — Sala 2")))
			.andExpect(status().is3xxRedirection());
		long id = new TestEvents(this.jdbc).id(slug);
		TestRegistrations people = new TestRegistrations(this.jdbc);
		for (String name : List.of("Ana Uno", "Bea Dos")) {
			people.in(slug).person(name).email(TestRegistrations.uniqueEmail("moved")).state("DC").create();
		}
		people.in(slug)
			.person("Wendy Espera")
			.email(TestRegistrations.uniqueEmail("moved"))
			.state("DC")
			.status("WAITLISTED")
			.create();
		people.in(slug)
			.person("Carla Cancelada")
			.email(TestRegistrations.uniqueEmail("moved"))
			.state("DC")
			.status("CANCELLED")
			.create();

		// Before saving: the box, ticked, with how many people a move emails.
		String editor = page(as(get("/admin/events/" + slug + "/edit").param("lang", "es")));
		assertThat(editor)
			.contains("Avisar por correo a las 3 personas registradas si al guardar cambian la fecha,"
					+ " el horario o la sede")
			.contains("name=\"tell\" value=\"true\" aria-describedby=\"tell-hint\" checked=\"checked\"")
			.contains("name=\"_tell\" value=\"on\"")
			.contains("Desmárcala si solo corriges un error de dedo");
		assertThat(page(as(get("/admin/events/" + slug + "/edit").param("lang", "en"))))
			.contains("Email the 3 people registered if this save changes the date, time or venue");

		// The typo fixed, the box unticked: saved, nobody emailed, and the page says so.
		String saved = saved(slug, "es", "venueName", "Casa Ñandú — sala 2", "_tell", "on");
		assertThat(saved).contains("Guardado. La página pública ya muestra los cambios. No se avisará a nadie del"
				+ " cambio en la sede: elegiste no mandarle el correo a las 3 personas registradas.");
		assertThat(venue(slug)).isEqualTo("Casa Ñandú — sala 2");
		assertThat(eventChangedEmails(id)).isZero();
		assertThat(lastAudit(id)).endsWith("venueName: Casa Ñandú — Sala 2 -> Casa Ñandú — sala 2\nnotTold=3");

		// A real move, the box ticked: the emails are queued, and the notice counts them.
		saved = saved(slug, "es", "venueName", "Casa Ñandú — Sala 5", "_tell", "on", "tell", "true");
		assertThat(saved).contains("Se avisará por correo a 3 personas del cambio en la sede.");
		assertThat(eventChangedEmails(id)).isEqualTo(3);
		assertThat(lastAudit(id)).endsWith("\ntold=3");

		saved = saved(slug, "en", "startsAt", "2028-05-10T11:00", "venueName", "Casa Ñandú — Sala 5", "_tell", "on",
				"tell", "true");
		assertThat(saved).contains("Saved. The public page shows the changes now. 3 people will be emailed about"
				+ " the change of time.");
		// Still one email each, waiting to be sent: it tells both changes.
		assertThat(eventChangedEmails(id)).isEqualTo(3);

		String audit = page(get("/admin/audit").param("event", String.valueOf(id))
			.param("lang", "es")
			.with(user("move-admin@win.test").roles("ADMIN")));
		assertThat(audit).contains("Sin aviso del cambio por correo: se eligió no avisar a las 3 personas registradas")
			.contains("Aviso del cambio por correo en cola para 3 personas");
		assertThat(page(get("/admin/audit").param("event", String.valueOf(id))
			.param("lang", "en")
			.with(user("move-admin@win.test").roles("ADMIN"))))
			.contains("No email about the change: chosen not to email the 3 people registered")
			.contains("Email about the change queued for 3 people");
	}

	@Test
	void anEventNobodyIsRegisteredForShowsNoBoxAndItsMoveSaysNobodyIsEmailed() throws Exception {
		String slug = "empty-move-" + System.nanoTime();
		this.mvc.perform(as(colombia(post("/admin/events/new"), "slug", slug))).andExpect(status().is3xxRedirection());
		assertThat(page(as(get("/admin/events/" + slug + "/edit").param("lang", "es"))))
			.doesNotContain("name=\"tell\"");

		String saved = saved(slug, "es", "startsAt", "2028-05-11T10:00", "endsAt", "2028-05-11T14:00");
		assertThat(saved).contains("Nadie recibe correo por el cambio en la fecha: no hay personas registradas");
		// Texts alone move nothing and say nothing about emails.
		saved = saved(slug, "en", "startsAt", "2028-05-11T10:00", "endsAt", "2028-05-11T14:00", "titleEn", "Other");
		assertThat(saved).contains("Saved. The public page shows the changes now.").doesNotContain("emailed");
	}

	/** Saves an edit in {@code lang} and returns the editor as it comes back after it. */
	private String saved(String slug, String lang, String... overrides) throws Exception {
		String[] fields = new String[overrides.length + 4];
		System.arraycopy(overrides, 0, fields, 0, overrides.length);
		fields[overrides.length] = "slug";
		fields[overrides.length + 1] = slug;
		fields[overrides.length + 2] = "lang";
		fields[overrides.length + 3] = lang;
		this.mvc.perform(colombia(post("/admin/events/" + slug + "/edit"), fields).cookie(signedIn()))
			.andExpect(redirectedUrl("/admin/events/" + slug + "/edit"));
		// The redirect followed in the same session, which holds the notice.
		return page(get("/admin/events/" + slug + "/edit").param("lang", lang).cookie(signedIn()));
	}

	/**
	 * A signed-in organizer's session, where the editor's notices wait for the next page.
	 */
	private Cookie signedIn() throws Exception {
		if (this.session == null) {
			this.session = TestStaff.session(this.mvc,
					TestStaff.create(this.jdbc, TestRegistrations.uniqueEmail("mover"), "Mover", StaffRole.ORGANIZER));
		}
		return this.session;
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private long eventChangedEmails(long eventId) {
		return this.jdbc.sql("select count(*) from outbox_message where event_id = ? and kind = 'EVENT_CHANGED'")
			.param(eventId)
			.query(Long.class)
			.single();
	}

	private String venue(String slug) {
		return this.jdbc.sql("select venue_name from event where slug = ?").param(slug).query(String.class).single();
	}

	private String lastAudit(long eventId) {
		return this.jdbc.sql("select details from audit_log where event_id = ? order by id desc limit 1")
			.param(eventId)
			.query(String.class)
			.single();
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(user("move-editor@win.test").roles("ORGANIZER"));
	}

}
