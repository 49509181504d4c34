package org.winformusic.events.event.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public event page shows only the sections it has something for, words that fit any
 * kind of event, and, once the event is over, that it ended instead of its seats.
 */
@IntegrationTest
@AutoConfigureMockMvc
class EventPageSectionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEventWithoutSpeakersOrPartnersShowsNoEmptyHeadingsAndItsCallToActionFitsAnyEvent() throws Exception {
		String slug = new TestEvents(this.jdbc).event().create().slug();
		String es = page("/events/" + slug, "es");
		assertThat(es).doesNotContain("Ponentes")
			.doesNotContain("id=\"speakers\"")
			.doesNotContain("id=\"partners\"")
			.doesNotContain("Con la colaboración de")
			.contains("<h2 id=\"register-again\">¿Quieres asistir?</h2>")
			.doesNotContain("Participa en el taller");
		String en = page("/events/" + slug, "en");
		assertThat(en).doesNotContain("Speakers")
			.doesNotContain("id=\"speakers\"")
			.contains("<h2 id=\"register-again\">Want to attend?</h2>")
			.doesNotContain("Join the workshop");

		assertThat(page("/events/mexico-workshop", "es")).contains("<h2 id=\"speakers\">Ponentes</h2>")
			.contains("Noemí Planas");
	}

	@Test
	void aPastEventSaysItEndedAndAdvertisesNoSeats() throws Exception {
		String slug = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(30, ChronoUnit.DAYS))
			.create()
			.slug();
		String es = page("/events/" + slug, "es");
		assertThat(es).contains("Este evento ya terminó.")
			.doesNotContain("Quedan")
			.doesNotContain("Lugares")
			.doesNotContain("El registro está cerrado")
			.doesNotContain("¿Quieres asistir?");
		String en = page("/events/" + slug, "en");
		assertThat(en).contains("This event has ended.")
			.doesNotContain("left of")
			.doesNotContain("Registration is closed");
		// Its form says the same, not "registration is closed".
		assertThat(page("/events/" + slug + "/register", "es")).contains("Este evento ya terminó.")
			.doesNotContain("El registro está cerrado");
	}

	@Test
	void theKeptPageOfAnEventUnderWaySaysItEndedOnceItsEndPasses() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(2, ChronoUnit.HOURS))
			.create();
		// Under way: registration closed at the start, so no seats are offered.
		assertThat(page("/events/" + event.slug(), "es")).contains("El registro está cerrado")
			.doesNotContain("Quedan", "Este evento ya terminó.");
		// The end passes without any edit of the event.
		this.jdbc.sql("update event set ends_at = now() - interval '1 minute' where id = ?").param(event.id()).update();
		assertThat(page("/events/" + event.slug(), "es")).contains("Este evento ya terminó.").doesNotContain("Quedan");
	}

	@Test
	void theDashboardOffersANewBlankEventToThoseWhoMayCreateOne() throws Exception {
		for (String role : new String[] { "ORGANIZER", "ADMIN" }) {
			String html = this.mvc.perform(get("/admin").with(user(role + "@win.test").roles(role)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).contains("<a class=\"button\" href=\"/admin/events/new\">Nuevo evento</a>");
		}
		assertThat(this.mvc.perform(get("/admin").param("lang", "en").with(user("o@win.test").roles("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("href=\"/admin/events/new\">New event</a>");
		assertThat(this.mvc.perform(get("/admin").with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("href=\"/admin/events/new\"");
	}

	private String page(String url, String lang) throws Exception {
		return this.mvc.perform(get(url).param("lang", lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
