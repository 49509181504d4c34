package org.winformusic.events.event.web;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.event.web.EventAdministrationTests.colombia;

/**
 * An event's time zone follows its country in the editor: a new event in Spain that kept
 * the prefilled Mexico City zone is refused, naming both, until the zone is Spain's or
 * the organizer confirms the event really is in that zone (an online event).
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(username = "zones@win.test", roles = "ORGANIZER")
class EventZoneTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewEventInSpainThatKeptMexicoCitysZoneIsRefusedNamingBothUntilTheZoneIsSpains() throws Exception {
		String page = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "madrid-zone", "country", "ES", "timeZone",
					"America/Mexico_City", "venueAddress", "Madrid", "lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"timeZone-error\">America/Mexico_City (hora de la Ciudad de México) no es una"
				+ " zona horaria de España. La zona horaria principal de España es Europe/Madrid (hora de Madrid): escríbela, o marca"
				+ " la casilla de abajo si el evento de verdad es en America/Mexico_City (por ejemplo, si es en línea).")
			.contains("name=\"zoneConfirmed\" value=\"ES America/Mexico_City\"")
			.contains("El evento de verdad es en America/Mexico_City, una zona horaria fuera de España")
			.contains("value=\"Madrid\"");
		assertThat(zone("madrid-zone")).isNull();

		String english = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "madrid-zone", "country", "ES", "timeZone",
					"America/Mexico_City", "lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("America/Mexico_City (Mexico City time) is not a time zone of Spain. The main"
				+ " time zone of Spain is Europe/Madrid (Madrid time): enter it, or tick the box below");
		String colombian = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "bogota-zone", "timeZone", "America/Lima", "lang",
					"es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(colombian)
			.contains("no es una zona horaria de Colombia. La zona horaria de Colombia es America/Bogota");

		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "madrid-zone", "country", "ES", "timeZone",
					"Europe/Madrid", "venueAddress", "Madrid"))
			.andExpect(redirectedUrl("/admin/events/madrid-zone/edit"));
		assertThat(zone("madrid-zone")).isEqualTo("Europe/Madrid");
		assertThat(this.mvc.perform(get("/events/madrid-zone").param("lang", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("10:00–14:00</span><span> (hora de Madrid)");
		// Another zone of the country needs no confirmation.
		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "canarias-zone", "country", "ES", "timeZone",
					"Atlantic/Canary"))
			.andExpect(redirectedUrl("/admin/events/canarias-zone/edit"));
	}

	@Test
	void zonesAreNamedAfterTheirCityInTheReadersLanguage() throws Exception {
		String panama = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "panama-zone", "country", "PA", "timeZone",
					"America/New_York", "venueAddress", "Panamá", "lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(panama).contains("America/New_York (hora de Nueva York) no es una zona horaria de Panamá.")
			.contains("America/Panama (hora de Panamá)");
		String paraguay = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "asuncion-zone", "country", "PY", "timeZone",
					"America/Sao_Paulo", "venueAddress", "Asunción", "lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(paraguay).contains("America/Sao_Paulo (São Paulo time) is not a time zone of Paraguay.")
			.contains("America/Asuncion (Asunción time)");

		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "los-angeles-zone", "country", "US", "timeZone",
					"America/Los_Angeles", "venueAddress", "Los Angeles"))
			.andExpect(redirectedUrl("/admin/events/los-angeles-zone/edit"));
		assertThat(publicPage("/events/los-angeles-zone", "es")).contains("<span> (hora de Los Ángeles)</span>");
		assertThat(publicPage("/events/los-angeles-zone", "en")).contains("<span> (Los Angeles time)</span>");
		// Mexico's other zones keep their accents.
		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "cancun-zone", "country", "MX", "timeZone",
					"America/Cancun", "venueAddress", "Cancún, Quintana Roo"))
			.andExpect(redirectedUrl("/admin/events/cancun-zone/edit"));
		assertThat(publicPage("/events/cancun-zone", "es")).contains("<span> (hora de Cancún)</span>");
	}

	@Test
	void theMessagesNameTheCountryAsASentenceDoesWithItsArticle() throws Exception {
		// English: "the" before the United States, the United Kingdom, the Philippines;
		// Mexican Spanish: "del Reino Unido", but "de Estados Unidos", "de Filipinas".
		String[][] countries = {
				{ "US", "the United States", "de Estados Unidos", "The main time zone of",
						"La zona horaria principal" },
				{ "GB", "the United Kingdom", "del Reino Unido", "The time zone of", "La zona horaria" },
				{ "MX", "Mexico", "de México", "The main time zone of", "La zona horaria principal" },
				{ "CO", "Colombia", "de Colombia", "The time zone of", "La zona horaria" },
				{ "PH", "the Philippines", "de Filipinas", "The time zone of", "La zona horaria" } };
		for (String[] country : countries) {
			String english = zoneRefused(country[0], "en");
			assertThat(english).as(country[0])
				.contains("is not a time zone of " + country[1] + ". " + country[3] + " " + country[1] + " is ")
				.contains("The event really is in Asia/Tokyo, a time zone outside " + country[1] + " (an online event");
			String spanish = zoneRefused(country[0], "es");
			assertThat(spanish).as(country[0])
				.contains("no es una zona horaria " + country[2] + ". " + country[4] + " " + country[2] + " es ")
				.contains(
						"El evento de verdad es en Asia/Tokyo, una zona horaria fuera " + country[2] + " (por ejemplo");
		}
	}

	private String zoneRefused(String country, String lang) throws Exception {
		return this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "article-zone", "country", country, "timeZone",
					"Asia/Tokyo", "lang", lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String publicPage(String path, String lang) throws Exception {
		return this.mvc.perform(get(path).param("lang", lang)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void anOnlineEventInAZoneOutsideItsCountrySavesOnceConfirmedAndAnotherZoneOrCountryAsksAgain() throws Exception {
		String refused = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "online-zone", "country", "ES", "timeZone", "UTC",
					"lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("UTC (").contains("no es una zona horaria de España");
		assertThat(zone("online-zone")).isNull();

		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "online-zone", "country", "ES", "timeZone", "UTC",
					"zoneConfirmed", "ES UTC"))
			.andExpect(redirectedUrl("/admin/events/online-zone/edit"));
		assertThat(zone("online-zone")).isEqualTo("UTC");

		// The editor shows the confirmation given, and saving again needs nothing more.
		String editor = this.mvc.perform(get("/admin/events/online-zone/edit").param("lang", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(editor).contains("name=\"zoneConfirmed\" value=\"ES UTC\" checked=\"checked\"");
		this.mvc
			.perform(colombia(post("/admin/events/online-zone/edit"), "country", "ES", "timeZone", "UTC",
					"zoneConfirmed", "ES UTC", "titleEs", "Taller en línea"))
			.andExpect(redirectedUrl("/admin/events/online-zone/edit"));

		// What was confirmed is this zone in this country: not another zone, not another
		// country.
		for (String[] change : new String[][] { { "ES", "Asia/Tokyo" }, { "PT", "UTC" } }) {
			String page = this.mvc
				.perform(colombia(post("/admin/events/online-zone/edit"), "country", change[0], "timeZone", change[1],
						"zoneConfirmed", "ES UTC", "lang", "es"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(change[1]).contains("id=\"timeZone-error\"");
		}
		assertThat(zone("online-zone")).isEqualTo("UTC");
	}

	@Test
	void anOldNameOfOneOfTheCountrysZonesIsThatZone() throws Exception {
		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "baires-zone", "country", "AR", "timeZone",
					"America/Buenos_Aires"))
			.andExpect(redirectedUrl("/admin/events/baires-zone/edit"));
		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "nyc-zone", "country", "US", "timeZone", "US/Eastern"))
			.andExpect(redirectedUrl("/admin/events/nyc-zone/edit"));
	}

	@Test
	void theEditorCarriesEachCountrysZonesForItsScript() throws Exception {
		String editor = this.mvc.perform(get("/admin/events/new").param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(editor)
			.contains("&quot;ES&quot;:[&quot;Europe/Madrid&quot;,&quot;Africa/Ceuta&quot;,"
					+ "&quot;Atlantic/Canary&quot;]")
			.contains("&quot;MX&quot;:[&quot;America/Mexico_City&quot;,")
			.contains("data-zone-switched=\"La zona horaria cambió a {0}, la del país que elegiste.\"")
			.containsPattern("<script src=\"/js/event-zone[-0-9a-f]*\\.js\" defer></script>")
			.contains("id=\"timeZone\" name=\"timeZone\" value=\"America/Mexico_City\"")
			.doesNotContain("name=\"zoneConfirmed\"");
	}

	private String zone(String slug) {
		return this.jdbc.sql("select time_zone from event where slug = ?")
			.param(slug)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
