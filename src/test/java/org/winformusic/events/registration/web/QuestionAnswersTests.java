package org.winformusic.events.registration.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
		// The exact export writes a choice as its id, the value the list's filter takes.
		assertThat(csv).anySatisfy((line) -> assertThat(line).contains(rights)
			.endsWith("," + this.choices.get(1) + ",https://derechos.example.org"));
		assertThat(csv)
			.anySatisfy((line) -> assertThat(line).contains(distribution).endsWith("," + this.choices.get(0) + ","));
		List<String> csvEs = page(
				get(list + ".csv").with(STAFF).param("lang", "es").param("choice", this.choices.get(1).toString()))
			.lines()
			.toList();
		assertThat(csvEs).hasSize(2);
		assertThat(csvEs.get(0)).endsWith(",¿Qué te interesa más?,¿Cuál es tu sitio web?");
		assertThat(csvEs.get(1)).endsWith("," + this.choices.get(1) + ",https://derechos.example.org");
		// The readable export keeps the words, in the staff member's language.
		assertThat(page(get("/admin/events/" + this.event.slug() + "/people.csv").with(STAFF).param("lang", "es")))
			.contains(",Derechos,https://derechos.example.org");
	}

	@Test
	void theExactExportWritesTheSameAnswersWhicheverLanguageStaffDownloadItInTheReadableOneInWords() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		long music = events.question(this.event.id(), "MANY_CHOICES", "¿Qué tipo de música publica tu sello?",
				"What kind of music does your label release?", false, "Rock y pop", "Rock and pop", "Música tropical",
				"Tropical music", "Electrónica", "Electronic");
		long vinyl = events.question(this.event.id(), "YES_NO", "¿Editas vinil?", "Do you press vinyl?", false);
		List<Long> genres = events.choiceIds(music);
		String email = email();
		this.mvc
			.perform(standard(post("/events/" + this.event.slug() + "/register"), email)
				.param(field(this.interest), this.choices.get(0).toString())
				.param(field(music), genres.get(2).toString())
				.param(field(music), genres.get(1).toString())
				.param(field(vinyl), "true"))
			.andExpect(status().is3xxRedirection());
		String list = "/admin/events/" + this.event.slug() + "/registrations";
		for (String file : List.of(".csv", ".xlsx")) {
			List<String> es = answers(list + file, "es", email);
			List<String> en = answers(list + file, "en", email);
			assertThat(es).as(file).isEqualTo(en);
		}
		List<String> csv = answers(list + ".csv", "en", email);
		// Several choices: their ids in ascending order; yes/no as the news opt-in
		// column.
		assertThat(csv).containsExactly(this.choices.get(0).toString(), "", genres.get(1) + "," + genres.get(2),
				"true");
		assertThat(answers("/admin/events/" + this.event.slug() + "/people.csv", "es", email))
			.containsExactly("Distribución", "", "Música tropical, Electrónica", "Sí");
		assertThat(answers("/admin/events/" + this.event.slug() + "/people.csv", "en", email))
			.containsExactly("Distribution", "", "Tropical music, Electronic", "Yes");
	}

	/** The last four columns (the event's questions) of the person's row of an export. */
	private List<String> answers(String path, String lang, String email) throws Exception {
		byte[] body = this.mvc.perform(get(path).with(STAFF).param("lang", lang))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = path.endsWith(".xlsx") ? xlsxRows(body) : csvRows(body);
		List<String> row = rows.stream().filter((r) -> r.contains(email)).findFirst().orElseThrow();
		return row.subList(row.size() - 4, row.size());
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

	/** The rows of an RFC 4180 CSV (after its byte-order mark). */
	private static List<List<String>> csvRows(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n') {
				row.add(cell.toString().replaceFirst("\r$", ""));
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		return rows;
	}

	/** The rows of an XLSX file's first sheet, empty cells as "". */
	private static List<List<String>> xlsxRows(byte[] body) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			DataFormatter formatter = new DataFormatter();
			for (Row sheetRow : workbook.getSheetAt(0)) {
				List<String> row = new ArrayList<>();
				for (int i = 0; i < sheetRow.getLastCellNum(); i++) {
					row.add(formatter.formatCellValue(sheetRow.getCell(i)));
				}
				rows.add(row);
			}
		}
		return rows;
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
