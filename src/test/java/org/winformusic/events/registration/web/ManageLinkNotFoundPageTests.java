package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.TestForms;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manage link that housekeeping removed, or one that never existed, answers 404 with
 * "this link is no longer valid" and the way to get a current one, and the two answers
 * cannot be told apart.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ManageLinkNotFoundPageTests {

	/** Well-formed (43 URL-safe Base64 characters) and never issued. */
	private static final String NEVER_ISSUED = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Test
	void aLinkRemovedByHousekeepingSaysItIsNoLongerValidAndOffersTheEventsLookupForm() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		RegistrationResult result = this.registrations.register(event.slug(), TestForms.valid("old-link@example.com"),
				Locale.forLanguageTag("es"));
		fetch(get("/r/" + result.manageToken()), 200);
		// What housekeeping does to links beyond a registration's newest few.
		this.jdbc.sql("delete from registration_token where registration_id = ?")
			.param(result.registrationId())
			.update();

		String spanish = fetch(get("/r/" + result.manageToken()), 404);
		assertThat(spanish).contains("Este enlace ya no es válido", "href=\"/events/" + event.slug() + "/lookup\"");
		String english = fetch(get("/r/" + result.manageToken() + "/edit").param("lang", "en"), 404);
		assertThat(english).contains("This link is no longer valid", "/events/" + event.slug() + "/lookup")
			.doesNotContain("Taller de prueba");
		String cancel = fetch(post("/r/" + result.manageToken() + "/cancel").with(csrf()), 404);
		assertThat(cancel).contains("Este enlace ya no es válido");
	}

	@Test
	void aTokenThatNeverExistedGetsTheSamePageAsARemovedOne() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		RegistrationResult result = this.registrations.register(event.slug(), TestForms.valid("gone-link@example.com"),
				Locale.forLanguageTag("es"));
		this.jdbc.sql("delete from registration_token where registration_id = ?")
			.param(result.registrationId())
			.update();

		String removed = fetch(get("/r/" + result.manageToken()), 404);
		String unknown = fetch(get("/r/" + NEVER_ISSUED), 404);

		assertThat(unknown).contains("Este enlace ya no es válido", "/events/" + event.slug() + "/lookup");
		// The data-rights pages behind the same link (an old email's "stop news" footer).
		for (String page : new String[] { "/news/stop", "/data", "/data.json", "/erase" }) {
			assertThat(fetch(get("/r/" + result.manageToken() + page), 404)).as(page)
				.contains("Este enlace ya no es válido");
		}
		assertThat(fetch(post("/r/" + NEVER_ISSUED + "/news/stop").with(csrf()), 404))
			.contains("Este enlace ya no es válido");
		// Apart from the address itself (in the language links), nothing differs.
		assertThat(unknown.replace(NEVER_ISSUED, "TOKEN")).isEqualTo(removed.replace(result.manageToken(), "TOKEN"));
	}

	private String fetch(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
