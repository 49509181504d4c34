package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.MovableClock;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The blank registration form is rendered once for every visitor of a language and kept
 * while nothing it shows changes: each visitor still gets a CSRF token of their own (with
 * its cookie) and a form stamp of the time they were shown the form, and a seat taken or
 * a question added shows on the very next view. The minimum fill time is on here, so a
 * stamp that is not the visitor's own would be caught.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(MovableClock.AsApplicationClock.class)
@TestPropertySource(properties = "app.registration-min-fill-seconds=3")
class BlankFormPageTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern STAMP = Pattern.compile("name=\"formStamp\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void eachVisitorOfTheKeptFormGetsTheirOwnTokenAndStampAndCanRegister() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		Visit first = visit(event.slug());
		this.clock.advance(Duration.ofSeconds(5));
		Visit second = visit(event.slug());

		assertThat(second.token()).isNotEqualTo(first.token());
		assertThat(second.cookie().getValue()).isNotEqualTo(first.cookie().getValue());
		assertThat(second.stamp()).isNotEqualTo(first.stamp()).startsWith(this.clock.instant().getEpochSecond() + ".");
		assertThat(second.html()).doesNotContain("placeholder-");

		// Posted at once, the second visitor's form is too fast: it comes back as typed,
		// asking to send it again, nothing stored.
		assertThat(body(register(event.slug(), second, "quick@example.com").param("lang", "en")))
			.contains("Please check that your details are right and press “Register” again.",
					"value=\"quick@example.com\"")
			.doesNotContain("Thank you. Please check your email");
		assertThat(this.jdbc.sql("select count(*) from registration where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single()).isZero();
		this.clock.advance(Duration.ofSeconds(3));
		this.mvc.perform(register(event.slug(), second, "second@example.com")).andExpect(status().is3xxRedirection());
		this.mvc.perform(register(event.slug(), first, "first@example.com")).andExpect(status().is3xxRedirection());
		// A token is only good with the cookie of the visitor it was given to.
		Visit mixed = new Visit(first.html(), second.token(), first.stamp(), first.cookie());
		this.mvc.perform(register(event.slug(), mixed, "mixed@example.com")).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select email from registration where event_id = ? order by id")
			.param(event.id())
			.query(String.class)
			.list()).containsExactly("second@example.com", "first@example.com");
	}

	@Test
	void theLastSeatTakenOrAQuestionAddedShowsOnTheVeryNextView() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created event = events.event().capacity(1).create();
		assertThat(visit(event.slug()).html()).contains("Registrarme").doesNotContain("Unirme a la lista de espera");

		Visit visit = visit(event.slug());
		this.clock.advance(Duration.ofSeconds(3));
		this.mvc.perform(register(event.slug(), visit, "seat@example.com")).andExpect(status().is3xxRedirection());
		assertThat(visit(event.slug()).html()).contains("Unirme a la lista de espera");

		// Every edit of an event touches its row, questions included.
		events.question(event.id(), "SHORT_TEXT", "¿Qué sello representas?", "Which label?", false);
		this.jdbc.sql("update event set updated_at = updated_at + interval '1 second' where id = ?")
			.param(event.id())
			.update();
		assertThat(visit(event.slug()).html()).contains("¿Qué sello representas?");
		assertThat(visit(get("/events/" + event.slug() + "/register").param("lang", "en")).html())
			.contains("Which label?", "Join the waitlist");
	}

	@Test
	void aClosedFormIsKeptWithoutAnyTokenAndSetsNoCookie() throws Exception {
		Instant now = this.clock.instant();
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.window(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1)))
			.create();
		for (int view = 0; view < 2; view++) {
			MvcResult result = this.mvc.perform(get("/events/" + event.slug() + "/register"))
				.andExpect(status().isOk())
				.andReturn();
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("El registro cerró el ")
				.doesNotContain("name=\"_csrf\"", "placeholder-");
			assertThat(result.getResponse().getCookie("XSRF-TOKEN")).isNull();
		}
	}

	private Visit visit(String slug) throws Exception {
		return visit(get("/events/" + slug + "/register"));
	}

	private Visit visit(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andExpect(status().isOk()).andReturn();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return new Visit(html, group(CSRF, html), group(STAMP, html), result.getResponse().getCookie("XSRF-TOKEN"));
	}

	private static MockHttpServletRequestBuilder register(String slug, Visit visit, String email) {
		return TestRegistrations.filledIn(post("/events/" + slug + "/register"), "Ana Pérez", email)
			.cookie(visit.cookie())
			.param("_csrf", visit.token())
			.param("formStamp", visit.stamp());
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String group(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("%s in the form", pattern).isTrue();
		return matcher.group(1);
	}

	/**
	 * A visitor's form: the page, the CSRF token and stamp in it, and the CSRF cookie.
	 */
	private record Visit(String html, String token, String stamp, Cookie cookie) {
	}

}
