package org.winformusic.events.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A note about a person is their personal data: once they erased it, staff cannot add one
 * (no form; a POST is refused with the reason, nothing stored), and the retention job
 * deletes any note still left on an erased registration.
 */
class ErasedRegistrationNotesTests extends PersonalDataTestSupport {

	@Test
	void staffCannotAddANoteToARegistrationWhoseDataWasErased() throws Exception {
		String slug = event(Duration.ofDays(20), 5);
		Person person = Person.marked(marker(), "+52 55 7070 8080");
		String token = register(slug, person);
		long id = registrationId(person.email());
		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));

		String page = body(asAdmin(get("/admin/registrations/" + id)).header("Accept-Language", "es-MX"));
		assertThat(page).contains("Notas del equipo")
			.contains("No se pueden agregar notas: los datos personales de este registro se borraron.")
			.doesNotContain("/admin/registrations/" + id + "/notes")
			.doesNotContain("Guardar nota");

		String note = "Llamar a " + marker() + " al 55 7070 8080";
		MvcResult posted = this.mvc
			.perform(asAdmin(post("/admin/registrations/" + id + "/notes")).header("Accept-Language", "es-MX")
				.param("body", note))
			.andExpect(redirectedUrl("/admin/registrations/" + id))
			.andReturn();
		Cookie session = posted.getResponse().getCookie("SESSION");
		String after = this.mvc
			.perform(asAdmin(get("/admin/registrations/" + id)).header("Accept-Language", "es-MX").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("No se guardó la nota: los datos personales de este registro se borraron")
			.doesNotContain("Nota guardada")
			.doesNotContain(note);
		assertThat(notesOf(id)).isZero();
		assertThat(whereStored(note)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from audit_log where registration_id = ? and action = 'NOTE_ADDED'")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void retentionDeletesNotesLeftOnErasedRegistrationsAndKeepsThoseOfOthers() throws Exception {
		// An event far from over: only the sweep of erased registrations can touch it.
		String slug = event(Duration.ofDays(300), 5);
		Person erased = Person.marked(marker(), "+52 55 7171 8181");
		Person kept = Person.marked(marker(), "+52 55 7272 8282");
		String token = register(slug, erased);
		register(slug, kept);
		long erasedId = registrationId(erased.email());
		long keptId = registrationId(kept.email());
		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()));
		// A note saved on the erased registration (as staff could before notes on them
		// were refused), and one on a registration that keeps its data.
		String left = "Nota que quedó " + marker();
		String other = "Nota de otra persona " + marker();
		insertNote(erasedId, left);
		act(post("/admin/registrations/" + keptId + "/notes").param("body", other));
		assertThat(whereStored(left)).containsExactly("staff_note.body");

		this.retention.run();

		assertThat(whereStored(left)).isEmpty();
		assertThat(notesOf(erasedId)).isZero();
		assertThat(whereStored(other)).containsExactly("staff_note.body");
	}

	private void insertNote(long registrationId, String body) {
		this.jdbc.sql("insert into staff_note (registration_id, author, body, created_at) values (?, ?, ?, ?)")
			.params(registrationId, "privacy-admin@win.test", body, Timestamp.from(this.clock.instant()))
			.update();
	}

	private long notesOf(long registrationId) {
		return this.jdbc.sql("select count(*) from staff_note where registration_id = ?")
			.param(registrationId)
			.query(Long.class)
			.single();
	}

}
