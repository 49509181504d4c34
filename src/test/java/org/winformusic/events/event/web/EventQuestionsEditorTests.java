package org.winformusic.events.event.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers give an event its own questions in the event editor: rows added, removed and
 * moved by buttons without JavaScript (ROWS.md), saved in order, copied with the event,
 * and an answered question keeps its type.
 */
@IntegrationTest
@AutoConfigureMockMvc
@WithMockUser(username = "organizer@win.test", roles = "ORGANIZER")
class EventQuestionsEditorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rowButtonsAddMoveAndRemoveQuestionsAndChoicesWithoutSavingAnything() throws Exception {
		String page = page(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", "rows-only", "_row",
				"add:questions", "lang", "en"));
		assertThat(page).contains("name=\"questions[0].labelEs\"", "Question 1", "Add a choice")
			.doesNotContain("error-summary");
		assertThat(page).containsPattern("id=\"questions-0-labelEs\"[^>]*autofocus");

		page = page(withQuestions(post("/admin/events/new"), "rows-only", "_row", "down:questions:0", "lang", "en"));
		assertThat(page.indexOf("value=\"What is your website?\"")).isPositive()
			.isLessThan(page.indexOf("value=\"What interests you most?\""));

		page = page(withQuestions(post("/admin/events/new"), "rows-only", "_row", "add:questions:0:choices"));
		assertThat(page).contains("name=\"questions[0].choices[2].labelEs\"")
			.containsPattern("id=\"questions-0-choices-2-labelEs\"[^>]*autofocus");

		page = page(withQuestions(post("/admin/events/new"), "rows-only", "_row", "remove:questions:0"));
		assertThat(page).doesNotContain("What interests you most?").contains("value=\"What is your website?\"");

		page = page(withQuestions(post("/admin/events/new"), "rows-only", "_row", "remove:questions:9"));
		assertThat(page).contains("What interests you most?", "What is your website?");
		assertThat(count("select count(*) from event where slug = 'rows-only'")).isZero();
	}

	@Test
	void savedQuestionsKeepTheirOrderAndARemovedOneLeavesTheFormButNotTheDatabase() throws Exception {
		this.mvc.perform(withQuestions(post("/admin/events/new"), "questions-saved"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/events/questions-saved/edit"));
		assertThat(questions("questions-saved")).containsExactly("ONE_CHOICE ¿Qué te interesa más? live",
				"SHORT_TEXT ¿Cuál es tu sitio web? live");
		assertThat(choices("questions-saved")).containsExactly("Distribución / Distribution", "Derechos / Rights");

		String edit = page(get("/admin/events/questions-saved/edit").param("lang", "en"));
		long first = id(edit, 0);
		long second = id(edit, 1);
		// Moved down, saved, then the second removed and saved.
		this.mvc.perform(EventAdministrationTests.colombia(post("/admin/events/questions-saved/edit"), "slug",
				"questions-saved", "questions[0].id", String.valueOf(second), "questions[0].kind", "SHORT_TEXT",
				"questions[0].labelEs", "¿Cuál es tu sitio web?", "questions[0].labelEn", "What is your website?",
				"questions[1].id", String.valueOf(first), "questions[1].kind", "ONE_CHOICE", "questions[1].labelEs",
				"¿Qué te interesa más?", "questions[1].labelEn", "What interests you most?", "questions[1].required",
				"true", "questions[1].choices[0].labelEs", "Derechos", "questions[1].choices[0].labelEn", "Rights",
				"questions[1].choices[1].labelEs", "Giras", "questions[1].choices[1].labelEn", "Touring"))
			.andExpect(status().is3xxRedirection());
		assertThat(questions("questions-saved")).containsExactly("SHORT_TEXT ¿Cuál es tu sitio web? live",
				"ONE_CHOICE ¿Qué te interesa más? live");
		assertThat(choices("questions-saved")).contains("Derechos / Rights", "Giras / Touring");

		this.mvc
			.perform(EventAdministrationTests.colombia(post("/admin/events/questions-saved/edit"), "slug",
					"questions-saved", "questions[0].id", String.valueOf(second), "questions[0].kind", "SHORT_TEXT",
					"questions[0].labelEs", "¿Cuál es tu sitio web?", "questions[0].labelEn", "What is your website?"))
			.andExpect(status().is3xxRedirection());
		assertThat(questions("questions-saved")).containsExactly("SHORT_TEXT ¿Cuál es tu sitio web? live",
				"ONE_CHOICE ¿Qué te interesa más? removed");
		assertThat(page(get("/admin/events/questions-saved/edit"))).doesNotContain("¿Qué te interesa más?");
	}

	@Test
	void aQuestionWithoutLabelsOrChoicesIsShownBackWithMessagesInPlace() throws Exception {
		String page = page(EventAdministrationTests.colombia(post("/admin/events/new"), "slug", "questions-invalid",
				"questions[0].kind", "ONE_CHOICE", "questions[0].labelEs", "¿Qué te interesa?", "lang", "en"));
		assertThat(page).contains("href=\"#questions-0-labelEn\"", "id=\"questions-0-labelEn-error\"",
				"Please fill in this field.", "Give this question at least two choices, or change its type.",
				"value=\"¿Qué te interesa?\"");
		assertThat(count("select count(*) from event where slug = 'questions-invalid'")).isZero();
	}

	@Test
	void anAnsweredQuestionKeepsItsTypeButItsWordingMayChange() throws Exception {
		this.mvc.perform(withQuestions(post("/admin/events/new"), "questions-answered"))
			.andExpect(status().is3xxRedirection());
		String edit = page(get("/admin/events/questions-answered/edit"));
		long website = id(edit, 1);
		long registration = new TestRegistrations(this.jdbc).in("questions-answered")
			.status("PENDING")
			.fullName("Ana")
			.email("ana@example.org")
			.company("Sello")
			.companyType("OTHER")
			.state("DC")
			.city("Bogotá")
			.create()
			.id();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, text_value) values (?, ?, ?)")
			.params(registration, website, "https://ana.example.org")
			.update();

		String refused = page(EventAdministrationTests.colombia(post("/admin/events/questions-answered/edit"), "slug",
				"questions-answered", "questions[0].id", String.valueOf(website), "questions[0].kind", "LONG_TEXT",
				"questions[0].labelEs", "Tu sitio", "questions[0].labelEn", "Your site", "lang", "es"));
		assertThat(refused)
			.contains("Ya hay personas que respondieron esta pregunta, así que su tipo no puede cambiar.")
			.contains("id=\"questions-0-kind-error\"");
		assertThat(questions("questions-answered")).contains("SHORT_TEXT ¿Cuál es tu sitio web? live");

		this.mvc
			.perform(EventAdministrationTests.colombia(post("/admin/events/questions-answered/edit"), "slug",
					"questions-answered", "questions[0].id", String.valueOf(website), "questions[0].kind", "SHORT_TEXT",
					"questions[0].labelEs", "Tu sitio", "questions[0].labelEn", "Your site"))
			.andExpect(status().is3xxRedirection());
		assertThat(questions("questions-answered")).containsExactlyInAnyOrder("SHORT_TEXT Tu sitio live",
				"ONE_CHOICE ¿Qué te interesa más? removed");
	}

	@Test
	void copyingAnEventCopiesItsQuestionsAsNewOnes() throws Exception {
		this.mvc.perform(withQuestions(post("/admin/events/new"), "questions-original"))
			.andExpect(status().is3xxRedirection());
		String copy = page(get("/admin/events/new").param("from", "questions-original"));
		assertThat(copy).contains("value=\"¿Qué te interesa más?\"", "value=\"Derechos\"", "name=\"questions[0].id\"")
			.doesNotContainPattern("name=\"questions\\[\\d\\]\\.id\" value=\"\\d");

		this.mvc.perform(withQuestions(post("/admin/events/new"), "questions-copy"))
			.andExpect(status().is3xxRedirection());
		assertThat(questions("questions-copy")).isEqualTo(questions("questions-original"));
		assertThat(count("""
				select count(*) from event_question a join event_question b on a.id = b.id
				 join event ea on ea.id = a.event_id join event eb on eb.id = b.event_id
				 where ea.slug = 'questions-copy' and eb.slug = 'questions-original'""")).isZero();
	}

	/** The Colombian form with a one-choice question and a short-text one. */
	private static MockHttpServletRequestBuilder withQuestions(MockHttpServletRequestBuilder request, String slug,
			String... more) {
		String[] fields = { "slug", slug, "questions[0].kind", "ONE_CHOICE", "questions[0].labelEs",
				"¿Qué te interesa más?", "questions[0].labelEn", "What interests you most?", "questions[0].required",
				"true", "questions[0].choices[0].labelEs", "Distribución", "questions[0].choices[0].labelEn",
				"Distribution", "questions[0].choices[1].labelEs", "Derechos", "questions[0].choices[1].labelEn",
				"Rights", "questions[1].kind", "SHORT_TEXT", "questions[1].labelEs", "¿Cuál es tu sitio web?",
				"questions[1].labelEn", "What is your website?" };
		String[] all = new String[fields.length + more.length];
		System.arraycopy(fields, 0, all, 0, fields.length);
		System.arraycopy(more, 0, all, fields.length, more.length);
		return EventAdministrationTests.colombia(request, all);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The stored id of question {@code index} as the editor page carries it. */
	private static long id(String page, int index) {
		var matcher = java.util.regex.Pattern.compile("name=\"questions\\[" + index + "\\]\\.id\" value=\"(\\d+)\"")
			.matcher(page);
		assertThat(matcher.find()).as("id of question " + index).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private List<String> questions(String slug) {
		return this.jdbc
			.sql("""
					select q.kind || ' ' || q.label_es || ' ' || case when q.removed_at is null then 'live' else 'removed' end
					  from event_question q join event e on e.id = q.event_id where e.slug = ? order by q.position, q.id
					""")
			.param(slug)
			.query(String.class)
			.list();
	}

	private List<String> choices(String slug) {
		return this.jdbc.sql("""
				select c.label_es || ' / ' || c.label_en from event_question_choice c
				  join event_question q on q.id = c.question_id join event e on e.id = q.event_id
				 where e.slug = ? and c.removed_at is null order by q.position, c.position
				""").param(slug).query(String.class).list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
