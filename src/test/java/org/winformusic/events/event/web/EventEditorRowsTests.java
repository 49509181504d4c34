package org.winformusic.events.event.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Speakers and partners are rows of the event editor: without JavaScript a row button
 * posts the form and gets it back with the row added, moved or removed, unsaved; a save
 * stores the rows in their order; copying an event copies them.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(username = "organizer@win.test", roles = "ORGANIZER")
class EventEditorRowsTests {

	private static final Pattern SPEAKER_NAME = Pattern
		.compile("name=\"speakers\\[(\\d+)]\\.name\" value=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	EventCatalog catalog;

	@Test
	void aRowButtonSendsTheFormBackWithTheNewRowUnsavedAndWithoutErrorMessages() throws Exception {
		// The title is missing: a save would fail, but a row button is not a save.
		String page = form(post("/admin/events/new"), "rows-add", "titleEs", "", "_row", "add:speakers");
		assertThat(speakerNames(page)).containsExactly("Ana Pérez", "Bruno Díaz", "");
		assertThat(page).contains("id=\"speakers-2-name\" name=\"speakers[2].name\" value=\"\" autofocus=\"autofocus\"")
			.contains("value=\"Roadmap in Colombia\"")
			.doesNotContain("error-summary")
			.doesNotContain("Completa este campo.");
		assertThat(this.catalog.findBySlug("rows-add", SupportedLocales.SPANISH)).isEmpty();

		page = form(post("/admin/events/new"), "rows-add", "_row", "add:partners");
		assertThat(page)
			.contains("id=\"partners-1-name\" name=\"partners[1].name\" value=\"\" autofocus=\"autofocus\"");
	}

	@Test
	void movingAndRemovingRowsKeepsEveryTypedValueWithItsRow() throws Exception {
		String page = form(post("/admin/events/new"), "rows-move", "speakers[2].name", "Carla Ruiz",
				"speakers[2].organization", "Sello Sur", "speakers[2].country", "AR", "_row", "up:speakers:2");
		assertThat(speakerNames(page)).containsExactly("Ana Pérez", "Carla Ruiz", "Bruno Díaz");
		// The moved row keeps the focus on the button pressed; Carla's organization moved
		// with her.
		assertThat(page).contains("id=\"speakers-1-up\"")
			.containsPattern("value=\"up:speakers:1\" id=\"speakers-1-up\"[^>]*autofocus")
			.contains("name=\"speakers[1].organization\" value=\"Sello Sur\"")
			.containsPattern("<option value=\"AR\" selected=\"selected\">Argentina</option>");

		page = form(post("/admin/events/new"), "rows-move", "_row", "down:speakers:0");
		assertThat(speakerNames(page)).containsExactly("Bruno Díaz", "Ana Pérez");
		// At the bottom there is no "down": the focus goes to "up".
		assertThat(page).containsPattern("id=\"speakers-1-up\"[^>]*autofocus");

		page = form(post("/admin/events/new"), "rows-move", "_row", "remove:speakers:0");
		assertThat(speakerNames(page)).containsExactly("Bruno Díaz");
		assertThat(page).contains("id=\"speakers-0-name\" name=\"speakers[0].name\" value=\"Bruno Díaz\" autofocus");

		page = form(post("/admin/events/new"), "rows-move", "_row", "remove:partners:0");
		assertThat(page).doesNotContain("partners[0].name").containsPattern("id=\"partners-add\"[^>]*autofocus");
		assertThat(this.catalog.findBySlug("rows-move", SupportedLocales.SPANISH)).isEmpty();
	}

	@Test
	void unknownOrMalformedRowButtonsChangeAndSaveNothing() throws Exception {
		for (String value : new String[] { "explode:speakers:1", "remove:speakers:99", "add:speakers:1",
				"remove:speakers", "up:nobody:0", "", "down:speakers:-1" }) {
			String page = form(post("/admin/events/new"), "rows-odd", "_row", value);
			assertThat(speakerNames(page)).as(value).containsExactly("Ana Pérez", "Bruno Díaz");
		}
		assertThat(this.catalog.findBySlug("rows-odd", SupportedLocales.SPANISH)).isEmpty();
	}

	@Test
	void aGapInTheRowsOrAnIndexFarBeyondThemIsAClearAnswerNeverA500() throws Exception {
		String page = form(post("/admin/events/new"), "rows-gap", "speakers[3].name", "Zoe Gap");
		// Rows 0, 1 and 3 were posted: Zoe is the third row, and her missing organization
		// is asked for by her field.
		assertThat(speakerNames(page)).containsExactly("Ana Pérez", "Bruno Díaz", "Zoe Gap");
		assertThat(page).contains("id=\"speakers-2-organization-error\">Completa este campo.</span>");
		assertThat(this.catalog.findBySlug("rows-gap", SupportedLocales.SPANISH)).isEmpty();

		this.mvc.perform(request(post("/admin/events/new"), "rows-far", "speakers[5000].name", "Zoe"))
			.andExpect(status().isBadRequest());
		assertThat(this.catalog.findBySlug("rows-far", SupportedLocales.SPANISH)).isEmpty();
	}

	@Test
	void anIndexThatIsNotANumberIsA400NeverA500() throws Exception {
		for (String field : new String[] { "speakers[x].name", "partners[].name",
				"questions[0].choices[-1].labelEs" }) {
			this.mvc.perform(request(post("/admin/events/new"), "rows-nan", field, "X"))
				.andExpect(status().isBadRequest());
			this.mvc.perform(request(post("/admin/events/rows-nan/edit"), "rows-nan", field, "X"))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.catalog.findBySlug("rows-nan", SupportedLocales.SPANISH)).isEmpty();
	}

	@Test
	void savedRowsComeBackInTheirOrderOnTheEditorAndThePublicPage() throws Exception {
		this.mvc.perform(request(post("/admin/events/new"), "rows-save"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/events/rows-save/edit"));
		// Reordered and one removed, as the buttons leave the rows.
		this.mvc
			.perform(request(post("/admin/events/rows-save/edit"), "rows-save", "speakers[0].name", "Bruno Díaz",
					"speakers[0].roleEs", "Productor", "speakers[0].roleEn", "Producer", "speakers[0].organization",
					"Discos Bruno", "speakers[0].country", "CL", "speakers[1].name", "Ana Pérez", "speakers[1].roleEs",
					"Directora", "speakers[1].roleEn", "Director", "speakers[1].organization", "Asociación",
					"speakers[1].country", "CO"))
			.andExpect(status().is3xxRedirection());

		String editor = this.mvc.perform(get("/admin/events/rows-save/edit").param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(speakerNames(editor)).containsExactly("Bruno Díaz", "Ana Pérez");
		assertThat(editor).contains("name=\"speakers[0].roleEn\" rows=\"2\">Producer</textarea>")
			.contains("<option value=\"CL\" selected=\"selected\">Chile</option>")
			.contains("name=\"partners[0].url\" value=\"https://example.org/fuentes\"");

		EventInfo event = this.catalog.findBySlug("rows-save", SupportedLocales.SPANISH).orElseThrow();
		assertThat(event.speakers())
			.extracting(EventInfo.SpeakerInfo::name, EventInfo.SpeakerInfo::role, EventInfo.SpeakerInfo::organization,
					EventInfo.SpeakerInfo::country)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Bruno Díaz", "Productor", "Discos Bruno", "Chile"),
					org.assertj.core.groups.Tuple.tuple("Ana Pérez", "Directora", "Asociación", "Colombia"));
		String publicPage = this.mvc.perform(get("/events/rows-save").param("lang", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(publicPage.indexOf("Bruno Díaz")).isPositive().isLessThan(publicPage.indexOf("Ana Pérez"));
	}

	@Test
	void theMexicoWorkshopLoadsIntoRowsUnchangedAndACopyStartsWithTheSameRows() throws Exception {
		EventInfo mexico = this.catalog.findBySlug("mexico-workshop", SupportedLocales.SPANISH).orElseThrow();
		assertThat(mexico.speakers()).hasSizeGreaterThan(1);
		assertThat(mexico.partners()).hasSizeGreaterThan(1);
		for (String path : List.of("/admin/events/mexico-workshop/edit", "/admin/events/new?from=mexico-workshop")) {
			String editor = this.mvc.perform(get(path).param("lang", "es"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(speakerNames(editor)).as(path)
				.containsExactlyElementsOf(mexico.speakers().stream().map(EventInfo.SpeakerInfo::name).toList());
			for (int i = 0; i < mexico.speakers().size(); i++) {
				EventInfo.SpeakerInfo speaker = mexico.speakers().get(i);
				assertThat(editor)
					.contains("name=\"speakers[" + i + "].roleEs\" rows=\"2\">" + speaker.role() + "</textarea>")
					.contains("name=\"speakers[" + i + "].organization\" value=\"" + speaker.organization() + "\"");
			}
			for (int i = 0; i < mexico.partners().size(); i++) {
				EventInfo.PartnerInfo partner = mexico.partners().get(i);
				assertThat(editor).contains("name=\"partners[" + i + "].name\" value=\"" + partner.name() + "\"");
				if (partner.url() != null) {
					assertThat(editor).contains("name=\"partners[" + i + "].url\" value=\"" + partner.url() + "\"");
				}
			}
		}
	}

	private static List<String> speakerNames(String page) {
		List<String> names = new ArrayList<>();
		Matcher matcher = SPEAKER_NAME.matcher(page);
		while (matcher.find()) {
			assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(names.size());
			names.add(matcher.group(2));
		}
		return names;
	}

	private String form(MockHttpServletRequestBuilder request, String slug, String... overrides) throws Exception {
		return this.mvc.perform(request(request, slug, overrides))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The Colombian event of {@link EventAdministrationTests} with a second speaker, as
	 * the editor posts it, in Spanish.
	 */
	private static MockHttpServletRequestBuilder request(MockHttpServletRequestBuilder request, String slug,
			String... overrides) {
		List<String> fields = new ArrayList<>(List.of("slug", slug, "lang", "es", "speakers[0].country", "CO",
				"speakers[1].name", "Bruno Díaz", "speakers[1].roleEs", "Productor", "speakers[1].roleEn", "Producer",
				"speakers[1].organization", "Discos Bruno", "speakers[1].country", "CL"));
		fields.addAll(List.of(overrides));
		return EventAdministrationTests.colombia(request, fields.toArray(String[]::new));
	}

}
