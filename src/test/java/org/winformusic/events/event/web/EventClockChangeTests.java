package org.winformusic.events.event.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.event.web.EventAdministrationTests.colombia;

/**
 * The editor's times on the nights the clocks change, in a zone that still changes them
 * (Mexico no longer does): a time the clocks skip does not exist and is refused (see also
 * {@code EventEditorChecksTests}); a time that happens twice, 01:30 on the night New York
 * goes back from 02:00 to 01:00, is saved as the first one, before the change, and the
 * page after the save says so in the organizer's language, with the offset saved.
 */
@IntegrationTest
@AutoConfigureMockMvc
class EventClockChangeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private Cookie session;

	@Test
	void aStartThatHappensTwiceIsSavedAsTheFirstAndThePageAfterTheSaveSaysSo() throws Exception {
		String slug = "new-york-twice-" + System.nanoTime();
		String saved = saved(post("/admin/events/new"), "/admin/events/" + slug + "/edit", "es", "slug", slug,
				"startsAt", "2027-11-07T01:30", "endsAt", "2027-11-07T03:00");

		// 01:30 EDT, four hours behind UTC: the first 01:30.
		assertThat(instant(slug, "starts_at")).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
		assertThat(saved)
			.contains("La hora de inicio (domingo 7 de noviembre de 2027, 01:30) ocurre dos veces en"
					+ " Nueva York, porque esa noche se atrasan los relojes una hora. Guardamos la primera, la de antes"
					+ " del cambio (UTC-04:00).")
			.doesNotContain("La hora de fin");
		// The form shows the time as typed.
		assertThat(saved).contains("value=\"2027-11-07T01:30\"");

		// Saved again in English with the registration closing at that same repeated
		// time.
		saved = saved(post("/admin/events/" + slug + "/edit"), "/admin/events/" + slug + "/edit", "en", "slug", slug,
				"startsAt", "2027-11-07T01:30", "endsAt", "2027-11-07T03:00", "registrationClosesAt",
				"2027-11-07T01:30");
		assertThat(instant(slug, "registration_closes_at")).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
		assertThat(saved)
			.contains("The start (Sunday 7 November 2027, 01:30) happens twice in New York, because the clocks go back"
					+ " an hour that night. The first one was saved, before the change (UTC-04:00).")
			.contains("The closing of registration (Sunday 7 November 2027, 01:30) happens twice in New York");
	}

	@Test
	void anEndThatHappensTwiceInSantiagoIsSavedAsTheFirstAndSaidSo() throws Exception {
		// Chile's clocks go back from midnight to 23:00 on 3 April 2027: 23:30 comes
		// twice.
		String slug = "santiago-twice-" + System.nanoTime();
		String saved = saved(post("/admin/events/new"), "/admin/events/" + slug + "/edit", "en", "slug", slug,
				"country", "CL", "timeZone", "America/Santiago", "venueAddress", "Santiago", "startsAt",
				"2027-04-03T20:00", "endsAt", "2027-04-03T23:30");

		assertThat(instant(slug, "ends_at")).isEqualTo(Instant.parse("2027-04-04T02:30:00Z"));
		assertThat(saved).contains("The end (Saturday 3 April 2027, 23:30) happens twice in Santiago de Chile,"
				+ " because the clocks go back an hour that night. The first one was saved, before the change"
				+ " (UTC-03:00).");
	}

	@Test
	void timesThatHappenOnceSayNothingAndATimeTheClocksSkipIsRefused() throws Exception {
		String slug = "new-york-once-" + System.nanoTime();
		String saved = saved(post("/admin/events/new"), "/admin/events/" + slug + "/edit", "es", "slug", slug,
				"startsAt", "2027-11-07T10:00", "endsAt", "2027-11-07T14:00");
		assertThat(saved).contains("Guardado.").doesNotContain("ocurre dos veces").doesNotContain("repeated-times");

		// 02:30 on 14 March 2027 does not exist in New York: refused, nothing saved.
		String gap = "new-york-gap-" + System.nanoTime();
		for (String lang : new String[] { "es", "en" }) {
			String page = this.mvc
				.perform(newYork(post("/admin/events/new"), "slug", gap, "startsAt", "2027-03-14T02:30", "endsAt",
						"2027-03-14T04:00", "lang", lang)
					.cookie(signedIn()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("es".equals(lang)
					? "id=\"startsAt-error\">Esa hora no existe en Nueva York ese día por el cambio de horario; elige otra."
					: "id=\"startsAt-error\">That time does not exist in New York that day (the clocks change);");
		}
		assertThat(this.jdbc.sql("select count(*) from event where slug = ?").param(gap).query(Long.class).single())
			.isZero();
	}

	/**
	 * Posts the editor (an event in New York unless the fields say otherwise) and returns
	 * the page the redirect leads to, in the same session, which holds the save's
	 * notices.
	 */
	private String saved(MockHttpServletRequestBuilder request, String editor, String lang, String... fields)
			throws Exception {
		String[] all = new String[fields.length + 2];
		System.arraycopy(fields, 0, all, 0, fields.length);
		all[fields.length] = "lang";
		all[fields.length + 1] = lang;
		this.mvc.perform(newYork(request, all).cookie(signedIn())).andExpect(redirectedUrl(editor));
		return this.mvc.perform(get(editor).param("lang", lang).cookie(signedIn()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A signed-in organizer's session. */
	private Cookie signedIn() throws Exception {
		if (this.session == null) {
			this.session = TestStaff.session(this.mvc, TestStaff.create(this.jdbc,
					TestRegistrations.uniqueEmail("clocks"), "Relojes", StaffRole.ORGANIZER));
		}
		return this.session;
	}

	private static MockHttpServletRequestBuilder newYork(MockHttpServletRequestBuilder request, String... fields) {
		String[] all = new String[fields.length + 6];
		all[0] = "country";
		all[1] = "US";
		all[2] = "timeZone";
		all[3] = "America/New_York";
		all[4] = "venueAddress";
		all[5] = "New York";
		System.arraycopy(fields, 0, all, 6, fields.length);
		return colombia(request, all);
	}

	private Instant instant(String slug, String column) {
		return this.jdbc.sql("select " + column + " from event where slug = ?")
			.param(slug)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

}
