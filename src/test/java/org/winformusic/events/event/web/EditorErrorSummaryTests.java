package org.winformusic.events.event.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The editor's list of problems above the form names each problem's field and follows the
 * form from top to bottom, the same on every try, when creating, copying and editing.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ORGANIZER")
class EditorErrorSummaryTests {

	private static final Pattern ENTRY = Pattern.compile("<li><a\\s+href=\"#([^\"]+)\">([^<]*)</a></li>");

	@Autowired
	MockMvc mvc;

	@Test
	void aBlankNewEventListsEachEmptyFieldByNameInTheFormsOrderInSpanish() throws Exception {
		// One problem per field (an empty slug is not also "not in lower case"), and two
		// addresses told apart.
		List<String> expected = List.of("#slug Dirección de la página (slug): completa este campo.",
				"#titleEs Título (español): completa este campo.", "#titleEn Título (inglés): completa este campo.",
				"#summaryEs Resumen (español): completa este campo.",
				"#summaryEn Resumen (inglés): completa este campo.",
				"#descriptionEs Qué aprenderán (español): completa este campo.",
				"#descriptionEn Qué aprenderán (inglés): completa este campo.",
				"#startsAt Inicio: completa este campo.", "#endsAt Fin: completa este campo.",
				"#venueName Sede: completa este campo.", "#venueAddress Dirección de la sede: completa este campo.",
				"#speakers-0-name Ponente 1 · Nombre: completa este campo.",
				"#speakers-0-organization Ponente 1 · Organización: completa este campo.",
				"#speakers-0-country Ponente 1 · País: elige un país de la lista.");
		for (int i = 0; i < 3; i++) {
			assertThat(summary(blank(post("/admin/events/new")).param("lang", "es")))
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void inEnglishTooAndWhenEditingOrCopyingAnEvent() throws Exception {
		this.mvc.perform(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", "summary-order"))
			.andExpect(status().is3xxRedirection());
		List<String> edited = summary(
				EventAdministrationTests.colombia(post("/admin/events/summary-order/edit"), "venueAddress", "",
						"descriptionEs", "", "startsAt", "", "partners[0].name", "", "titleEn", "", "lang", "en"));
		assertThat(edited).containsExactly("#titleEn Title (English): please fill in this field.",
				"#descriptionEs What attendees will learn (Spanish): please fill in this field.",
				"#startsAt Starts: please fill in this field.",
				"#venueAddress Venue address: please fill in this field.",
				"#partners-0-name Partner 1 · Name: please fill in this field.");

		List<String> copied = summary(EventAdministrationTests.colombia(post("/admin/events/new"), "slug",
				"summary-copy", "venueAddress", "", "timeZone", "America/Nowhere", "lang", "es"));
		assertThat(copied).containsExactly(
				"#timeZone Zona horaria: no es una zona horaria conocida. Usa un nombre como America/Mexico_City.",
				"#venueAddress Dirección de la sede: completa este campo.");
		// An optional field is named without its "(opcional)".
		assertThat(summary(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", "summary-map",
				"venueMapUrl", "javascript:alert(1)", "lang", "es")))
			.singleElement()
			.asString()
			.startsWith("#venueMapUrl Enlace al mapa: ")
			.doesNotContain("opcional");
	}

	@Test
	void anUnreadableNumberIsListedWithTheOtherProblemsOfTheSameSave() throws Exception {
		this.mvc.perform(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", "summary-number"))
			.andExpect(status().is3xxRedirection());
		for (String typed : new String[] { "abc", "1e2" }) {
			assertThat(summary(
					EventAdministrationTests.colombia(post("/admin/events/summary-number/edit"), "retentionDays", typed,
							"titleEs", "", "venueName", "", "speakers[0].organization", "", "lang", "es")))
				.as(typed)
				.containsExactly("#titleEs Título (español): completa este campo.",
						"#venueName Sede: completa este campo.",
						"#retentionDays Conservar los registros (días después del evento): escribe un número entero de días entre 1 y 3650, o déjalo vacío.",
						"#speakers-0-organization Ponente 1 · Organización: completa este campo.");
		}
		// A new event, in English, with a problem only the editor's own checks find.
		assertThat(summary(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", "summary-number-new",
				"retentionDays", "abc", "titleEn", "", "endsAt", "2028-05-10T09:00", "lang", "en")))
			.extracting((entry) -> entry.substring(0, entry.indexOf(' ')))
			.containsExactly("#titleEn", "#endsAt", "#retentionDays");
	}

	private static MockHttpServletRequestBuilder blank(MockHttpServletRequestBuilder request) {
		for (String field : new String[] { "slug", "titleEs", "titleEn", "summaryEs", "summaryEn", "descriptionEs",
				"descriptionEn", "agendaEs", "agendaEn", "aboutEs", "aboutEn", "startsAt", "endsAt", "venueName",
				"venueAddress", "venueMapUrl", "speakers[0].name" }) {
			request.param(field, "");
		}
		return request.param("capacity", "10")
			.param("timeZone", "America/Mexico_City")
			.param("country", "MX")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
	}

	/** The list of problems above the form: each entry's link target and text. */
	private List<String> summary(MockHttpServletRequestBuilder request) throws Exception {
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int start = html.indexOf("class=\"error-summary\"");
		assertThat(start).as("error summary").isNotNegative();
		String list = html.substring(start, html.indexOf("</ul>", start));
		Matcher m = ENTRY.matcher(list);
		List<String> entries = new java.util.ArrayList<>();
		while (m.find()) {
			entries.add("#" + m.group(1) + " " + HtmlUtils.htmlUnescape(m.group(2)));
		}
		return entries;
	}

}
