package org.winformusic.events.export;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A Spanish-speaking staff member downloads an export with {@code ?lang=en} (a link a
 * colleague shared): the file is in English, and the admin stays in Spanish, because a
 * download sets no language cookie. A page's {@code ?lang=} still does.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "OPS")
class ExportLanguageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void langOnADownloadPicksTheFilesLanguageAndSetsNoCookie() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("export-lang").withoutSeats().create().slug();
		new TestRegistrations(this.jdbc).in(slug).create();
		Cookie spanish = new Cookie("lang", "es");

		for (String file : new String[] { "people.csv", "registrations.csv", "people.xlsx", "registrations.xlsx" }) {
			MockHttpServletResponse download = this.mvc
				.perform(get("/admin/events/" + slug + "/" + file).param("lang", "en").cookie(spanish))
				.andReturn()
				.getResponse();
			assertThat(download.getStatus()).as(file).isEqualTo(200);
			assertThat(download.getCookie("lang")).as(file).isNull();
			assertThat(download.getHeaders("Set-Cookie")).as(file).noneMatch((c) -> c.startsWith("lang="));
		}
		String csv = this.mvc.perform(get("/admin/events/" + slug + "/people.csv").param("lang", "en").cookie(spanish))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("Registration ID,Status,Full name").doesNotContain("Situación");

		String list = this.mvc.perform(get("/admin/events/" + slug + "/registrations").cookie(spanish))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("Excel para consulta");
	}

	@Test
	void langOnAPageStillSticks() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("page-lang").withoutSeats().create().slug();
		MockHttpServletResponse page = this.mvc
			.perform(get("/admin/events/" + slug + "/registrations").param("lang", "en")
				.cookie(new Cookie("lang", "es")))
			.andReturn()
			.getResponse();
		assertThat(page.getCookie("lang")).isNotNull();
		assertThat(page.getCookie("lang").getValue()).isEqualTo("en");
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Readable Excel");
	}

}
