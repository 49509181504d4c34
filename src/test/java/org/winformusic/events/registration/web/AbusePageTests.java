package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.MovableClock;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationProperties;

import org.winformusic.events.registration.AppSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The minimum fill time and the per-IP rate limit, switched on (the rest of the suite
 * turns them off).
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "app.registration-min-fill-seconds=3", "app.rate-limit-per-ip=3" })
// The rate limit counts in fixed 10-minute windows of the clock: on the real clock, a
// window that ended between the third post and the fourth let the fourth through.
@Import(MovableClock.AsApplicationClock.class)
class AbusePageTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AppSecrets secrets;

	@Autowired
	Clock clock;

	@Autowired
	RegistrationProperties properties;

	@Autowired
	MessageSource messages;

	@Autowired
	ManageTokens tokens;

	/**
	 * People post too soon too: Back after a refused (expired) form or after registering,
	 * the browser restores what they typed, and they send it again at once. They are not
	 * told of a registration that did not happen: the form comes back as typed, with one
	 * neutral line and no error, and nothing is stored or sent.
	 */
	@Test
	void aFormPostedTooSoonOrWithoutAGenuineStampComesBackAsTypedAndNothingIsStored() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String fresh = stamps(Duration.ZERO).stamp();
		String forged = (this.clock.instant().getEpochSecond() - 60) + "." + fresh.substring(fresh.indexOf('.') + 1);
		String[] stamps = { null, fresh, forged, "garbage", "1.2" };
		String html = null;
		for (int i = 0; i < stamps.length; i++) {
			String stamp = stamps[i];
			MockHttpServletRequestBuilder request = form(event.slug(), "10.0.1." + i, "fast@example.com");
			if (stamp != null) {
				request.param("formStamp", stamp);
			}
			html = page(request.param("lang", "es"));
			assertThat(html).contains(message("registration.form.checkAgain", SPANISH, "Registrarme"))
				.contains("value=\"Ana Pérez\"", "value=\"fast@example.com\"", "value=\"Discos Norte\"",
						"value=\"Guadalajara\"")
				.containsPattern("<option value=\"JAL\"[^>]*selected")
				.doesNotContain(message("registration.received.text", SPANISH), "error-summary", "field--error",
						"notice--warn");
			assertThat(stampOf(html)).isNotEqualTo(stamp);
		}
		assertThat(registrations(event)).isZero();
		assertThat(outboxRows(event)).isZero();

		// Sent again at once as it came back: it registers, and the email goes out.
		this.mvc.perform(form(event.slug(), "10.0.1.9", "fast@example.com").param("formStamp", stampOf(html)))
			.andExpect(status().is3xxRedirection());
		assertThat(registrations(event)).isOne();
		assertThat(outboxRows(event)).isOne();

		String old = stamps(Duration.ofSeconds(-10)).stamp();
		this.mvc.perform(form(event.slug(), "10.0.0.2", "patient@example.com").param("formStamp", old))
			.andExpect(status().is3xxRedirection());
		assertThat(registrations(event)).isEqualTo(2);
	}

	/** The trap field only a bot fills: the neutral page, nothing stored. */
	@Test
	void aFilledTrapFieldStillGetsTheNeutralPageWhateverTheStamp() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String old = stamps(Duration.ofSeconds(-10)).stamp();
		String html = page(form(event.slug(), "10.0.3.1", "trap@example.com").param("formStamp", old)
			.param("website", "http://spam.example")
			.param("lang", "es"));
		assertThat(html).contains("Gracias. Revisa tu correo")
			.doesNotContain(message("registration.form.checkAgain", SPANISH, "Registrarme"));
		assertThat(registrations(event)).isZero();
		assertThat(outboxRows(event)).isZero();
	}

	@Test
	void aFormShownAgainKeepsTheTimeItWasFirstShownSoAQuickFixStillRegisters() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String shown = stamps(Duration.ofSeconds(-10)).stamp();
		// A mistake to fix: the form comes back with the problem and the same stamp.
		String withProblem = page(form(event.slug(), "10.0.2.1", "not-an-address").param("formStamp", shown));
		assertThat(stampOf(withProblem)).isEqualTo(shown);
		this.mvc.perform(form(event.slug(), "10.0.2.1", "quick@example.com").param("formStamp", stampOf(withProblem)))
			.andExpect(status().is3xxRedirection());
		assertThat(registrations(event)).isOne();
	}

	private static String stampOf(String html) {
		Matcher stamp = Pattern.compile("name=\"formStamp\" value=\"([^\"]+)\"").matcher(html);
		assertThat(stamp.find()).as("the form's stamp").isTrue();
		return stamp.group(1);
	}

	@Test
	void tooManyPostsFromOneAddressGetA429PageInTheVisitorsLanguage() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(50).create();
		String old = stamps(Duration.ofSeconds(-10)).stamp();
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(form(event.slug(), "10.0.0.9", "office" + i + "@example.com").param("formStamp", old))
				.andExpect(status().is3xxRedirection());
		}
		String english = this.mvc
			.perform(form(event.slug(), "10.0.0.9", "office3@example.com").param("formStamp", old).param("lang", "en"))
			.andExpect(status().is(429))
			// When to try again: the end of the current 10-minute window.
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]{0,2}")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// In how many minutes, and back to the form as typed (the browser's Back).
		assertThat(english)
			.contains("Too many attempts", "Many forms were sent from this connection in a row. Try again in")
			.containsPattern("Try again in (a minute|([2-9]|10) minutes)\\.")
			.contains("What you typed is still in the form")
			.contains("href=\"/events/" + event.slug() + "/register\" data-history-back");
		String spanish = this.mvc.perform(post("/events/" + event.slug() + "/lookup").with(csrf()).with((request) -> {
			request.setRemoteAddr("10.0.0.9");
			return request;
		}).param("email", "office0@example.com").param("lang", "es"))
			.andExpect(status().is(429))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(spanish).contains("Demasiados intentos");
		assertThat(registrations(event)).isEqualTo(3);
		// The manage page's "email me the link to my new registration" is the lookup in
		// one step: the same limit.
		long cancelled = new TestRegistrations(this.jdbc).in(event)
			.email("gone@example.com")
			.status("CANCELLED")
			.cancelledAt(this.clock.instant().minus(Duration.ofDays(1)))
			.create()
			.id();
		this.mvc.perform(post("/r/" + this.tokens.issue(cancelled) + "/send-link").with(csrf()).with((request) -> {
			request.setRemoteAddr("10.0.0.9");
			return request;
		}).param("lang", "en"))
			.andExpect(status().is(429))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Too many attempts")))
			// No form to go back to.
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-history-back"))));

		this.mvc.perform(form(event.slug(), "10.0.0.10", "neighbour@example.com").param("formStamp", old))
			.andExpect(status().is3xxRedirection());
	}

	private FormStamps stamps(Duration offset) {
		return new FormStamps(this.secrets, Clock.offset(this.clock, offset), this.properties);
	}

	private int outboxRows(TestEvents.Created event) {
		return this.jdbc
			.sql("select count(*) from outbox_message m join registration r on r.id = m.registration_id"
					+ " where r.event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single();
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private int registrations(TestEvents.Created event) {
		return this.jdbc.sql("select count(*) from registration where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single();
	}

	private MockHttpServletRequestBuilder form(String slug, String ip, String email) {
		return post("/events/" + slug + "/register").with(csrf()).with((request) -> {
			request.setRemoteAddr(ip);
			return request;
		})
			.param("fullName", "Ana Pérez")
			.param("email", email)
			.param("company", "Discos Norte")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "JAL")
			.param("city", "Guadalajara")
			.param("associationInterest", "MAYBE")
			.param("privacyConsent", "true");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
