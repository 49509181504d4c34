package org.winformusic.events.event.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class EventPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void homeListsTheMexicoWorkshopInSpanishByDefault() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Próximos eventos")))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("Hoja de ruta para crear una asociación de música independiente en México")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/events/mexico-workshop\"")));
	}

	@Test
	void eventPageShowsTitleDateVenueSpeakersAndSeatsInSpanish() throws Exception {
		String html = page("/events/mexico-workshop", null);
		assertThat(html).contains("Hoja de ruta para crear una asociación de música independiente en México")
			.contains("lunes 20 de marzo de 2028, </span><span class=\"nowrap\">10:00–14:00</span>"
					+ "<span> (hora de la Ciudad de México)</span>")
			.contains("Managers Anónimos")
			.contains("Colonia Roma Norte")
			.contains("Noemí Planas")
			.contains("Richard Burgess")
			.contains("Estados Unidos")
			.contains("Grupo Anónimos")
			.contains("Quedan 60 lugares de 60")
			.contains("href=\"/events/mexico-workshop/register\"")
			.contains("34");
	}

	@Test
	void langParameterGivesEnglishAndTheChoiceSticksInACookie() throws Exception {
		MvcResult result = this.mvc.perform(get("/events/mexico-workshop").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(cookie().value("lang", "en"))
			.andReturn();
		assertThat(result.getResponse().getContentAsString())
			.contains("Roadmap to Starting an Independent Music Trade Association in Mexico")
			.contains("Monday 20 March 2028, </span><span class=\"nowrap\">10:00–14:00</span>"
					+ "<span> (Mexico City time)</span>")
			.contains("United States");

		String next = this.mvc.perform(get("/events/mexico-workshop").cookie(new Cookie("lang", "en")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(next).contains("Roadmap to Starting");
	}

	@Test
	void acceptLanguageDecidesWithoutCookieAndUnknownLanguagesFallBackToSpanish() throws Exception {
		assertThat(page("/events/mexico-workshop", "en-US,en;q=0.9")).contains("Roadmap to Starting");
		assertThat(page("/events/mexico-workshop", "fr-FR,de;q=0.8")).contains("Hoja de ruta");
		assertThat(page("/events/mexico-workshop", "fr-FR,es-MX;q=0.8,en;q=0.5")).contains("Hoja de ruta");
	}

	@Test
	void unsupportedLangParameterIsIgnored() throws Exception {
		this.mvc.perform(get("/events/mexico-workshop").param("lang", "xx-<script>"))
			.andExpect(status().isOk())
			.andExpect(cookie().doesNotExist("lang"));
	}

	@Test
	void languageLinksKeepTheVisitorOnTheSamePage() throws Exception {
		assertThat(page("/events/mexico-workshop", null)).contains("href=\"/events/mexico-workshop?lang=en\"");
	}

	@Test
	void pagesCarrySecurityHeadersAndCreateNoSessionForAnonymousVisitors() throws Exception {
		MvcResult result = this.mvc.perform(get("/events/mexico-workshop"))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andReturn();
		String csp = result.getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.contains("base-uri 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).noneMatch((c) -> c.startsWith("SESSION"));
	}

	@Test
	void aFullEventInvitesToTheWaitlistOnlyWhileItsRegistrationIsOpen() throws Exception {
		Instant now = Instant.now();
		String closed = fullEvent(now.minus(10, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
		String notYetOpen = fullEvent(now.plus(1, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS));
		String open = fullEvent(null, null);

		// Closed: no seats are offered at all, full or not, only why.
		assertThat(page("/events/" + closed, "es")).contains("El registro cerró el ")
			.doesNotContain("la lista de espera está abierta", "Regístrate y te avisaremos",
					"Entrar a la lista de espera", "Ya no hay lugares disponibles.");
		assertThat(page("/events/" + closed, "en")).contains("Registration closed on ")
			.doesNotContain("the waitlist is open", "Register and you will get a seat", "Join the waitlist",
					"All seats are taken.");
		assertThat(page("/events/" + notYetOpen, "es"))
			.contains("El registro abre el", "Ya no hay lugares disponibles.")
			.doesNotContain("la lista de espera está abierta", "Regístrate y te avisaremos",
					"Entrar a la lista de espera");
		assertThat(page("/events/" + open, "es"))
			.contains("Los lugares están agotados: la lista de espera está abierta", "Regístrate y te avisaremos",
					"Entrar a la lista de espera")
			.doesNotContain("Ya no hay lugares disponibles.", "El registro cerró", "El registro está cerrado.");
	}

	@Test
	void aFullEventThatReviewsRegistrationsSaysTheyAreReviewedBeforeTheWaitlist() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().requiringApproval().capacity(1).create();
		new TestRegistrations(this.jdbc).in(event).create();

		assertThat(page("/events/" + event.slug(), "es")).contains(
				"Regístrate y los organizadores revisarán tu registro; si lo aceptan, entrarás a la lista de espera")
			.doesNotContain("Regístrate y te avisaremos");
		assertThat(page("/events/" + event.slug(), "en"))
			.contains("Register and the organizers will review your registration")
			.doesNotContain("Register and you will get a seat");
	}

	/** An event with one seat, taken, whose form opens and closes at these times. */
	private String fullEvent(Instant opensAt, Instant closesAt) {
		TestEvents.Created event = new TestEvents(this.jdbc).event().window(opensAt, closesAt).capacity(1).create();
		new TestRegistrations(this.jdbc).in(event).create();
		return event.slug();
	}

	@Test
	void privacyNoticeIsAvailableInBothLanguages() throws Exception {
		assertThat(page("/privacy?lang=es", null)).contains("Aviso de privacidad");
		assertThat(page("/privacy?lang=en", null)).contains("Privacy");
	}

	private String page(String url, String acceptLanguage) throws Exception {
		var request = get(url);
		if (acceptLanguage != null) {
			request = request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
