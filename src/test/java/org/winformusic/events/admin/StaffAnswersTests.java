package org.winformusic.events.admin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.winformusic.events.admin.StaffPages.as;
import static org.winformusic.events.admin.StaffPages.text;

/**
 * Staff correct the answers to the event's own questions on the staff edit, as the
 * registrant may on theirs (a rectification request): the form shows the event's
 * questions with the registration's answers in the staff member's language, a changed
 * answer is checked as the registrant's edit checks it, is shown on the detail page and
 * the registrant's data page, is in the history in words, and sends no email. Staff may
 * leave a required question unanswered: a walk-in was never asked it.
 */
@AdminTest
class StaffAnswersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManageTokens tokens;

	TestEvents events;

	TestRegistrations data;

	TestEvents.Created event;

	long heard;

	List<Long> heardChoices;

	long group;

	long site;

	long story;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
		this.event = this.events.event().capacity(5).create();
		this.heard = this.events.question(this.event.id(), "ONE_CHOICE", "¿Cómo te enteraste?", "How did you hear?",
				true, "Por un amigo", "From a friend", "Redes sociales", "Social media");
		this.heardChoices = this.events.choiceIds(this.heard);
		this.group = this.events.question(this.event.id(), "YES_NO", "¿Vienes en grupo?", "Are you coming as a group?",
				false);
		this.site = this.events.question(this.event.id(), "SHORT_TEXT", "¿Tu sitio web?", "Your website?", true);
		this.story = this.events.question(this.event.id(), "LONG_TEXT", "Cuéntanos de tu sello",
				"Tell us about your label", false);
	}

	@Test
	void staffSeeTheAnswersInTheirLanguageChangeOneAndTheDetailAndDataPagesShowItWithoutAnEmail() throws Exception {
		long id = answered("Olga Respuestas");
		String edit = edit(id);

		String spanish = page(get(edit).param("lang", "es").with(as("ORGANIZER")));
		assertThat(text(spanish)).contains("¿Cómo te enteraste?", "Por un amigo", "Redes sociales", "¿Vienes en grupo?",
				"Sí", "¿Tu sitio web?", "Cuéntanos de tu sello");
		assertThat(spanish).containsPattern("value=\"" + this.heardChoices.get(0) + "\"[^>]*checked")
			.containsPattern("name=\"q" + this.group + "\" value=\"true\"[^>]*checked")
			.contains("value=\"https://olga.example.org\"")
			.contains(">Sello chico.\nDesde 2019.</textarea>");
		assertThat(text(page(get(edit).param("lang", "en").with(as("ORGANIZER"))))).contains("How did you hear?",
				"From a friend", "Social media", "Are you coming as a group?", "Yes", "Your website?",
				"Tell us about your label");

		this.mvc
			.perform(FormAsShown.submitted(spanish, post(edit).with(csrf()).with(as("ORGANIZER")),
					Map.of("q" + this.heard, List.of(this.heardChoices.get(1).toString()))))
			.andExpect(redirectedUrl("/admin/registrations/" + id))
			.andExpect(flash().attribute("notice", Notice.ok("admin.edit.saved")));

		assertThat(chosen(id)).containsExactly(this.heardChoices.get(1));
		// Only what changed: the other answers stay as they were.
		assertThat(this.jdbc.sql("select count(*) from registration_answer where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(details(id))
			.isEqualTo("answer." + this.heard + ": " + this.heardChoices.get(0) + " -> " + this.heardChoices.get(1));
		String detail = text(page(get("/admin/registrations/" + id).param("lang", "es").with(as("ORGANIZER"))));
		assertThat(detail).contains("¿Cómo te enteraste? Redes sociales",
				"¿Cómo te enteraste?: Por un amigo → Redes sociales");
		assertThat(text(page(get("/admin/registrations/" + id).param("lang", "en").with(as("ORGANIZER")))))
			.contains("How did you hear?: From a friend → Social media");
		String token = this.tokens.issue(id);
		assertThat(text(page(get("/r/" + token + "/data").param("lang", "es"))))
			.contains("¿Cómo te enteraste? Redes sociales");
		assertThat(text(page(get("/r/" + token + "/data").param("lang", "en"))))
			.contains("How did you hear? Social media");
		// The staff edit emails only a change of address: an answer is no news.
		assertThat(this.jdbc.sql("select count(*) from outbox_message where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aChoiceTheQuestionDoesNotOfferIsRefusedInTheStaffLanguageAndNothingIsSaved() throws Exception {
		long id = answered("Iris Inválida");
		String edit = edit(id);
		long otherQuestionsChoice = this.events
			.choiceIds(this.events.question(this.event.id(), "MANY_CHOICES", "¿Qué te interesa?", "What interests you?",
					false, "Giras", "Touring", "Derechos", "Rights"))
			.get(0);
		String form = page(get(edit).with(as("ORGANIZER")));

		String spanish = page(FormAsShown.submitted(form,
				post(edit).param("lang", "es").with(csrf()).with(as("ORGANIZER")), Map.of("q" + this.heard,
						List.of(Long.toString(otherQuestionsChoice)), "q" + this.group, List.of("quizá"))));
		assertThat(text(spanish)).contains("Elige una de las opciones de la lista.");
		assertThat(spanish).containsPattern("<a href=\"#q" + this.heard + "\">Elige una de las opciones de la lista.")
			.containsPattern("<a href=\"#q" + this.group + "\">Elige una de las opciones de la lista.");
		String english = page(
				FormAsShown.submitted(form, post(edit).param("lang", "en").with(csrf()).with(as("ORGANIZER")),
						Map.of("q" + this.heard, List.of("999999999"))));
		assertThat(text(english)).contains("Choose one of the options in the list.");

		assertThat(chosen(id)).containsExactly(this.heardChoices.get(0));
		assertThat(this.data.auditRows(id, "EDITED")).isZero();
	}

	@Test
	void staffMayLeaveARequiredQuestionUnansweredTheFormSaysSoAndTheHistoryNamesAClearedAnswer() throws Exception {
		// A walk-in was never asked the questions: correcting their city needs no answer.
		long walkIn = this.data.in(this.event)
			.person("Wendy Puerta")
			.phone("+525512345678")
			.createdAt(AdminTest.REGISTERED)
			.create()
			.id();
		String edit = edit(walkIn);
		String spanish = page(get(edit).param("lang", "es").with(as("ORGANIZER")));
		assertThat(text(spanish)).contains(
				"¿Tu sitio web? (opcional) El formulario de registro la pide; aquí puedes dejarla sin respuesta si la persona no la ha dado.");
		assertThat(spanish).doesNotContainPattern("name=\"q" + this.site + "\"[^>]*required")
			.doesNotContainPattern("name=\"q" + this.heard + "\"[^>]*required");
		assertThat(text(page(get(edit).param("lang", "en").with(as("ORGANIZER"))))).contains(
				"Your website? (optional) The registration form requires an answer; here you may leave it blank if the person has not given one.");

		this.mvc
			.perform(FormAsShown.submitted(spanish, post(edit).with(csrf()).with(as("ORGANIZER")),
					Map.of("city", List.of("Oaxaca"))))
			.andExpect(redirectedUrl("/admin/registrations/" + walkIn));
		assertThat(details(walkIn)).isEqualTo("city: Ciudad de México -> Oaxaca");

		// An answer the person asks to have removed is removed, and the history says so.
		long olga = answered("Olga Borra");
		this.mvc
			.perform(FormAsShown.submitted(page(get(edit(olga)).with(as("ORGANIZER"))),
					post(edit(olga)).with(csrf()).with(as("ORGANIZER")), Map.of("q" + this.site, List.of(""))))
			.andExpect(redirectedUrl("/admin/registrations/" + olga));
		assertThat(text(page(get("/admin/registrations/" + olga).param("lang", "es").with(as("ORGANIZER")))))
			.contains("¿Tu sitio web?: https://olga.example.org → (vacío)");

		// The registrant's own edit still asks for it.
		String manage = "/r/" + this.tokens.issue(olga);
		String own = page(get(manage + "/edit").param("lang", "es"));
		assertThat(text(page(FormAsShown.submitted(own, post(manage + "/edit").with(csrf())))))
			.contains("Responde la pregunta “¿Tu sitio web?”.");
	}

	@Test
	void aSecondStaffFormSeesTheAnswerTheFirstSavedAndSavesAgainInOneClick() throws Exception {
		long id = answered("Rosa Doble");
		String edit = edit(id);
		String first = page(get(edit).param("lang", "es").with(as("ORGANIZER")));
		String second = page(get(edit).param("lang", "es").with(as("ADMIN")));
		this.mvc.perform(FormAsShown.submitted(first, post(edit).with(csrf()).with(as("ORGANIZER")),
				Map.of("q" + this.group, List.of("false"))))
			.andExpect(redirectedUrl("/admin/registrations/" + id));

		String refused = page(FormAsShown.submitted(second, post(edit).with(csrf()).with(as("ADMIN")),
				Map.of("city", List.of("Puebla"))));

		assertThat(text(refused)).contains("Guardado ahora: No").doesNotContain("Guardado ahora: Puebla");
		assertThat(refused).containsPattern("<li><a href=\"#q" + this.group + "\">¿Vienes en grupo\\?</a></li>");
		assertThat(yesNo(id)).isFalse();
		assertThat(this.data.auditRows(id, "EDITED")).isOne();
		// Saving again as shown keeps what this form holds: the city, and "Sí".
		this.mvc.perform(FormAsShown.submitted(refused, post(edit).with(csrf()).with(as("ADMIN"))))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		assertThat(yesNo(id)).isTrue();
		assertThat(this.data.auditRows(id, "EDITED")).isEqualTo(2);
	}

	/** A registration with an answer to each of the event's questions. */
	private long answered(String name) {
		long id = this.data.in(this.event)
			.person(name)
			.phone("+525512345678")
			.createdAt(AdminTest.REGISTERED)
			.create()
			.id();
		this.jdbc
			.sql("insert into registration_answer_choice (registration_id, question_id, choice_id) values (?, ?, ?)")
			.params(id, this.heard, this.heardChoices.get(0))
			.update();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, yes_no) values (?, ?, true)")
			.params(id, this.group)
			.update();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, text_value) values (?, ?, ?)")
			.params(id, this.site, "https://olga.example.org")
			.update();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, text_value) values (?, ?, ?)")
			.params(id, this.story, "Sello chico.\nDesde 2019.")
			.update();
		return id;
	}

	@Test
	void aChoiceTakenOffTheFormSinceStaysWhenStaffSaveOtherChanges() throws Exception {
		long id = answered("Olga Quitada");
		this.jdbc.sql("update event_question_choice set removed_at = now() where id = ?")
			.param(this.heardChoices.get(0))
			.update();
		String shown = page(get(edit(id)).param("lang", "es").with(as("ORGANIZER")));
		assertThat(shown).containsPattern("value=\"" + this.heardChoices.get(0) + "\"[^>]*checked")
			.contains("Por un amigo (ya no está en el formulario)");

		this.mvc
			.perform(FormAsShown.submitted(shown, post(edit(id)).with(csrf()).with(as("ORGANIZER")),
					Map.of("city", List.of("Puebla"))))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		assertThat(chosen(id)).containsExactly(this.heardChoices.get(0));
	}

	private List<Long> chosen(long id) {
		return this.jdbc.sql("select choice_id from registration_answer_choice where registration_id = ? order by 1")
			.param(id)
			.query(Long.class)
			.list();
	}

	private Boolean yesNo(long id) {
		return this.jdbc.sql("select yes_no from registration_answer where registration_id = ? and question_id = ?")
			.params(id, this.group)
			.query(Boolean.class)
			.single();
	}

	private String details(long id) {
		return this.jdbc.sql("select details from audit_log where registration_id = ? and action = 'EDITED'")
			.param(id)
			.query(String.class)
			.single();
	}

	private static String edit(long id) {
		return "/admin/registrations/" + id + "/edit";
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return StaffPages.page(this.mvc, request);
	}

}
