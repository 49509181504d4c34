package org.winformusic.events.event.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event page and the registration form read right for an event in any country: the
 * LatAm Network (WIN's Latin American network) is named on events in Latin America only,
 * and the time registration opens names its zone, like the event's times.
 */
@IntegrationTest
@AutoConfigureMockMvc
class EventNeutralWordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEventInSpainSpeaksOfWinAloneAndTheMexicoWorkshopKeepsTheLatAmNetwork() throws Exception {
		String madrid = inMadrid(new TestEvents(this.jdbc).event().country("ES").venue("Sede", "Madrid", null)).slug();

		assertThat(page("/events/" + madrid, "es")).contains("<h2 id=\"about\">Sobre WIN</h2>").doesNotContain("LatAm");
		assertThat(page("/events/" + madrid, "en")).contains("<h2 id=\"about\">About WIN</h2>").doesNotContain("LatAm");
		assertThat(page("/events/" + madrid + "/register", "es")).contains("Quiero recibir noticias de WIN.</span>")
			.doesNotContain("LatAm");
		assertThat(page("/events/" + madrid + "/register", "en")).contains("Send me news from WIN.</span>")
			.doesNotContain("LatAm");

		assertThat(page("/events/mexico-workshop", "es")).contains("<h2 id=\"about\">Sobre WIN y la Red LatAm</h2>");
		assertThat(page("/events/mexico-workshop", "en"))
			.contains("<h2 id=\"about\">About WIN and the LatAm Network</h2>");
		assertThat(page("/events/mexico-workshop/register", "es"))
			.contains("Quiero recibir noticias de WIN y de la Red LatAm.</span>");
		String bogota = new TestEvents(this.jdbc).event().country("CO").create().slug();
		assertThat(page("/events/" + bogota + "/register", "es"))
			.contains("Quiero recibir noticias de WIN y de la Red LatAm.</span>");
	}

	@Test
	void theTimeRegistrationOpensNamesTheEventsZoneOnThePageAndTheForm() throws Exception {
		Instant opens = Instant.now().plus(5, ChronoUnit.DAYS);
		String madrid = inMadrid(new TestEvents(this.jdbc).event().country("ES").window(opens, null)).slug();

		for (String path : new String[] { "/events/" + madrid, "/events/" + madrid + "/register" }) {
			assertThat(page(path, "es")).as(path)
				.containsPattern("El registro abre el [a-zéá]+ \\d{1,2} de [a-z]+ de \\d{4}, \\d\\d:\\d\\d"
						+ " \\(hora de Madrid\\)\\.");
			assertThat(page(path, "en")).as(path)
				.containsPattern("Registration opens on [A-Za-z]+ \\d{1,2} [A-Za-z]+ \\d{4}, \\d\\d:\\d\\d"
						+ " \\(Madrid time\\)\\.");
		}
	}

	@Test
	void whileOpenThePageAndTheFormSayWhenRegistrationClosesAndOnceClosedWhenItDid() throws Exception {
		Instant now = Instant.now();
		Instant closes = now.plus(5, ChronoUnit.DAYS);
		String open = inZone(new TestEvents(this.jdbc).event().country("CO").window(null, closes), "America/Bogota")
			.slug();
		String when = TIME.format(closes.atZone(BOGOTA));

		for (String path : new String[] { "/events/" + open, "/events/" + open + "/register" }) {
			assertThat(page(path, "es")).as(path)
				.containsPattern("El registro cierra el [a-zéá]+ \\d{1,2} de [a-z]+ de \\d{4}, " + when
						+ " \\(hora de Bogotá\\)\\.");
			assertThat(page(path, "en")).as(path)
				.containsPattern("Registration closes on [A-Za-z]+ \\d{1,2} [A-Za-z]+ \\d{4}, " + when
						+ " \\(Bogotá time\\)\\.");
		}
		// Without a closing date registration closes at the start, which the page already
		// shows.
		String noClose = new TestEvents(this.jdbc).event().create().slug();
		assertThat(page("/events/" + noClose, "es")).doesNotContain("El registro cierra");

		Instant closed = now.minus(1, ChronoUnit.HOURS);
		String over = inZone(new TestEvents(this.jdbc).event().country("CO").window(null, closed), "America/Bogota")
			.slug();
		String then = TIME.format(closed.atZone(BOGOTA));
		for (String path : new String[] { "/events/" + over, "/events/" + over + "/register" }) {
			assertThat(page(path, "es")).as(path)
				.containsPattern("El registro cerró el [a-zéá]+ \\d{1,2} de [a-z]+ de \\d{4}, " + then
						+ " \\(hora de Bogotá\\)\\.")
				.doesNotContain("El registro está cerrado.");
			assertThat(page(path, "en")).as(path)
				.containsPattern("Registration closed on [A-Za-z]+ \\d{1,2} [A-Za-z]+ \\d{4}, " + then
						+ " \\(Bogotá time\\)\\.");
		}
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

	private TestEvents.Created inZone(TestEvents.Builder event, String zone) {
		TestEvents.Created created = event.create();
		this.jdbc.sql("update event set time_zone = ? where id = ?").params(zone, created.id()).update();
		return created;
	}

	/** The event, created, in Madrid's time zone. */
	private TestEvents.Created inMadrid(TestEvents.Builder event) {
		TestEvents.Created created = event.create();
		this.jdbc.sql("update event set time_zone = 'Europe/Madrid' where id = ?").param(created.id()).update();
		return created;
	}

	private String page(String path, String lang) throws Exception {
		return this.mvc.perform(get(path).param("lang", lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
