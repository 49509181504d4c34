package org.winformusic.events;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event in a country other than Mexico, Colombia and Brazil (the app's second country
 * found these): the association question and the phone hint name the country as a
 * sentence does ("in the United States", "del Reino Unido"), the editor says which
 * countries get a list of regions, and a region typed as text is one region for staff
 * whatever its case, accents and spaces.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CountriesWithoutRegionListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAssociationQuestionNamesTheCountryWithItsArticleInBothLanguages() throws Exception {
		String us = event("US");
		String uk = event("GB");
		String netherlands = event("NL");
		String colombia = event("CO");

		assertThat(form(us, "en")).contains(
				"Would you be interested in joining an independent music association in the United States?",
				"If you are outside the United States, enter it with its country code, for example +52 55 1234 5678.");
		assertThat(form(us, "es")).contains(
				"¿Te interesaría formar parte de una asociación de música independiente de Estados Unidos?",
				"Si estás fuera de Estados Unidos, escríbelo con su código de país, por ejemplo +52 55 1234 5678.");
		assertThat(form(uk, "en"))
			.contains("Would you be interested in joining an independent music association in the United Kingdom?");
		assertThat(form(uk, "es"))
			.contains("¿Te interesaría formar parte de una asociación de música independiente del Reino Unido?",
					"Si estás fuera del Reino Unido, escríbelo con su código de país")
			.doesNotContain("de Reino Unido", "de el ");
		assertThat(form(netherlands, "en"))
			.contains("Would you be interested in joining an independent music association in the Netherlands?");
		assertThat(form(netherlands, "es")).contains(
				"¿Te interesaría formar parte de una asociación de música independiente de los Países Bajos?",
				"Si estás fuera de los Países Bajos");

		// Mexico and Colombia ask as they did.
		assertThat(form("mexico-workshop", "es")).contains(
				"¿Te interesaría formar parte de una asociación mexicana de música independiente?",
				"Si estás fuera de México, escríbelo con su código de país, por ejemplo +57 300 123 4567.");
		assertThat(form(colombia, "es")).contains(
				"¿Te interesaría formar parte de una asociación de música independiente de Colombia?",
				"Si estás fuera de Colombia, escríbelo con su código de país, por ejemplo +52 55 1234 5678.");
		assertThat(form(colombia, "en"))
			.contains("Would you be interested in joining an independent music association in Colombia?");

		// The staff walk-in form asks the same about the person.
		assertThat(walkIn(uk, "en"))
			.contains("Would they be interested in joining an independent music association in the United Kingdom?");
		assertThat(walkIn(uk, "es"))
			.contains("¿Le interesaría formar parte de una asociación de música independiente del Reino Unido?");
	}

	@Test
	void theEditorSaysWhichCountriesHaveAListOfRegions() throws Exception {
		String editor = page(
				get("/admin/events/new").param("lang", "es").with(user("organizer@win.test").roles("ORGANIZER")));
		assertThat(editor)
			.contains("Para México, Colombia y Brasil, el formulario de registro muestra la lista de estados o"
					+ " departamentos; para cualquier otro país, cada persona escribe su región.")
			.doesNotContain("muestra los estados o departamentos de este país");
		assertThat(
				page(get("/admin/events/new").param("lang", "en").with(user("organizer@win.test").roles("ORGANIZER"))))
			.contains("for any other country, people type their region.");
	}

	@Test
	void aRegionTypedInOtherCaseOrAccentsIsOneRegionForStaffAndStaysAsTyped() throws Exception {
		String portugal = event("PT");
		register(portugal, "Ana Souza", "ana@example.pt", "Setúbal");
		register(portugal, "Bruno Lima", "bruno@example.pt", "setubal");
		register(portugal, "Carla Dias", "carla@example.pt", "SETÚBAL");
		register(portugal, "Davi Rocha", "davi@example.pt", "Lisboa");

		// Each registration keeps what its registrant typed.
		assertThat(this.jdbc
			.sql("select r.state from registration r join event e on e.id = r.event_id"
					+ " where e.slug = ? order by r.id")
			.param(portugal)
			.query(String.class)
			.list()).containsExactly("Setúbal", "setubal", "SETÚBAL", "Lisboa");

		// The dashboard shows one Setúbal with the three, in both languages; of three
		// spellings as common, the one a reader would write: neither all capitals nor all
		// lower case.
		for (String lang : List.of("es", "en")) {
			String dashboard = page(staff(get("/admin/events/" + portugal).param("lang", lang)));
			assertThat(dashboard).as(lang)
				.containsPattern(">Setúbal</th>\\s*<td class=\"num\">3</td>")
				.containsPattern(">Lisboa</th>\\s*<td class=\"num\">1</td>")
				.doesNotContain(">SETÚBAL</th>", ">setubal</th>");
		}
		// The most common spelling names the region, even in capitals.
		register(portugal, "Elisa Prado", "elisa@example.pt", "SETUBAL");
		register(portugal, "Fábio Reis", "fabio@example.pt", "SETUBAL");
		assertThat(page(staff(get("/admin/events/" + portugal).param("lang", "es"))))
			.containsPattern(">SETUBAL</th>\\s*<td class=\"num\">5</td>")
			.doesNotContain(">Setúbal</th>", ">SETÚBAL</th>", ">setubal</th>");

		// Staff filter the list, and export it, by any spelling and find them all.
		for (String typed : List.of("Setubal", "setúbal", "SETÚBAL", " setubal ")) {
			assertThat(page(staff(get("/admin/events/" + portugal + "/registrations").param("state", typed)))).as(typed)
				.contains("Ana Souza", "Bruno Lima", "Carla Dias", "Elisa Prado", "Fábio Reis")
				.doesNotContain("Davi Rocha");
			assertThat(page(staff(get("/admin/events/" + portugal + "/registrations.csv").param("state", typed))))
				.as("export by %s", typed)
				.contains("Ana Souza", "Bruno Lima", "Carla Dias", "Elisa Prado", "Fábio Reis")
				.doesNotContain("Davi Rocha");
		}
		assertThat(page(staff(get("/admin/events/" + portugal + "/registrations").param("state", "lisboa"))))
			.contains("Davi Rocha")
			.doesNotContain("Ana Souza");
	}

	@Test
	void ofTypedSpellingsAsCommonTheDashboardShowsTheOneWithItsAccentsInMixedCase() throws Exception {
		String portugal = event("PT");
		register(portugal, "Ana Souza", "ana@example.pt", "Evora");
		register(portugal, "Bruno Lima", "bruno@example.pt", "Évora");
		register(portugal, "Carla Dias", "carla@example.pt", "BRAGANÇA");
		register(portugal, "Davi Rocha", "davi@example.pt", "Braganca");
		register(portugal, "Elisa Prado", "elisa@example.pt", "santarém");
		register(portugal, "Fábio Reis", "fabio@example.pt", "SANTARÉM");

		// Accents before none, mixed case before all capitals or all lower case; between
		// spellings alike in both, the first in Unicode order.
		assertThat(page(staff(get("/admin/events/" + portugal).param("lang", "es"))))
			.containsPattern(">Évora</th>\\s*<td class=\"num\">2</td>")
			.containsPattern(">Braganca</th>\\s*<td class=\"num\">2</td>")
			.containsPattern(">SANTARÉM</th>\\s*<td class=\"num\">2</td>")
			.doesNotContain(">Evora</th>", ">BRAGANÇA</th>", ">santarém</th>");
	}

	private void register(String slug, String name, String email, String region) throws Exception {
		this.mvc
			.perform(post("/events/" + slug + "/register").with(csrf())
				.param("lang", "es")
				.param("fullName", name)
				.param("email", email)
				.param("company", "Editora Independente")
				.param("companyType", "INDEPENDENT_LABEL")
				.param("state", region)
				.param("city", "Lisboa")
				.param("phone", "+55 11 91234 5678")
				.param("associationInterest", "YES")
				.param("privacyConsent", "true"))
			.andExpect(status().is3xxRedirection());
	}

	private static MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request) {
		return request.with(user("ops@win.test").roles("OPS"));
	}

	private String event(String country) {
		return new TestEvents(this.jdbc).event().country(country).capacity(20).create().slug();
	}

	private String form(String slug, String lang) throws Exception {
		return page(get("/events/" + slug + "/register").param("lang", lang));
	}

	/** The walk-in form of the event, moved to its day (the door adds nobody before). */
	private String walkIn(String slug, String lang) throws Exception {
		this.jdbc
			.sql("update event set starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours'"
					+ " where slug = ?")
			.param(slug)
			.update();
		return page(get("/admin/events/" + slug + "/checkin/walk-in").param("lang", lang)
			.with(user("door@win.test").roles("DOOR")));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
