package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationErasure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A registration whose personal data was erased keeps its row (status, dates, statistics)
 * but has no address: staff read that in words, never the placeholder the row holds.
 */
@AdminTest
class ErasedRegistrationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationErasure erasure;

	@Test
	void theListAndTheDetailPageSayTheAddressWasErased() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		long erased = new TestRegistrations(this.jdbc).in(event).person("Berta Borrada").create().id();
		this.erasure.anonymize(List.of(erased), Instant.now());

		String list = page("/admin/events/" + event.slug() + "/registrations?lang=es");
		assertThat(list).contains("Ninguno: se borraron los datos personales",
				"Seleccionar a Registro #" + erased + " (datos borrados)");
		String detail = page("/admin/registrations/" + erased + "?lang=en");
		assertThat(detail).contains("None: personal data erased")
			.contains("The emails sent to this person were deleted with their data.")
			.doesNotContain("No emails for this person yet.");
		assertThat(list + detail).doesNotContain("anonymized-", "@invalid", "Berta");
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(user("organizer@win.test").roles("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
