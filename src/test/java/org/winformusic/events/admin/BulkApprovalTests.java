package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Approving several pending registrations when the free seats do not reach: the seats go
 * to those who registered first, whatever order the list showed them in, and the preview
 * and the result say who waits.
 */
@AdminTest
class BulkApprovalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seatsGoInTheOrderPeopleRegisteredAndThePreviewSaysWhoWaits() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(2).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		Instant monday = Instant.parse("2026-11-02T16:00:00Z");
		long first = data.in(event).person("Ana Primera").status("PENDING").createdAt(monday).create().id();
		long second = data.in(event)
			.person("Beto Segundo")
			.status("PENDING")
			.createdAt(monday.plusSeconds(60))
			.create()
			.id();
		long third = data.in(event)
			.person("Carla Tercera")
			.status("PENDING")
			.createdAt(monday.plusSeconds(120))
			.create()
			.id();
		// As the list sorted newest first sends them.
		String[] newestFirst = { String.valueOf(third), String.valueOf(second), String.valueOf(first) };

		String preview = this.mvc.perform(bulk(event, newestFirst).param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(preview).contains("Se aprobará a 3 personas",
				"No alcanzan los lugares libres: la última persona en registrarse queda en lista de espera.");
		// Rows in the order they registered: two seats, then the waitlist.
		assertThat(preview.indexOf("Ana Primera")).isLessThan(preview.indexOf("Beto Segundo"));
		assertThat(preview.indexOf("Beto Segundo")).isLessThan(preview.indexOf("Carla Tercera"));
		String carlasRow = preview.substring(preview.indexOf("Carla Tercera"));
		assertThat(carlasRow.substring(0, carlasRow.indexOf("</tr>"))).contains("Aprobado, en lista de espera");
		String betosRow = preview.substring(preview.indexOf("Beto Segundo"));
		assertThat(betosRow.substring(0, betosRow.indexOf("</tr>"))).contains("Lugar confirmado");

		this.mvc.perform(bulk(event, newestFirst).param("confirmed", "true").param("lang", "es"))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text",
					"Se aprobaron 3 registros. Uno de ellos quedó en lista de espera: ya no había lugar.")));
		assertThat(data.status(first)).isEqualTo("CONFIRMED");
		assertThat(data.status(second)).isEqualTo("CONFIRMED");
		assertThat(data.status(third)).isEqualTo("WAITLISTED");
	}

	@Test
	void aDeclinePreviewLeavesOutSomeoneWhoHasArrived() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long arrived = data.in(event).person("Rosa Llegada").checkedInAt(Instant.now()).create().id();
		long waiting = data.in(event).person("Tomás Espera").create().id();
		String[] both = { String.valueOf(arrived), String.valueOf(waiting) };

		String preview = this.mvc.perform(bulk(event, "DECLINE", both).param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// The decline itself refuses someone who arrived (undo the check-in first).
		assertThat(preview).contains("Se rechazará a 1 persona,");
		this.mvc.perform(bulk(event, "DECLINE", both).param("confirmed", "true"));
		assertThat(data.status(arrived)).isEqualTo("CONFIRMED");
		assertThat(data.status(waiting)).isEqualTo("DECLINED");
	}

	private static MockHttpServletRequestBuilder bulk(TestEvents.Created event, String[] ids) {
		return bulk(event, "APPROVE", ids);
	}

	private static MockHttpServletRequestBuilder bulk(TestEvents.Created event, String action, String[] ids) {
		return post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", action)
			.param("ids", ids)
			.with(user("organizer@win.test").roles("ORGANIZER"))
			.with(csrf());
	}

}
