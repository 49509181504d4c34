package org.winformusic.events.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
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
 * An edit form saved as it was shown, by staff or by the registrant, changes nothing: no
 * new version (an edit form open elsewhere still saves), no new time, nothing in the
 * history, and the page says nothing changed. The answers to the event's own questions
 * count as details: a save that changes only them is saved, and the history names the
 * questions.
 */
@AdminTest
class UnchangedSaveTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	ManageTokens tokens;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void aStaffSaveThatChangesNothingKeepsTheVersionRecordsNothingAndSaysSo() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event)
			.person("Nora Igual")
			.phone("+525512345678")
			.referralSource("Instagram")
			.comments("Llego tarde.\nVoy con mi socia.")
			.createdAt(AdminTest.REGISTERED)
			.create()
			.id();
		String edit = "/admin/registrations/" + id + "/edit";
		String organizerForm = page(get(edit).with(as("ORGANIZER")));
		String adminForm = page(get(edit).with(as("ADMIN")));
		// The phone as people write it, as the detail page shows it; saved as it was.
		assertThat(organizerForm).contains("value=\"55 1234 5678\"").doesNotContain("+525512345678");
		String before = stored(id);

		Cookie session = saveUnchanged(edit, organizerForm);

		assertThat(stored(id)).isEqualTo(before);
		assertThat(this.data.auditRows(id, "EDITED")).isZero();
		// The page the save leads to says so, in the staff's language.
		assertThat(text(page(get("/admin/registrations/" + id).cookie(session).with(as("ORGANIZER")))))
			.contains("No hubo cambios: los datos ya estaban así. No se guardó nada ni se agregó nada al historial.")
			.doesNotContain("Datos guardados.");
		session = saveUnchanged(edit, organizerForm);
		assertThat(
				text(page(get("/admin/registrations/" + id).cookie(session).param("lang", "en").with(as("ORGANIZER")))))
			.contains(
					"Nothing changed: the details were already like that. Nothing was saved or added to the history.");
		assertThat(stored(id)).isEqualTo(before);

		// The form another organizer had open is not stale: nothing changed.
		this.mvc
			.perform(FormAsShown.submitted(adminForm, post(edit).with(csrf()).with(as("ADMIN")),
					Map.of("city", List.of("Puebla"))))
			.andExpect(redirectedUrl("/admin/registrations/" + id))
			.andExpect(flash().attribute("notice", Notice.ok("admin.edit.saved")));
		assertThat(this.jdbc.sql("select details from audit_log where registration_id = ? and action = 'EDITED'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("city: Ciudad de México -> Puebla");
	}

	@Test
	void aRegistrantSaveThatChangesNothingIsNotSavedButAChangedAnswerIsAndTheHistoryNamesTheQuestion()
			throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long interests = this.events.question(event.id(), "MANY_CHOICES", "¿Qué te interesa?", "What interests you?",
				false, "Giras", "Touring", "Derechos", "Rights", "Distribución", "Distribution");
		List<Long> choices = this.events.choiceIds(interests);
		long group = this.events.question(event.id(), "YES_NO", "¿Vienes en grupo?", "Are you coming as a group?",
				false);
		long site = this.events.question(event.id(), "SHORT_TEXT", "¿Tu sitio web?", "Your website?", false);
		long story = this.events.question(event.id(), "LONG_TEXT", "Cuéntanos de tu sello", "Tell us about your label",
				false);
		long id = this.data.in(event)
			.person("Olga Respuestas")
			.phone("+525512345678")
			.newsOptIn(true)
			.createdAt(AdminTest.REGISTERED)
			.create()
			.id();
		this.jdbc
			.sql("insert into registration_answer_choice (registration_id, question_id, choice_id) values (?, ?, ?)")
			.params(id, interests, choices.get(2))
			.update();
		this.jdbc
			.sql("insert into registration_answer_choice (registration_id, question_id, choice_id) values (?, ?, ?)")
			.params(id, interests, choices.get(0))
			.update();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, yes_no) values (?, ?, true)")
			.params(id, group)
			.update();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, text_value) values (?, ?, ?)")
			.params(id, site, "https://olga.example.org")
			.update();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, text_value) values (?, ?, ?)")
			.params(id, story, "Sello chico.\nDesde 2019.")
			.update();
		String manage = "/r/" + this.tokens.issue(id);
		String form = page(get(manage + "/edit"));
		String secondWindow = page(get(manage + "/edit"));
		assertThat(form).contains("value=\"55 1234 5678\"").doesNotContain("+525512345678");
		String before = stored(id);

		this.mvc.perform(FormAsShown.submitted(form, post(manage + "/edit").with(csrf())))
			.andExpect(redirectedUrl(manage + "?unchanged"));

		assertThat(stored(id)).isEqualTo(before);
		assertThat(this.data.auditRows(id, "EDITED_BY_REGISTRANT")).isZero();
		assertThat(page(get(manage).param("unchanged", "").param("lang", "es")))
			.contains(this.messages.getMessage("registration.manage.unchanged", null, SPANISH))
			.doesNotContain(this.messages.getMessage("registration.manage.saved", null, SPANISH));
		assertThat(page(get(manage).param("unchanged", "").param("lang", "en")))
			.contains("Nothing changed: your details were already like that");

		// Only answers change (one is cleared), in the form still open in another window.
		this.mvc
			.perform(FormAsShown.submitted(secondWindow, post(manage + "/edit").with(csrf()), Map.of("q" + interests,
					List.of(choices.get(1).toString()), "q" + group, List.of("false"), "q" + site, List.of(""))))
			.andExpect(redirectedUrl(manage + "?saved"));
		assertThat(stored(id)).isNotEqualTo(before);
		assertThat(this.jdbc
			.sql("select details from audit_log where registration_id = ? and action = 'EDITED_BY_REGISTRANT'")
			.param(id)
			.query(String.class)
			.single())
			.isEqualTo("answer." + interests + ": " + choices.get(0) + "," + choices.get(2) + " -> " + choices.get(1)
					+ "\nanswer." + group + ": true -> false\nanswer." + site + ": https://olga.example.org -> null");
		assertThat(text(page(get("/admin/registrations/" + id).with(as("ORGANIZER")).param("lang", "es"))))
			.contains("¿Qué te interesa?: Giras, Distribución → Derechos", "¿Vienes en grupo?: Sí → No",
					"¿Tu sitio web?: https://olga.example.org → (vacío)")
			.doesNotContain("answer.");
		assertThat(text(page(get("/admin/registrations/" + id).with(as("ORGANIZER")).param("lang", "en"))))
			.contains("What interests you?: Touring, Distribution → Rights", "Are you coming as a group?: Yes → No");
	}

	@Test
	void aPhoneOfAnotherCountryWithAnExtensionOrTypedFreelyIsShownAsWrittenAndSavedBackUnchanged() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		// Another country's number, an extension, and one stored as typed before numbers
		// were stored in E.164 (a save that changes nothing leaves it so).
		Map<String, String> shown = Map.of("+573001234567", "+57 300 1234567", "+525512345678 ext. 12",
				"55 1234 5678 ext. 12", "55 1234 5678", "55 1234 5678");
		for (String phone : shown.keySet()) {
			long id = this.data.in(event)
				.person("Pablo Fono")
				.phone(phone)
				.createdAt(AdminTest.REGISTERED)
				.create()
				.id();
			String manage = "/r/" + this.tokens.issue(id);
			String form = page(get(manage + "/edit"));
			assertThat(form).contains("value=\"" + shown.get(phone) + "\"");
			String before = stored(id);

			this.mvc.perform(FormAsShown.submitted(form, post(manage + "/edit").with(csrf())))
				.andExpect(redirectedUrl(manage + "?unchanged"));
			String edit = "/admin/registrations/" + id + "/edit";
			saveUnchanged(edit, page(get(edit).with(as("ORGANIZER"))));

			assertThat(stored(id)).contains(phone).isEqualTo(before);
			assertThat(this.data.auditRows(id, "EDITED_BY_REGISTRANT")).isZero();
			assertThat(this.data.auditRows(id, "EDITED")).isZero();
		}
	}

	/** Saves the staff form as shown; returns the session the notice is in. */
	private Cookie saveUnchanged(String edit, String form) throws Exception {
		return this.mvc.perform(FormAsShown.submitted(form, post(edit).with(csrf()).with(as("ORGANIZER"))))
			.andExpect(redirectedUrl(edit.replace("/edit", "")))
			.andExpect(flash().attribute("notice", Notice.ok("admin.edit.unchanged")))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	/** What a save writes: the version, the time and the answers. */
	private String stored(long id) {
		return this.jdbc
			.sql("""
					select r.version || ' ' || r.updated_at || ' ' || r.full_name || ' ' || r.phone || ' ' || r.news_opt_in || ' '
					       || coalesce((select string_agg(a.question_id || '=' || coalesce(a.text_value, a.yes_no::text),
					                                      ';' order by a.question_id)
					                      from registration_answer a where a.registration_id = r.id), '') || ' '
					       || coalesce((select string_agg(c.question_id || '=' || c.choice_id, ';' order by c.choice_id)
					                      from registration_answer_choice c where c.registration_id = r.id), '')
					  from registration r where r.id = ?
					""")
			.param(id)
			.query(String.class)
			.single();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return StaffPages.page(this.mvc, request);
	}

}
