package org.winformusic.events.event.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad bytes in the event editor (new and edit, speaker and partner rows included): the
 * editor comes back with the message next to the field, every other typed value kept, and
 * nothing saved.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(username = "organizer@win.test", roles = "ORGANIZER")
class EventEditorBytesTests {

	static final String EDITED = "bytes-edit";

	static final Map<String, String> REFUSED = Map.of("es",
			"Esto tiene caracteres que no se pueden guardar (invisibles, por ejemplo de algo que copiaste y pegaste). Escríbelo de nuevo.",
			"en",
			"This contains characters that cannot be stored (invisible ones, for example from a copy and paste). Please type it again.");

	/**
	 * Values of the posted form that the page must show again when another field is
	 * wrong.
	 */
	static final Map<String, String> KEPT = Map.of("titleEn", "Roadmap in Colombia", "venueAddress", "Bogotá",
			"speakers[0].organization", "Asociación", "partners[0].name", "Discos Fuentes");

	static final List<String> TEXT_FIELDS = List.of("titleEs", "titleEn", "summaryEs", "summaryEn", "descriptionEs",
			"descriptionEn", "agendaEs", "agendaEn", "aboutEs", "aboutEn", "startsAt", "endsAt", "timeZone",
			"venueName", "venueAddress", "venueMapUrl", "speakers[0].name", "speakers[0].roleEs", "speakers[0].roleEn",
			"speakers[0].organization", "partners[0].name", "partners[0].url");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void anEventToEdit() throws Exception {
		if (snapshot(EDITED).isEmpty()) {
			this.mvc.perform(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", EDITED))
				.andExpect(status().is3xxRedirection());
		}
	}

	/**
	 * Each text field, new and edited, with NUL (in Spanish) and U+0085, a C1 control (in
	 * English).
	 */
	static Stream<Arguments> textFields() {
		Stream<String> fields = Stream.concat(Stream.of("new:slug"),
				TEXT_FIELDS.stream().flatMap((field) -> Stream.of("new:" + field, "edit:" + field)));
		return fields.flatMap((f) -> Stream.of(Arguments.of(f, "\u0000", "es"), Arguments.of(f, "\u0085", "en")));
	}

	@ParameterizedTest(name = "{0} ({2})")
	@MethodSource("textFields")
	void aControlCharacterIsShownNextToItsFieldWithTheOtherValuesKeptAndNothingSaved(String where, String bad,
			String language) throws Exception {
		boolean creating = where.startsWith("new:");
		String field = where.substring(where.indexOf(':') + 1);
		String slug = creating ? "bytes-new" : EDITED;
		List<Map<String, Object>> before = snapshot(slug);
		String path = creating ? "/admin/events/new" : "/admin/events/" + EDITED + "/edit";
		String page = this.mvc
			.perform(EventAdministrationTests.colombia(post(path), "slug", slug, "lang", language, field,
					"a" + bad + "b"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain(bad).contains("class=\"error-summary\"");
		Pattern nextTo = Pattern.compile("name=\"" + Pattern.quote(field) + "\"[^>]*>(?:[^<]*</textarea>)?\\s*"
				+ "<span class=\"field-error\"[^>]*>" + Pattern.quote(REFUSED.get(language)) + "</span>");
		assertThat(page).containsPattern(nextTo);
		KEPT.forEach((other, value) -> {
			if (!other.equals(field)) {
				assertThat(page).as(other).contains(value);
			}
		});
		assertThat(snapshot(slug)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invisibleCharacters")
	void invisibleFormatCharactersAreRefusedInSingleLineFields(String field) throws Exception {
		List<Map<String, Object>> before = snapshot(EDITED);
		String page = this.mvc
			.perform(EventAdministrationTests.colombia(post("/admin/events/" + EDITED + "/edit"), "slug", EDITED,
					"lang", "es", field, "Ana\u200DPérez"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).containsPattern(Pattern.compile("name=\"" + Pattern.quote(field) + "\"[^>]*>\\s*"
				+ "<span class=\"field-error\"[^>]*>" + Pattern.quote(REFUSED.get("es")) + "</span>"));
		assertThat(snapshot(EDITED)).isEqualTo(before);
	}

	static Stream<String> invisibleCharacters() {
		return Stream.of("titleEs", "venueName", "speakers[0].name", "partners[0].name");
	}

	private List<Map<String, Object>> snapshot(String slug) {
		return this.jdbc.sql("select e::text as event from event e where slug = ?").param(slug).query().listOfRows();
	}

}
