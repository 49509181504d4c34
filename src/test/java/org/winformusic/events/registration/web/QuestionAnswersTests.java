package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.registration.RegistrationErasure;

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
 * An event's own questions from the visitor's form to the staff's export: answered on the
 * form in the visitor's language, seen and changed on the manage page, shown to staff,
 * filtered by, counted on the dashboard, exported as the last columns, and gone with the
 * person's data.
 */
@IntegrationTest
@AutoConfigureMockMvc
class QuestionAnswersTests {

	private static final AtomicInteger emails = new AtomicInteger();

	private static final RequestPostProcessor STAFF = user("ops@win.test").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationErasure erasure;

	TestEvents.Created event;

	long interest;

	long website;

	List<Long> choices;

	@BeforeEach
	void eventWithQuestions() {
		TestEvents events = new TestEvents(this.jdbc);
		this.event = events.event().capacity(10).create();
		this.interest = events.question(this.event.id(), "ONE_CHOICE", "¿Qué te interesa más?",
				"What interests you most?", true, "Distribución", "Distribution", "Derechos", "Rights");
		this.website = events.question(this.event.id(), "SHORT_TEXT", "¿Cuál es tu sitio web?", "What is your website?",
				false);
		this.choices = events.choiceIds(this.interest);
	}

	@Test
	void formAsksTheQuestionsAfterTheStandardFieldsAndTheManagePageShowsAndChangesTheAnswers() throws Exception {
		String form = page(get("/events/" + this.event.slug() + "/register").param("lang", "en"));
		assertThat(form).contains("What interests you most?", "Distribution", "What is your website?");
		assertThat(form.indexOf("name=\"comments\"")).isLessThan(form.indexOf("What interests you most?"));
		assertThat(form.indexOf("What is your website?")).isLessThan(form.indexOf("name=\"privacyConsent\""));

		String email = email();
		String manage = register(email, this.choices.get(1), "https://sello.example.org");
		assertThat(page(get(manage).param("lang", "en"))).contains("What interests you most?", "Rights",
				"https://sello.example.org");

		String edit = page(get(manage + "/edit").param("lang", "es"));
		assertThat(edit).containsPattern("value=\"" + this.choices.get(1) + "\"[^>]*checked")
			.contains("value=\"https://sello.example.org\"");
		this.mvc
			.perform(
					standard(post(manage + "/edit"), email).param(field(this.interest), this.choices.get(0).toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get(manage).param("lang", "es"))).contains("Distribución")
			.doesNotContain("Derechos")
			.doesNotContain("https://sello.example.org");
	}

	@Test
	void aMissingRequiredAnswerIsRefusedInTheVisitorsLanguageKeepingWhatWasTyped() throws Exception {
		String path = "/events/" + this.event.slug() + "/register";
		String es = page(standard(post(path), email()).param(field(this.website), "https://mi-sello.example.org")
			.param("lang", "es"));
		assertThat(es).contains("class=\"error-summary\"", "Responde la pregunta “¿Qué te interesa más?”.",
				"href=\"#" + field(this.interest) + "\"", "value=\"https://mi-sello.example.org\"");
		String en = page(standard(post(path), email()).param("lang", "en"));
		assertThat(en).contains("Answer the question “What interests you most?”.");
		String wrongChoice = page(
				standard(post(path), email()).param(field(this.interest), "999999999").param("lang", "en"));
		assertThat(wrongChoice).contains("class=\"error-summary\"").doesNotContain("Answer the question");
		assertThat(this.jdbc.sql("select count(*) from registration where event_id = ?")
			.param(this.event.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void answersAreBoundAsTheOtherFieldsAControlCharacterOrARepeatedAnswerIsShownNextToItsQuestion() throws Exception {
		String path = "/events/" + this.event.slug() + "/register";
		String control = page(standard(post(path), email()).param(field(this.interest), this.choices.get(0).toString())
			.param(field(this.website), "https://sello\u0000.example.org")
			.param("lang", "en"));
		assertThat(control).contains("class=\"error-summary\"", "href=\"#" + field(this.website) + "\"",
				"Remove control characters and invisible characters");
		String repeated = page(standard(post(path), email()).param(field(this.interest), this.choices.get(0).toString())
			.param(field(this.interest), this.choices.get(1).toString())
			.param("lang", "en"));
		assertThat(repeated).contains("href=\"#" + field(this.interest) + "\"", "This field was sent more than once.");
		assertThat(this.jdbc.sql("select count(*) from registration where event_id = ?")
			.param(this.event.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aLongAnswerCountsAndStoresEachLineBreakAsOneCharacterAsTheBrowserDoes() throws Exception {
		long story = new TestEvents(this.jdbc).question(this.event.id(), "LONG_TEXT", "Cuéntanos de tu sello",
				"Tell us about your label", false);
		// 2,000 characters to the textarea's maxlength: twenty lines of 99, posted with
		// CRLF.
		String line = "y".repeat(99);
		String email = email();
		this.mvc
			.perform(standard(post("/events/" + this.event.slug() + "/register"), email)
				.param(field(this.interest), this.choices.get(0).toString())
				.param(field(story), (line + "\r\n").repeat(20)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("""
				select a.text_value from registration_answer a join registration r on r.id = a.registration_id
				 where r.email = ? and a.question_id = ?""").params(email, story).query(String.class).single())
			.isEqualTo(String.join("\n", java.util.Collections.nCopies(20, line)));
	}

	@Test
	void staffSeeTheAnswersFilterByAChoiceCountChoicesAndExportThemAsTheLastColumns() throws Exception {
		String rights = email();
		String distribution = email();
		register(rights, this.choices.get(1), "https://derechos.example.org");
		register(distribution, this.choices.get(0), null);
		long id = this.jdbc.sql("select id from registration where email = ?").param(rights).query(Long.class).single();

		assertThat(page(get("/admin/registrations/" + id).with(STAFF).param("lang", "en")))
			.contains("What interests you most?", "Rights", "https://derechos.example.org");

		String list = "/admin/events/" + this.event.slug() + "/registrations";
		String filtered = page(get(list).with(STAFF).param("choice", this.choices.get(1).toString()));
		assertThat(filtered).contains(rights).doesNotContain(distribution);
		assertThat(page(get(list).with(STAFF))).contains(rights, distribution,
				"<optgroup label=\"¿Qué te interesa más?\"");
		this.mvc.perform(get(list).with(STAFF).param("choice", "rights")).andExpect(status().isBadRequest());

		String dashboard = page(get("/admin/events/" + this.event.slug()).with(STAFF).param("lang", "en"));
		assertThat(dashboard).containsPattern("(?s)<h2>What interests you most\\?</h2>.*Distribution</th>\\s*"
				+ "<td class=\"num\">1</td>\\s*<td class=\"num\">50 %</td>");

		this.jdbc.sql("update event_question set removed_at = now() where id = ?").param(this.website).update();
		List<String> csv = page(get(list + ".csv").with(STAFF).param("lang", "en")).lines().toList();
		assertThat(csv.get(0))
			.endsWith(",Waitlist position,Declined at,What interests you most?,What is your website?");
		assertThat(csv)
			.anySatisfy((line) -> assertThat(line).contains(rights).endsWith(",Rights,https://derechos.example.org"));
		assertThat(csv).anySatisfy((line) -> assertThat(line).contains(distribution).endsWith(",Distribution,"));
		List<String> csvEs = page(
				get(list + ".csv").with(STAFF).param("lang", "es").param("choice", this.choices.get(1).toString()))
			.lines()
			.toList();
		assertThat(csvEs).hasSize(2);
		assertThat(csvEs.get(0)).endsWith(",¿Qué te interesa más?,¿Cuál es tu sitio web?");
		assertThat(csvEs.get(1)).endsWith(",Derechos,https://derechos.example.org");
	}

	@Test
	void answersAreInTheDataDownloadAndGoneWhenThePersonIsErased() throws Exception {
		String email = email();
		String manage = register(email, this.choices.get(0), "https://borrar.example.org");
		assertThat(page(get(manage + "/data.json"))).contains("¿Cuál es tu sitio web?", "https://borrar.example.org");
		assertThat(page(get(manage + "/data").param("lang", "en"))).contains("What interests you most?",
				"Distribution");
		long id = this.jdbc.sql("select id from registration where email = ?").param(email).query(Long.class).single();

		this.erasure.block(id, Instant.now());

		assertThat(this.jdbc.sql("""
				select (select count(*) from registration_answer where registration_id = :id)
				     + (select count(*) from registration_answer_choice where registration_id = :id)""")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select data::text from registration_blocked_data where registration_id = ?")
			.param(id)
			.query(String.class)
			.single()).contains("https://borrar.example.org");
		assertThat(page(get("/admin/events/" + this.event.slug() + "/registrations.csv").with(STAFF)))
			.doesNotContain("https://borrar.example.org");
	}

	/** Registers with these answers; returns the manage page's path. */
	private String register(String email, long choice, String site) throws Exception {
		MockHttpServletRequestBuilder request = standard(post("/events/" + this.event.slug() + "/register"), email)
			.param(field(this.interest), Long.toString(choice));
		if (site != null) {
			request.param(field(this.website), site);
		}
		String location = this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return location.replace("?new", "");
	}

	private static MockHttpServletRequestBuilder standard(MockHttpServletRequestBuilder request, String email) {
		return TestRegistrations.formFields(request, "Ana Pérez", email);
	}

	private static String field(long questionId) {
		return "q" + questionId;
	}

	private static String email() {
		return "answers-" + emails.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "@example.org";
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
