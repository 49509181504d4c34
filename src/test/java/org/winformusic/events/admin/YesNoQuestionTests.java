package org.winformusic.events.admin;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.print.PdfPages;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event's yes/no question ("¿Vienes en grupo?") gets what its choice questions have: a
 * breakdown on the dashboard (Sí, No, Sin respuesta, counted among those who may come)
 * and a filter in the registrations list that the CSV export and the printouts apply the
 * same way; a yes/no filter of another event's question is refused as a choice of it is.
 */
@AdminTest
class YesNoQuestionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TestEvents.Created event;

	long group;

	@BeforeEach
	void registrations() {
		TestEvents events = new TestEvents(this.jdbc);
		this.event = events.event().slugPrefix("yes-no").capacity(10).create();
		events.question(this.event.id(), "SHORT_TEXT", "¿Con quién vienes?", "Who are you coming with?", false);
		this.group = events.question(this.event.id(), "YES_NO", "¿Vienes en grupo?", "Are you coming as a group?",
				false);
		answer(person("Ana Arriaga", "CONFIRMED"), true);
		answer(person("Beto Barrios", "CONFIRMED"), false);
		answer(person("Carla Cisneros", "WAITLISTED"), true);
		person("Dora Dávila", "CONFIRMED");
		// Cancelled: not among those who may come, still in the list.
		answer(person("Eva Esparza", "CANCELLED"), true);
	}

	@Test
	void theDashboardBreaksTheAnswersDownLikeAChoiceQuestion() throws Exception {
		assertThat(card(page("/admin/events/" + this.event.slug() + "?lang=es", 200), "¿Vienes en grupo?"))
			.isEqualTo("¿Vienes en grupo? Sí 2 50 % No 1 25 % Sin respuesta 1 25 %");
		assertThat(card(page("/admin/events/" + this.event.slug() + "?lang=en", 200), "Are you coming as a group?"))
			.isEqualTo("Are you coming as a group? Yes 2 50 % No 1 25 % No answer 1 25 %");
	}

	@Test
	void theListFiltersByYesOrNoAndTheExportAndTheDoorListFollow() throws Exception {
		String list = "/admin/events/" + this.event.slug() + "/registrations?lang=es&yesNo=";
		String yes = this.group + ":yes";
		String page = page(list + yes, 200);
		assertThat(page).contains("Respuesta a una pregunta de sí o no", "<optgroup label=\"¿Vienes en grupo?\">",
				"<option value=\"" + yes + "\" selected=\"selected\">Sí (¿Vienes en grupo?)</option>",
				"<option value=\"" + this.group + ":no\">No (¿Vienes en grupo?)</option>");
		assertThat(names(page)).containsExactlyInAnyOrder("Ana Arriaga", "Carla Cisneros", "Eva Esparza");
		assertThat(names(page(list + this.group + ":no", 200))).containsExactly("Beto Barrios");
		assertThat(names(page(list + yes + "&status=CONFIRMED", 200))).containsExactly("Ana Arriaga");
		// The export link of the filtered list carries the filter.
		assertThat(page).contains("registrations.csv?yesNo=" + this.group + ":yes");

		String csv = page("/admin/events/" + this.event.slug() + "/registrations.csv?yesNo=" + yes, 200);
		assertThat(csv.lines().skip(1).map((row) -> row.split(",")[2])).containsExactlyInAnyOrder("Ana Arriaga",
				"Carla Cisneros", "Eva Esparza");
		String no = page("/admin/events/" + this.event.slug() + "/registrations.csv?yesNo=" + this.group + ":no", 200);
		assertThat(no.lines().skip(1).map((row) -> row.split(",")[2])).containsExactly("Beto Barrios");

		String doorList = pdfText("/admin/events/" + this.event.slug() + "/door-list.pdf?lang=es&yesNo=" + yes);
		assertThat(doorList).contains("Arriaga").doesNotContain("Barrios").doesNotContain("Dávila");
	}

	@Test
	void theAuditLogNamesTheQuestionAndTheAnswerAnExportWasFilteredBy() throws Exception {
		String exporter = "yes-no-export-" + System.nanoTime() + "@win.test";
		this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations.csv?yesNo=" + this.group + ":no")
				.with(user(exporter).roles("OPS")))
			.andExpect(status().isOk());
		for (String lang : List.of("es", "en")) {
			String audit = this.mvc
				.perform(get("/admin/audit?lang=" + lang + "&actor=" + exporter).accept(MediaType.TEXT_HTML)
					.with(user("admin@win.test").roles("ADMIN")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
				.replaceAll("<[^>]+>", " ")
				.replaceAll("\\s+", " ");
			assertThat(audit).contains(lang.equals("es") ? "Respuesta de sí o no: No (¿Vienes en grupo?)"
					: "Yes-or-no answer: No (Are you coming as a group?)");
		}
	}

	@Test
	void aYesNoFilterOfAQuestionTheEventLacksIsRefusedNotShownAsNobodyAnswered() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created other = events.event().slugPrefix("yes-no-other").create();
		long theirs = events.question(other.id(), "YES_NO", "¿Traes laptop?", "Are you bringing a laptop?", false);
		long text = this.jdbc.sql("select id from event_question where event_id = ? and kind = 'SHORT_TEXT'")
			.param(this.event.id())
			.query(Long.class)
			.single();
		String base = "/admin/events/" + this.event.slug() + "/";
		for (String value : List.of(theirs + ":yes", text + ":no")) {
			assertThat(page(base + "registrations?lang=es&yesNo=" + value, 400))
				.contains("En este evento, el filtro “Respuesta a una pregunta de sí o no” no tiene la opción “" + value
						+ "”.", "href=\"/admin/events/" + this.event.slug() + "/registrations\"");
			for (String file : List.of("registrations.csv", "people.xlsx", "badges.pdf", "door-list.pdf")) {
				assertThat(page(base + file + "?lang=es&yesNo=" + value, 400)).as(file)
					.contains("El filtro “yesNo” no acepta el valor “" + value + "”.",
							"Valores permitidos: " + this.group + ":yes, " + this.group + ":no.");
			}
		}
		assertThat(page(base + "registrations?lang=en&yesNo=maybe", 400))
			.contains("In this event, the filter “Answer to a yes-or-no question” has no option “maybe”.");
	}

	private long person(String name, String status) {
		return new TestRegistrations(this.jdbc).in(this.event).person(name).status(status).create().id();
	}

	private void answer(long registration, boolean yes) {
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, yes_no) values (?, ?, ?)")
			.params(registration, this.group, yes)
			.update();
	}

	/** The dashboard card headed by the question, as text. */
	private static String card(String html, String question) {
		Matcher card = Pattern
			.compile("<div class=\"card\">\\s*<h2>" + Pattern.quote(question) + "</h2>[\\s\\S]*?</div>")
			.matcher(html);
		assertThat(card.find()).as("a card for %s", question).isTrue();
		return card.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	/** The names in the list's rows. */
	private List<String> names(String html) {
		return Stream.of("Ana Arriaga", "Beto Barrios", "Carla Cisneros", "Dora Dávila", "Eva Esparza")
			.filter(html::contains)
			.toList();
	}

	private String page(String path, int status) throws Exception {
		return this.mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(user("ops@win.test").roles("OPS")))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private String pdfText(String path) throws Exception {
		byte[] pdf = this.mvc.perform(get(path).with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return PdfPages.text(pdf);
	}

}
