package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.event.web.EventAdministrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff take a choice off a question people already answered with it: the editor says how
 * many chose it and saves only when they confirm; afterwards those answers stay, counted
 * and shown as no longer on the form, the audit log names the choice, and a registrant
 * who chose it keeps it on their edit form until they change their answer.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RemovedChoiceTests {

	private static final RequestPostProcessor STAFF = user("organizer@win.test").roles("ADMIN");

	private static final String MUSIC = "¿Qué tipo de música publica tu sello?";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String slug;

	long question;

	List<Long> choices;

	@BeforeEach
	void eventWhereTwoPeopleChoseElectronica() throws Exception {
		this.slug = "removed-choice-" + System.nanoTime() % 1_000_000_000L;
		this.mvc.perform(editor(post("/admin/events/new"), "Rock y pop", "Música tropical", "Electrónica"))
			.andExpect(status().is3xxRedirection());
		this.question = this.jdbc.sql("""
				select q.id from event_question q join event e on e.id = q.event_id where e.slug = ?""")
			.param(this.slug)
			.query(Long.class)
			.single();
		this.choices = this.jdbc.sql("select id from event_question_choice where question_id = ? order by position")
			.param(this.question)
			.query(Long.class)
			.list();
	}

	@Test
	void removingAChosenChoiceWarnsFirstThenKeepsItsAnswersCountedMarkedAndAudited() throws Exception {
		register("rock@example.org", 0);
		register("tropical@example.org", 1);
		register("electro-1@example.org", 2);
		String electro = register("electro-2@example.org", 2);

		// "Quitar" on the choice: the page comes back without it, saying who chose it.
		String removed = page(
				editor(post("/admin/events/" + this.slug + "/edit"), "Rock y pop", "Música tropical", "Electrónica")
					.param("_row", "remove:questions:0:choices:2")
					.param("lang", "es"));
		assertThat(removed).doesNotContain("value=\"Electrónica\"")
			.contains("2 personas eligieron “Electrónica”, que quitaste de esta pregunta.",
					"Sí, quitar esta opción aunque ya hay quien la eligió")
			.doesNotContain("error-summary");

		// Saving without the box: refused, nothing saved.
		String refused = page(editor(post("/admin/events/" + this.slug + "/edit"), "Rock y pop", "Música tropical")
			.param("lang", "es"));
		assertThat(refused).contains("error-summary", "Hay personas que eligieron una opción que quitaste",
				"2 personas eligieron “Electrónica”");
		assertThat(liveChoices()).containsExactly("Rock y pop", "Música tropical", "Electrónica");

		// With the box ticked, for exactly that choice: saved.
		this.mvc
			.perform(editor(post("/admin/events/" + this.slug + "/edit"), "Rock y pop", "Música tropical")
				.param("questions[0].removalConfirmed", this.choices.get(2).toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(liveChoices()).containsExactly("Rock y pop", "Música tropical");

		String dashboard = page(get("/admin/events/" + this.slug).with(STAFF).param("lang", "es"));
		assertThat(dashboard).containsPattern("(?s)Rock y pop</th>\\s*<td class=\"num\">1</td>\\s*"
				+ "<td class=\"num\">25 %</td>.*Música tropical</th>\\s*<td class=\"num\">1</td>\\s*"
				+ "<td class=\"num\">25 %</td>.*Electrónica \\(ya no está en el formulario\\)</th>\\s*"
				+ "<td class=\"num\">2</td>\\s*<td class=\"num\">50 %</td>");
		assertThat(page(get("/admin/events/" + this.slug).with(STAFF).param("lang", "en")))
			.contains("Electronic (removed from the form)");

		long id = this.jdbc.sql("select id from registration where email = 'electro-2@example.org'")
			.query(Long.class)
			.single();
		assertThat(page(get("/admin/registrations/" + id).with(STAFF).param("lang", "es")))
			.contains("Electrónica (ya no está en el formulario)");
		assertThat(page(get("/admin/events/" + this.slug + "/people.csv").with(STAFF).param("lang", "es")))
			.contains("Electrónica (ya no está en el formulario)");
		assertThat(this.jdbc.sql("""
				select details from audit_log where action = 'EVENT_UPDATED'
				   and event_id = (select id from event where slug = ?)""").param(this.slug).query(String.class).list())
			.singleElement()
			.satisfies((details) -> assertThat(details).endsWith("\nchoiceRemoved=" + this.choices.get(2)));
		assertThat(page(get("/admin/audit").with(STAFF).param("lang", "es")))
			.contains("Opción quitada del formulario: Electrónica (" + MUSIC + ")");

		// Their edit form still shows their answer, marked, chosen: kept if they change
		// nothing else about it.
		String edit = page(get(electro + "/edit").param("lang", "es"));
		assertThat(edit).containsPattern("value=\"" + this.choices.get(2) + "\"[^>]*checked")
			.contains("Electrónica (ya no está en el formulario)");
		this.mvc
			.perform(standard(post(electro + "/edit"), "electro-2@example.org").param("q" + this.question,
					this.choices.get(2).toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(chosen("electro-2@example.org")).containsExactly(this.choices.get(2));
		assertThat(page(get(electro).param("lang", "es"))).contains("Electrónica (ya no está en el formulario)");

		// Once changed, the old choice is gone from their form and cannot come back.
		this.mvc
			.perform(standard(post(electro + "/edit"), "electro-2@example.org").param("q" + this.question,
					this.choices.get(0).toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(chosen("electro-2@example.org")).containsExactly(this.choices.get(0));
		assertThat(page(get(electro + "/edit").param("lang", "es"))).doesNotContain("Electrónica");
		String back = page(standard(post(electro + "/edit"), "electro-2@example.org").param("q" + this.question,
				this.choices.get(2).toString()));
		assertThat(back).contains("error-summary");
		assertThat(chosen("electro-2@example.org")).containsExactly(this.choices.get(0));

		// Nor can anyone new choose it.
		String refusedNew = page(TestRegistrations
			.formFields(post("/events/" + this.slug + "/register"), "Ana Nueva", "nueva@example.org")
			.param("q" + this.question, this.choices.get(2).toString()));
		assertThat(refusedNew).contains("error-summary");
	}

	@Test
	void aChoiceNobodyChoseIsRemovedWithoutAsking() throws Exception {
		register("rock-only@example.org", 0);
		String removed = page(
				editor(post("/admin/events/" + this.slug + "/edit"), "Rock y pop", "Música tropical", "Electrónica")
					.param("_row", "remove:questions:0:choices:2")
					.param("lang", "es"));
		assertThat(removed).doesNotContain("eligieron", "eligió");
		this.mvc.perform(editor(post("/admin/events/" + this.slug + "/edit"), "Rock y pop", "Música tropical"))
			.andExpect(status().is3xxRedirection());
		assertThat(liveChoices()).containsExactly("Rock y pop", "Música tropical");
	}

	/**
	 * The editor's form for this event (in Mexico) with its one question, required, and
	 * these Spanish choices (English: the same with " (en)"), each with its stored id
	 * while it has one.
	 */
	private MockHttpServletRequestBuilder editor(MockHttpServletRequestBuilder request, String... labels) {
		request = EventAdministrationTests
			.colombia(request, "slug", this.slug, "country", "MX", "timeZone", "America/Mexico_City",
					"speakers[0].country", "mx", "venueAddress", "CDMX", "questions[0].kind", "ONE_CHOICE",
					"questions[0].labelEs", MUSIC, "questions[0].labelEn",
					"What kind of music does your label release?", "questions[0].required", "true")
			.with(STAFF);
		if (this.choices != null) {
			request.param("questions[0].id", Long.toString(this.question));
		}
		for (int i = 0; i < labels.length; i++) {
			String prefix = "questions[0].choices[" + i + "].";
			request.param(prefix + "labelEs", labels[i]).param(prefix + "labelEn", english(labels[i]));
			if (this.choices != null) {
				request.param(prefix + "id", idOf(labels[i]).toString());
			}
		}
		return request;
	}

	private static String english(String label) {
		return switch (label) {
			case "Rock y pop" -> "Rock and pop";
			case "Música tropical" -> "Tropical music";
			default -> "Electronic";
		};
	}

	private Long idOf(String label) {
		return this.choices.get(List.of("Rock y pop", "Música tropical", "Electrónica").indexOf(label));
	}

	/** Registers with choice {@code index}; returns the manage page's path. */
	private String register(String email, int index) throws Exception {
		return this.mvc
			.perform(TestRegistrations.formFields(post("/events/" + this.slug + "/register"), "Ana Pérez", email)
				.param("q" + this.question, this.choices.get(index).toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
	}

	private static MockHttpServletRequestBuilder standard(MockHttpServletRequestBuilder request, String email) {
		return TestRegistrations.formFields(request, "Ana Pérez", email);
	}

	private List<String> liveChoices() {
		return this.jdbc.sql("""
				select label_es from event_question_choice where question_id = ? and removed_at is null
				 order by position""").param(this.question).query(String.class).list();
	}

	private List<Long> chosen(String email) {
		return this.jdbc.sql("""
				select a.choice_id from registration_answer_choice a join registration r on r.id = a.registration_id
				 where r.email = ?""").param(email).query(Long.class).list();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
