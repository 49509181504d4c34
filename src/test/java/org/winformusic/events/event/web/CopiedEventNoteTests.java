package org.winformusic.events.event.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event copied from another (the workshop taken to the next country) keeps that
 * event's agenda, its text about WIN and the regional network and its partners until they
 * are edited. The copy's form, and its edit page right after the save, say which of those
 * parts are still the other event's and which event that is, so the organizer reviews
 * them before the new country's page goes out.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CopiedEventNoteTests {

	private static final String MEXICO_ES = "“Hoja de ruta para crear una asociación de música independiente en México”";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	@WithMockUser(username = "organizer@win.test", roles = "ORGANIZER")
	void theCopysFormNamesThePartsStillOfTheEventItCameFromInBothLanguages() throws Exception {
		String spanish = page("/admin/events/new?from=mexico-workshop&lang=es");
		assertThat(note(spanish)).isEqualTo("Este evento se copió de " + MEXICO_ES
				+ ". Estas partes siguen tal como estaban allá: revísalas y ajústalas a este evento antes de publicarlo."
				+ " Programa Sobre WIN y la red regional Aliados");
		assertThat(spanish).contains("<input type=\"hidden\" name=\"copiedFrom\" value=\"mexico-workshop\">",
				"href=\"#agendaEs\"", "href=\"#aboutEs\"", "href=\"#partners\"");
		assertThat(note(page("/admin/events/new?from=mexico-workshop&lang=en"))).isEqualTo(
				"This event was copied from “Roadmap to Starting an Independent Music Trade Association in Mexico”."
						+ " These parts are still as they were there: review them and adapt them to this event before"
						+ " you publish it. Agenda About WIN and the regional network Partners");
		assertThat(page("/admin/events/new?lang=es")).doesNotContain("copied-parts", "copiedFrom");
	}

	@Test
	void theCopysEditPageRightAfterTheSaveNamesThePartsNotEditedYet() throws Exception {
		// A signed-in organizer's session, where the editor's notices wait for the next
		// page.
		Cookie session = TestStaff.session(this.mvc,
				TestStaff.create(this.jdbc, TestRegistrations.uniqueEmail("copier"), "Copier", StaffRole.ORGANIZER));
		String slug = "copia-colombia-" + System.nanoTime();
		// The agenda and the partners as copied; the text about WIN already rewritten.
		List<String> fields = new ArrayList<>(
				this.jdbc.sql("select agenda_es, agenda_en from event where slug = 'mexico-workshop'")
					.query((rs, n) -> List.of("slug", slug, "agendaEs", rs.getString(1), "agendaEn", rs.getString(2),
							"aboutEs", "Sobre WIN en Colombia", "aboutEn", "About WIN in Colombia"))
					.single());
		List<String> partners = this.jdbc
			.sql("select p.name from partner p join event e on e.id = p.event_id where e.slug = 'mexico-workshop'"
					+ " order by p.position")
			.query(String.class)
			.list();
		assertThat(partners).isNotEmpty();
		for (int i = 0; i < partners.size(); i++) {
			fields.addAll(List.of("partners[" + i + "].name", partners.get(i), "partners[" + i + "].url", ""));
		}
		MvcResult saved = this.mvc
			.perform(
					EventAdministrationTests
						.colombia(post("/admin/events/new").param("copiedFrom", "mexico-workshop"),
								fields.toArray(String[]::new))
						.cookie(session))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String edit = "/admin/events/" + slug + "/edit";
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(edit);

		// The redirect followed in the same session, which holds the notice.
		String afterTheSave = this.mvc.perform(get(edit).param("lang", "es").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(note(afterTheSave)).startsWith("Este evento se copió de " + MEXICO_ES).endsWith(" Programa Aliados");
		// Later visits of the editor: the copy is an event of its own.
		assertThat(page(get(edit).param("lang", "es").cookie(session))).doesNotContain("copied-parts",
				"Este evento se copió de");
	}

	private String page(String path) throws Exception {
		return page(get(path));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The note about the copied parts, as text. */
	private static String note(String html) {
		int start = html.indexOf("id=\"copied-parts\"");
		assertThat(start).as("the note about the copied parts").isPositive();
		String note = html.substring(start, html.indexOf("</div>", start));
		return note.substring(note.indexOf('>') + 1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

}
