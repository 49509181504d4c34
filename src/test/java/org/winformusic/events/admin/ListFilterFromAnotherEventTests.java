package org.winformusic.events.admin;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;

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
