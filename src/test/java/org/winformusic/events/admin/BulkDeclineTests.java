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
 * A bulk decline of people who already checked in: the preview gives the real reason, as
 * their page does (they arrived; undo the check-in first if it was a mistake), not that
 * they were already declined or cancelled, and its summary counts each reason apart.
 */
@AdminTest
class BulkDeclineTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void decliningPeopleWhoArrivedSaysTheyArrivedNotThatTheyWereDeclined() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(10).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long rosa = data.in(event).person("Rosa Llegada").checkedInAt(Instant.now()).create().id();
		long raul = data.in(event).person("Raúl Presente").checkedInAt(Instant.now()).create().id();
		String[] both = { String.valueOf(rosa), String.valueOf(raul) };

		String spanish = preview(event, both, "es");
		assertThat(row(spanish, "Rosa Llegada")).contains("Confirmado",
				"No cambia: ya registró su llegada. Si se marcó por error, primero deshazla en su página.");
		assertThat(row(spanish, "Raúl Presente")).contains("ya registró su llegada");
		assertThat(spanish)
			.contains("No se rechazará a ninguno de los 2 registros seleccionados.",
					"2 personas ya registraron su llegada, así que no se les rechaza")
			.doesNotContain("rechazado o cancelado", "rechazados o cancelados", "Sí, rechazar");

		String english = preview(event, both, "en");
		assertThat(row(english, "Rosa Llegada")).contains("Confirmed",
				"No change: they have checked in. If the check-in was a mistake, undo it first on their page.");
		assertThat(english)
			.contains("None of the 2 selected will be declined.",
					"2 people have already checked in, so they are not declined")
			.doesNotContain("declined or cancelled");

		String one = preview(event, new String[] { String.valueOf(rosa) }, "es");
		assertThat(one).contains("No se rechazará a nadie.",
				"1 persona ya registró su llegada, así que no se le rechaza");
	}

	@Test
	void aMixedSelectionCountsEachReasonApartAndDeclinesOnlyWhoCan() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(10).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long arrived = data.in(event).person("Rosa Llegada").checkedInAt(Instant.now()).create().id();
		long cancelled = data.in(event).person("Ciro Cancelado").status("CANCELLED").create().id();
		long waiting = data.in(event).person("Tomás Espera").create().id();
		String[] all = { String.valueOf(arrived), String.valueOf(cancelled), String.valueOf(waiting) };

		String spanish = preview(event, all, "es");
		assertThat(spanish).contains("Se rechazará a 1 persona,",
				"1 persona ya registró su llegada, así que no se le rechaza",
				"1 registro ya está rechazado o cancelado.");
		assertThat(row(spanish, "Rosa Llegada")).contains("ya registró su llegada").doesNotContain("cancelado");
		assertThat(row(spanish, "Ciro Cancelado")).contains("No cambia: ya está rechazado o cancelado");
		assertThat(row(spanish, "Tomás Espera")).contains("Registro rechazado");

		String[] arrivedAndCancelled = { String.valueOf(arrived), String.valueOf(cancelled) };
		assertThat(preview(event, arrivedAndCancelled, "en"))
			.contains("None of the 2 selected will be declined.", "1 person has already checked in",
					"1 registration is already declined or cancelled.")
			.doesNotContain("All 2 selected are already declined or cancelled");

		// A confirmation sent with everyone (a stale page): the result says why each
		// stayed.
		this.mvc.perform(bulk(event, "DECLINE", all, "es").param("confirmed", "true"))
			.andExpect(flash().attribute("notice",
					Notice.ok("ux.notice.text",
							"Se rechazó 1 registro. 1 no cambió porque ya estaba rechazado o cancelado. "
									+ "1 no cambió porque ya había registrado su llegada: si se marcó por error, "
									+ "primero deshazla en su página.")));
		assertThat(data.status(arrived)).isEqualTo("CONFIRMED");
		assertThat(data.status(cancelled)).isEqualTo("CANCELLED");
		assertThat(data.status(waiting)).isEqualTo("DECLINED");
	}

	/**
	 * Approve and resend give no reason of the kind: approve says "not waiting for
	 * review".
	 */
	@Test
	void approvingSomeoneWhoArrivedSaysTheyAreNotWaitingForReview() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(10).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long arrived = data.in(event).person("Rosa Llegada").checkedInAt(Instant.now()).create().id();
		String approve = this.mvc.perform(bulk(event, "APPROVE", new String[] { String.valueOf(arrived) }, "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(row(approve, "Rosa Llegada")).contains("No cambia: no está por revisar");
		String resend = this.mvc.perform(bulk(event, "RESEND", new String[] { String.valueOf(arrived) }, "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(row(resend, "Rosa Llegada")).contains("Lugar confirmado");
	}

	private String preview(TestEvents.Created event, String[] ids, String lang) throws Exception {
		return this.mvc.perform(bulk(event, "DECLINE", ids, lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The preview table's row of this person. */
	private static String row(String page, String name) {
		String from = page.substring(page.indexOf(name));
		return from.substring(0, from.indexOf("</tr>"));
	}

	private static MockHttpServletRequestBuilder bulk(TestEvents.Created event, String action, String[] ids,
			String lang) {
		return post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", action)
			.param("ids", ids)
			.param("lang", lang)
			.with(user("organizer@win.test").roles("ORGANIZER"))
			.with(csrf());
	}

}
