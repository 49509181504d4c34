package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a registrant changes through their manage link is in the registration's history
 * like a staff change: who (the registrant), what and when, in the reader's words.
 */
@AdminTest
class RegistrantChangesAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManageTokens tokens;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void aRegistrantsEditAndCancelThroughTheManageLinkAreInTheHistoryAsTheRegistrants() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		TestRegistrations.Registration ana = this.data.in(event)
			.person("Ana Propia")
			.phone("+525512345678")
			.createdAt(AdminTest.REGISTERED)
			.create();
		String manage = "/r/" + this.tokens.issue(ana.id());

		this.mvc
			.perform(post(manage + "/edit").with(csrf())
				.param("fullName", ana.name())
				.param("email", ana.email())
				.param("company", "Discos Ana Propia")
				.param("jobTitle", "Directora")
				.param("companyType", "INDEPENDENT_LABEL")
				.param("state", "CMX")
				.param("city", "Puebla")
				.param("phone", "+525512345678")
				.param("associationInterest", "YES"))
			.andExpect(redirectedUrl(manage + "?saved"));
		this.mvc.perform(post(manage + "/cancel").with(csrf())).andExpect(redirectedUrl(manage + "?cancelled"));

		assertThat(this.data.status(ana.id())).isEqualTo("CANCELLED");
		assertThat(this.jdbc
			.sql("select actor || ' ' || action || ' ' || details from audit_log where registration_id = ? order by id")
			.param(ana.id())
			.query(String.class)
			.list()).containsExactly("registrant EDITED_BY_REGISTRANT city: Ciudad de México -> Puebla",
					"registrant CANCELLED_BY_REGISTRANT status: CONFIRMED -> CANCELLED");

		String spanish = page("/admin/registrations/" + ana.id() + "?lang=es");
		assertThat(spanish)
			.contains("La persona registrada", "Datos editados por la persona registrada",
					"Ciudad: Ciudad de México → Puebla", "Cancelado por la persona registrada",
					"Situación: Confirmado → Cancelado")
			.doesNotContain("registrant", "CANCELLED_BY", "->");
		assertThat(page("/admin/registrations/" + ana.id() + "?lang=en")).contains("The registrant",
				"Details edited by the registrant", "City: Ciudad de México → Puebla", "Cancelled by the registrant",
				"Status: Confirmed → Cancelled");
		// The registrant's own copy of their data tells the story in their words too.
		assertThat(this.mvc.perform(get(manage + "/data?lang=es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Cambiaste tus datos", "Cancelaste tu registro");
	}

	@Test
	void cancellingAgainThroughTheManageLinkChangesNothingAndRecordsNothingMore() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Beto Doble").createdAt(AdminTest.REGISTERED).create().id();
		String manage = "/r/" + this.tokens.issue(id);

		this.mvc.perform(post(manage + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post(manage + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(this.data.auditRows(id, "CANCELLED_BY_REGISTRANT")).isOne();
	}

	private String page(String path) throws Exception {
		String html = this.mvc.perform(get(path).with(user("admin@win.test").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// What a reader sees: the page without its tags.
		return html.replaceAll("(?s)<head>.*?</head>", "")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&gt;", ">")
			.replace("&lt;", "<")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ");
	}

}
