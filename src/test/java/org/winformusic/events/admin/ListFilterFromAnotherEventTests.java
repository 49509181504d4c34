package org.winformusic.events.admin;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organizer who runs the workshop in several countries opens one event's registrations
 * list with a filter of another's (a link copied from the Brazilian list onto the
 * Colombian one, a bookmark): the page says which filter this event does not have, by the
 * name the list gives it, and leads to the event's whole list.
 */
@AdminTest
class ListFilterFromAnotherEventTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegionOfAnotherCountryIsNamedAsTheListNamesItWithTheWayBackToTheWholeList() throws Exception {
		String colombian = new TestEvents(this.jdbc).event()
			.slugPrefix("filter-co")
			.country("CO")
			.withoutSeats()
			.create()
			.slug();

		String spanish = list(colombian, "state=SP&lang=es");
		assertThat(spanish)
			.contains("Este enlace a la lista trae un filtro que este evento no tiene",
					"En este evento, el filtro “Departamento” no tiene la opción “SP”.",
					"href=\"/admin/events/" + colombian + "/registrations\"")
			.doesNotContain("No pudimos entender la solicitud");
		assertThat(list(colombian, "status=ATTENDED&lang=en")).contains(
				"In this event, the filter “Status” has no option “ATTENDED”.",
				"href=\"/admin/events/" + colombian + "/registrations\"");
	}

	@Test
	void anAnswerOfAnotherEventsQuestionIsRefusedNotShownAsNobodyChoseIt() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created colombian = events.event().slugPrefix("choice-co").country("CO").create();
		TestEvents.Created brazilian = events.event().slugPrefix("choice-br").country("BR").create();
		long colombianQuestion = events.question(colombian.id(), "ONE_CHOICE",
				"¿Tu empresa es socia de alguna asociación?", "Is your company a member of an association?", true, "Sí",
				"Yes", "No", "No");
		long brazilianQuestion = events.question(brazilian.id(), "ONE_CHOICE",
				"¿En qué idioma prefieres los materiales?", "Which language do you prefer for the materials?", true,
				"Portugués", "Portuguese", "Español", "Spanish");
		long colombianYes = events.choiceIds(colombianQuestion).get(0);
		List<Long> brazilianChoices = events.choiceIds(brazilianQuestion);
		long camila = new TestRegistrations(this.jdbc).in(colombian)
			.person("Camila Rodríguez")
			.state("DC")
			.status("CONFIRMED")
			.create()
			.id();
		this.jdbc
			.sql("insert into registration_answer_choice (registration_id, question_id, choice_id) values (?, ?, ?)")
			.params(camila, colombianQuestion, colombianYes)
			.update();

		assertThat(page("/admin/events/" + colombian.slug() + "/registrations?choice=" + colombianYes, 200))
			.contains("Camila Rodríguez");
		assertThat(page("/admin/events/" + brazilian.slug() + "/registrations?lang=es&choice=" + colombianYes, 400))
			.contains("En este evento, el filtro “Respuesta a una pregunta del formulario” no tiene la opción “"
					+ colombianYes + "”.", "href=\"/admin/events/" + brazilian.slug() + "/registrations\"");
		for (String file : List.of("registrations.csv", "people.xlsx", "badges.pdf", "door-list.pdf")) {
			assertThat(page("/admin/events/" + brazilian.slug() + "/" + file + "?lang=es&choice=" + colombianYes, 400))
				.as(file)
				.contains("El filtro “choice” no acepta el valor “" + colombianYes + "”.",
						"Valores permitidos: " + brazilianChoices.get(0) + ", " + brazilianChoices.get(1) + ".");
		}
	}

	private String page(String path, int status) throws Exception {
		return this.mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(user("ops@win.test").roles("OPS")))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String list(String slug, String query) throws Exception {
		return this.mvc
			.perform(get("/admin/events/" + slug + "/registrations?" + query).accept(MediaType.TEXT_HTML)
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
