package org.winformusic.events.event.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.event.web.EventAdministrationTests.colombia;

/**
 * What the editor refuses, and how it says so next to the field: a time the clocks skip,
 * a text past its maximum (which it names), an offset instead of a zone, a new event
 * starting in the past; and what it reads kindly (a zone in lower case).
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(username = "checks@win.test", roles = "ORGANIZER")
class EventEditorChecksTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTimeTheClocksSkipIsRefusedNamingTheCityAndKeptAsTyped() throws Exception {
		String page = refused(colombia(post("/admin/events/new"), "slug", "madrid-gap", "country", "ES", "timeZone",
				"Europe/Madrid", "startsAt", "2027-03-28T02:30", "endsAt", "2027-03-28T03:15", "lang", "es"));
		assertThat(page)
			.contains(
					"id=\"startsAt-error\">Esa hora no existe en Madrid ese día por el cambio de horario; elige otra.")
			.contains("value=\"2027-03-28T02:30\"")
			.doesNotContain("El fin debe ser posterior al inicio");
		assertThat(zone("madrid-gap")).isNull();

		page = refused(colombia(post("/admin/events/new"), "slug", "santiago-gap", "country", "CL", "timeZone",
				"America/Santiago", "startsAt", "2027-09-04T20:00", "endsAt", "2027-09-05T00:30", "lang", "en"));
		assertThat(page)
			.contains("id=\"endsAt-error\">That time does not exist in Santiago de Chile that day (the clocks change);"
					+ " choose another.")
			.contains("value=\"2027-09-05T00:30\"");
		assertThat(zone("santiago-gap")).isNull();

		// An hour that exists is fine.
		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "madrid-gap", "country", "ES", "timeZone",
					"Europe/Madrid", "startsAt", "2027-03-28T03:30", "endsAt", "2027-03-28T05:00"))
			.andExpect(redirectedUrl("/admin/events/madrid-gap/edit"));
	}

	@Test
	void aTextTooLongSaysItsMaximumInTheReadersWay() throws Exception {
		String page = refused(colombia(post("/admin/events/new"), "slug", "too-long", "summaryEs", "a".repeat(2001),
				"venueName", "b".repeat(201), "questions[0].kind", "SHORT_TEXT", "questions[0].labelEs",
				"c".repeat(301), "questions[0].labelEn", "Website?", "lang", "es"));
		assertThat(page).contains("id=\"summaryEs-error\">Es demasiado largo: máximo 2,000 caracteres.")
			.contains("id=\"venueName-error\">Es demasiado largo: máximo 200 caracteres.")
			.contains("Es demasiado largo: máximo 300 caracteres.")
			.doesNotContain("Es demasiado largo.<");
		page = refused(colombia(post("/admin/events/new"), "slug", "too-long", "descriptionEn", "d".repeat(10001),
				"lang", "en"));
		assertThat(page).contains("id=\"descriptionEn-error\">This is too long: at most 10,000 characters.");
	}

	@Test
	void aKnownZoneInAnyCaseIsThatZoneAndAnOffsetIsRefusedSayingWhy() throws Exception {
		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "lower-zone", "timeZone", "america/bogota "))
			.andExpect(redirectedUrl("/admin/events/lower-zone/edit"));
		assertThat(zone("lower-zone")).isEqualTo("America/Bogota");

		String page = refused(
				colombia(post("/admin/events/new"), "slug", "offset-zone", "timeZone", "-05:00", "lang", "es"));
		assertThat(page)
			.contains("id=\"timeZone-error\">Escribe el nombre de una zona horaria, como America/Bogota,"
					+ " no una diferencia con UTC")
			.contains("value=\"-05:00\"")
			.doesNotContain("(-05:00)");
		page = refused(colombia(post("/admin/events/new"), "slug", "offset-zone", "timeZone", "UTC-5", "lang", "en"));
		assertThat(page).contains("id=\"timeZone-error\">Enter the name of a time zone, such as America/Bogota,"
				+ " not an offset from UTC");
		assertThat(zone("offset-zone")).isNull();
	}

	@Test
	void aNewEventCannotStartInThePastButAnEventThatIsOverCanStillBeCorrected() throws Exception {
		String page = refused(colombia(post("/admin/events/new"), "slug", "past-event", "startsAt", "2025-05-10T10:00",
				"endsAt", "2025-05-10T14:00", "lang", "es"));
		assertThat(page)
			.contains("id=\"startsAt-error\">Esa fecha ya pasó: un evento nuevo tiene que empezar en el"
					+ " futuro. Revisa el año.")
			.contains("value=\"2025-05-10T10:00\"");
		assertThat(refused(colombia(post("/admin/events/new"), "slug", "past-event", "startsAt", "2025-05-10T10:00",
				"endsAt", "2025-05-10T14:00", "lang", "en")))
			.contains("That date has already passed: a new event must start in the future. Check the year.");
		assertThat(zone("past-event")).isNull();

		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "over-event"))
			.andExpect(status().is3xxRedirection());
		Instant start = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where slug = 'over-event'")
			.params(Timestamp.from(start), Timestamp.from(start.plus(4, ChronoUnit.HOURS)))
			.update();
		String typedStart = this.jdbc
			.sql("select to_char(starts_at at time zone 'America/Bogota', 'YYYY-MM-DD\"T\"HH24:MI') from event"
					+ " where slug = 'over-event'")
			.query(String.class)
			.single();
		String typedEnd = this.jdbc
			.sql("select to_char(ends_at at time zone 'America/Bogota', 'YYYY-MM-DD\"T\"HH24:MI') from event"
					+ " where slug = 'over-event'")
			.query(String.class)
			.single();
		this.mvc
			.perform(colombia(post("/admin/events/over-event/edit"), "slug", "over-event", "startsAt", typedStart,
					"endsAt", typedEnd, "titleEs", "Taller que ya fue"))
			.andExpect(redirectedUrl("/admin/events/over-event/edit"));
		assertThat(this.jdbc.sql("select title_es from event where slug = 'over-event'").query(String.class).single())
			.isEqualTo("Taller que ya fue");
	}

	@Test
	void anEditCannotMoveAnEventThatHasNotStartedIntoThePastButAnEventUnderWayCanBeCorrected() throws Exception {
		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "typo-year"))
			.andExpect(status().is3xxRedirection());
		String page = refused(colombia(post("/admin/events/typo-year/edit"), "slug", "typo-year", "startsAt",
				"2025-05-10T10:00", "endsAt", "2025-05-10T14:00", "lang", "es"));
		assertThat(page)
			.contains("id=\"startsAt-error\">Esa fecha ya pasó: este evento todavía no empieza, así que no puede"
					+ " quedar en una fecha pasada. Revisa el año.")
			.contains("value=\"2025-05-10T10:00\"")
			.doesNotContain("Guardado.");
		assertThat(refused(colombia(post("/admin/events/typo-year/edit"), "slug", "typo-year", "startsAt",
				"2025-05-10T10:00", "endsAt", "2025-05-10T14:00", "lang", "en")))
			.contains("id=\"startsAt-error\">That date has already passed: this event has not started yet, so it"
					+ " cannot be moved into the past. Check the year.");
		assertThat(typed("typo-year", "starts_at")).isEqualTo("2028-05-10T10:00");

		// Under way since an hour ago: its start can be corrected to an earlier time.
		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "under-way"))
			.andExpect(status().is3xxRedirection());
		Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where slug = 'under-way'")
			.params(Timestamp.from(start), Timestamp.from(start.plus(4, ChronoUnit.HOURS)))
			.update();
		String earlier = this.jdbc
			.sql("select to_char((starts_at - interval '30 minutes') at time zone 'America/Bogota',"
					+ " 'YYYY-MM-DD\"T\"HH24:MI') from event where slug = 'under-way'")
			.query(String.class)
			.single();
		this.mvc
			.perform(colombia(post("/admin/events/under-way/edit"), "slug", "under-way", "startsAt", earlier, "endsAt",
					typed("under-way", "ends_at")))
			.andExpect(redirectedUrl("/admin/events/under-way/edit"));
		assertThat(typed("under-way", "starts_at")).isEqualTo(earlier);
	}

	@Test
	void aLegacyZoneNameIsStoredAsTheZonesOwnNameAndPagesNameItsCity() throws Exception {
		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "legacy-eastern", "country", "US", "timeZone",
					"US/Eastern"))
			.andExpect(redirectedUrl("/admin/events/legacy-eastern/edit"));
		assertThat(zone("legacy-eastern")).isEqualTo("America/New_York");

		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "legacy-mexico", "country", "MX", "timeZone",
					"mexico/general"))
			.andExpect(redirectedUrl("/admin/events/legacy-mexico/edit"));
		assertThat(zone("legacy-mexico")).isEqualTo("America/Mexico_City");
		assertThat(this.mvc.perform(get("/events/legacy-mexico").param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("(Mexico City time)").doesNotContain("Central Time");
	}

	/** A time of the event as the editor shows it, in Bogotá. */
	private String typed(String slug, String column) {
		return this.jdbc
			.sql("select to_char(" + column + " at time zone 'America/Bogota', 'YYYY-MM-DD\"T\"HH24:MI') from event"
					+ " where slug = ?")
			.param(slug)
			.query(String.class)
			.single();
	}

	private String refused(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String zone(String slug) {
		return this.jdbc.sql("select time_zone from event where slug = ?")
			.param(slug)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
