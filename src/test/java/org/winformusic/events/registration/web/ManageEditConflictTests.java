package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registrant's edit form carries the version it was loaded at: when the organizers
 * (or another window) changed the details meanwhile, saving shows the current details
 * with a message instead of overwriting them.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ManageEditConflictTests {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	ManageTokens tokens;

	@Autowired
	StaffRegistrations staff;

	@Test
	void aRegistrantSavingOverTheOrganizersChangeIsToldAndTheOrganizersChangeStays() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(3).create();
		TestRegistrations.Registration ana = new TestRegistrations(this.jdbc).in(event).person("Ana Vieja").create();
		String manage = "/r/" + this.tokens.issue(ana.id());
		String form = page(get(manage + "/edit"));
		this.staff.update(ana.id(), new RegistrationForm("Ana Nueva", ana.email(), "Discos Norte", null,
				"INDEPENDENT_LABEL", "CMX", "Ciudad de México", null, "YES", null, null, true, false, null));

		String refused = page(save(manage, version(form), "Ana Tecleada"));

		assertThat(refused).contains(message("registration.edit.stale", Locale.forLanguageTag("es")))
			.contains("value=\"Ana Nueva\"")
			.doesNotContain("value=\"Ana Tecleada\"");
		assertThat(fullName(ana.id())).isEqualTo("Ana Nueva");
		this.mvc.perform(save(manage, version(refused), "Ana Tecleada")).andExpect(status().is3xxRedirection());
		assertThat(fullName(ana.id())).isEqualTo("Ana Tecleada");
	}

	private MockHttpServletRequestBuilder save(String manage, String version, String fullName) {
		return post(manage + "/edit").with(csrf())
			.param("version", version)
			.param("fullName", fullName)
			.param("email", TestRegistrations.uniqueEmail("manage-conflict"))
			.param("company", "Discos Norte")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "CMX")
			.param("city", "Ciudad de México")
			.param("associationInterest", "YES");
	}

	private static String version(String html) {
		Matcher matcher = VERSION.matcher(html);
		assertThat(matcher.find()).as("the edit form's version input").isTrue();
		return matcher.group(1);
	}

	private String fullName(long id) {
		return this.jdbc.sql("select full_name from registration where id = ?").param(id).query(String.class).single();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
