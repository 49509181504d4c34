package org.winformusic.events.print;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.winformusic.events.PageText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Badges and the door list carry names, companies and door codes out of the building, as
 * an export does: each printout leaves an audit entry that staff read on /admin/audit,
 * who printed which printout of which event for how many people, with which filter, never
 * the text searched.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PrintAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachPrintoutIsAuditedWithWhoWhichPrintoutHowManyPeopleAndTheFilterInBothLanguages() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		TestRegistrations data = new TestRegistrations(this.jdbc);
		TestEvents.Created event = events.event().title("Gafetes y puerta", "Badges and door").withoutSeats().create();
		data.in(event.slug()).fullName("Zoé Impresa").company("Sello Papel").create();
		data.in(event.slug()).fullName("Beto Confirmado").company("Discos Beto").create();
		data.in(event.slug()).fullName("Wendy Espera").status("WAITLISTED").create();
		String base = "/admin/events/" + event.slug();

		print(base + "/badges.pdf", staff("ops-printer@win.test", "OPS"));
		print(base + "/badges.pdf?layout=single&q=zoe", staff("ops-printer@win.test", "OPS"));
		print(base + "/door-list.pdf", staff("admin-printer@win.test", "ADMIN"));
		print(base + "/door-list.pdf?q=zoe&status=CONFIRMED", staff("admin-printer@win.test", "ADMIN"));

		List<String> stored = this.jdbc
			.sql("select actor || ' ' || action || ' ' || details from audit_log where event_id = ? order by id")
			.param(event.id())
			.query(String.class)
			.list();
		assertThat(stored).containsExactly("ops-printer@win.test PRINTED printout=BADGES_SHEET, people=2",
				"ops-printer@win.test PRINTED printout=BADGES_SINGLE, people=1, search=yes",
				"admin-printer@win.test PRINTED printout=DOOR_LIST, people=3",
				"admin-printer@win.test PRINTED printout=DOOR_LIST, people=1, search=yes, status=CONFIRMED");

		String html = page("/admin/audit?lang=es&event=" + event.id());
		String audit = text(html);
		assertThat(audit).contains("ops-printer@win.test Impresión descargada (PDF)")
			.contains("Gafetes (hojas A4 de 8), 2 personas")
			.contains("Gafetes (uno por página), 1 persona, con una búsqueda")
			.contains("admin-printer@win.test Impresión descargada (PDF)")
			.contains("Lista de acceso, 3 personas")
			.contains("Lista de acceso, 1 persona, con una búsqueda, Situación: Confirmado")
			.doesNotContain("PRINTED")
			.doesNotContain("printout=")
			.doesNotContain("zoe")
			.doesNotContain("Zoé");
		// "Qué" offers printing by its name.
		assertThat(html).contains("<option value=\"PRINTED\">Impresión descargada (PDF)</option>");
		assertThat(text(page("/admin/audit?lang=es&action=PRINTED&actor=ops-printer"))).contains("Gafetes")
			.doesNotContain("Lista de acceso");

		String english = text(page("/admin/audit?lang=en&event=" + event.id()));
		assertThat(english).contains("Printout downloaded (PDF)")
			.contains("Badges (A4 sheets of 8), 2 people")
			.contains("Badges (one per page), 1 person, with a search")
			.contains("Door list, 1 person, with a search, Status: Confirmed");
	}

	private void print(String url, RequestPostProcessor staff) throws Exception {
		this.mvc.perform(get(url).with(staff)).andExpect(status().isOk());
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(staff("audit-reader@win.test", "ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static RequestPostProcessor staff(String email, String role) {
		return user(email).roles(role);
	}

}
