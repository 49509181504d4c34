package org.winformusic.events.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The old link of a registration whose data was erased at the person's request says so,
 * showing nothing of it, instead of "this link is no longer valid" with buttons that
 * would send nothing; once the blocked data is suppressed, nothing of the link is left
 * either.
 */
class ErasedLinkTests extends PersonalDataTestSupport {

	@Test
	void theLinkOfAnErasedRegistrationSaysItsDataWasErasedUntilTheDataIsSuppressed() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 4444 0001");
		String slug = event(Duration.ofDays(20), 3);
		String token = register(slug, person);
		long id = registrationId(person.email());
		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));

		for (String page : new String[] { "", "/edit", "/data", "/erase", "/news/stop" }) {
			MockHttpServletResponse response = this.mvc.perform(get("/r/" + token + page)).andReturn().getResponse();
			String html = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(response.getStatus()).as(page).isEqualTo(404);
			assertThat(html).as(page)
				.contains("Borramos los datos de este registro", "como nos lo pediste")
				.doesNotContain("Este enlace ya no es válido", "Enviarme mi enlace", marker);
		}
		assertThat(body(get("/r/" + token).param("lang", "en"))).contains("We erased the data of this registration")
			.doesNotContain("This link is no longer valid", "Email me my link", marker);
		// Nothing behind it works.
		assertThat(this.mvc.perform(post("/r/" + token + "/cancel").with(csrf())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		// Only the link's hash is kept, no personal data.
		assertThat(whereStored(marker)).containsExactly("registration_blocked_data.data");

		this.clock.advance(Duration.ofDays(31));
		assertThat(this.retention.run().suppressed()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from registration_token where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(body(get("/r/" + token))).contains("Este enlace ya no es válido")
			.doesNotContain("Borramos los datos");
	}

	@Test
	void aLinkOfARegistrationErasedByStaffOnRequestSaysTheSame() throws Exception {
		Person person = Person.marked(marker(), "+52 55 4444 0002");
		String slug = event(Duration.ofDays(20), 3);
		String token = register(slug, person);
		this.mvc.perform(asAdmin(post("/admin/privacy/erase")).param("email", person.email()).param("confirm", "true"))
			.andExpect(redirectedUrl("/admin/privacy"));
		assertThat(body(get("/r/" + token))).contains("Borramos los datos de este registro");
	}

}
