package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.registration.RegistrationProperties;

import org.winformusic.events.registration.AppSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The minimum fill time and the per-IP rate limit, switched on (the rest of the suite
 * turns them off).
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "app.registration-min-fill-seconds=3", "app.rate-limit-per-ip=3" })
class AbusePageTests {

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

	@Test
	void formPostedTooSoonOrWithoutAValidStampGetsANeutralAnswerAndNothingIsStored() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String fresh = stamps(Duration.ZERO).stamp();
		String forged = (this.clock.instant().getEpochSecond() - 60) + "." + fresh.substring(fresh.indexOf('.') + 1);
		String[] stamps = { null, fresh, forged, "garbage", "1.2" };
		for (int i = 0; i < stamps.length; i++) {
			String stamp = stamps[i];
			MockHttpServletRequestBuilder request = form(event.slug(), "10.0.1." + i, "fast@example.com");
			if (stamp != null) {
				request.param("formStamp", stamp);
			}
			String html = page(request.param("lang", "en"));
			assertThat(html).contains("Thank you. Please check your email");
		}
		assertThat(registrations(event)).isZero();

		String old = stamps(Duration.ofSeconds(-10)).stamp();
		this.mvc.perform(form(event.slug(), "10.0.0.2", "patient@example.com").param("formStamp", old))
			.andExpect(status().is3xxRedirection());
		assertThat(registrations(event)).isOne();
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
		assertThat(english).contains("Too many attempts", "Please wait a few minutes");
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

		this.mvc.perform(form(event.slug(), "10.0.0.10", "neighbour@example.com").param("formStamp", old))
			.andExpect(status().is3xxRedirection());
	}

	private FormStamps stamps(Duration offset) {
		return new FormStamps(this.secrets, Clock.offset(this.clock, offset), this.properties);
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
