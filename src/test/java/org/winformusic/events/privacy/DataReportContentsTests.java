package org.winformusic.events.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.winformusic.events.registration.ManageTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access right gives the person every piece of personal data held, in words they can
 * read: the text of the staff notes, what each change changed (the old address, phone and
 * company staff see in the history), and which address each email went to, an old one
 * included; the file's times in the event's zone, the file named in the page's language.
 */
class DataReportContentsTests extends PersonalDataTestSupport {

	@Autowired
	ManageTokens tokens;

	@Test
	void theReportHoldsTheNotesTextWhatEachChangeChangedAndWhereEachEmailWent() throws Exception {
		String marker = marker();
		String slug = event(Duration.ofDays(10), 5);
		Person person = Person.marked(marker, "+52 55 2468 1357");
		String token = register(slug, person);
		long id = registrationId(person.email());
		this.sender.sendDueMessages();
		// Staff are told where a note goes before they write it.
		assertThat(body(asAdmin(get("/admin/registrations/" + id).param("lang", "es"))))
			.contains("Agregar una nota del equipo")
			.contains("si la persona pide una copia de sus datos, la nota va incluida");
		String note = "Pidió factura a nombre de " + marker;
		act(post("/admin/registrations/" + id + "/notes").param("body", note));
		String newEmail = "nueva." + marker + "@example.org";
		String newCompany = "Nuevo Sello " + marker;
		act(post("/admin/registrations/" + id + "/edit").param("fullName", person.fullName())
			.param("email", newEmail)
			.param("company", newCompany)
			.param("jobTitle", person.jobTitle())
			.param("companyType", "DISTRIBUTOR")
			.param("state", "CMX")
			.param("city", person.city())
			.param("phone", "+525511112222")
			.param("associationInterest", person.interest())
			.param("referralSource", person.referralSource())
			.param("comments", person.comments())
			.param("newsOptIn", "true"));
		this.sender.sendDueMessages();
		// The staff change of address ended the old links; the new address's email holds
		// a new one.
		assertThat(this.mvc.perform(get("/r/" + token + "/data")).andReturn().getResponse().getStatus()).isEqualTo(404);
		token = this.tokens.issue(id);

		String page = body(get("/r/" + token + "/data").param("lang", "es"));
		// Each field by the name the public form gives it, not staff's.
		assertThat(page).contains("Los organizadores corrigieron tus datos")
			.contains("Correo electrónico: " + person.email() + " → " + newEmail)
			.contains("Estado: Jalisco → Ciudad de México")
			.doesNotContain("Estado (entidad)")
			.contains("Empresa o sello: " + person.company() + " → " + newCompany)
			.contains("Teléfono: 55 2468 1357 → 55 1111 2222")
			.contains("Tipo de empresa: Editorial musical → Distribuidora")
			.contains("Notas de los organizadores")
			.contains(note)
			// The confirmation and the notice of the change went to the old address, the
			// new link to the new one.
			.contains("<dt>Para</dt><dd>" + person.email() + "</dd>")
			.contains("<dt>Para</dt><dd>" + newEmail + "</dd>")
			.doesNotContain("privacy-admin@win.test");

		MvcResult file = this.mvc.perform(get("/r/" + token + "/data.json").param("lang", "es")).andReturn();
		assertThat(file.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"mis-datos-" + slug + ".json\"");
		JsonNode report = JsonMapper.builder()
			.build()
			.readTree(file.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(report.get("timeZone").asString()).isEqualTo("America/Mexico_City");
		// Mexico City keeps UTC-6 all year.
		assertThat(report.get("generatedAt").asString()).endsWith("-06:00");
		assertThat(report.get("registration").get("createdAt").asString()).endsWith("-06:00");
		assertThat(report.get("notes").get(0).get("text").asString()).isEqualTo(note);
		assertThat(report.get("notes").get(0).get("at").asString()).endsWith("-06:00");
		assertThat(report.toString()).doesNotContain("privacy-admin@win.test");
		List<String> changes = new ArrayList<>();
		for (JsonNode item : report.get("history")) {
			if (item.get("action").asString().equals("EDITED")) {
				assertThat(item.get("what").asString()).isEqualTo("Los organizadores corrigieron tus datos");
				item.get("changes").forEach((change) -> changes.add(change.asString()));
			}
		}
		assertThat(changes).contains("Correo electrónico: " + person.email() + " → " + newEmail,
				"Teléfono: 55 2468 1357 → 55 1111 2222");
		List<String> sent = new ArrayList<>();
		for (JsonNode email : report.get("emails")) {
			sent.add(email.get("kind").asString() + " " + email.get("what").asString() + " → "
					+ email.get("to").asString() + " (" + email.get("statusText").asString() + ")");
		}
		assertThat(sent).contains("CONFIRMED Confirmación → " + person.email() + " (Enviado)",
				"EMAIL_CHANGED_OLD Cambio de correo, aviso a la dirección anterior → " + person.email() + " (Enviado)",
				"EMAIL_CHANGED Correo nuevo, con el enlace personal → " + newEmail + " (Enviado)");

		MvcResult english = this.mvc.perform(get("/r/" + token + "/data.json").param("lang", "en")).andReturn();
		assertThat(english.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"my-data-" + slug + ".json\"");
		assertThat(body(get("/r/" + token + "/data").param("lang", "es")))
			.contains("download=\"mis-datos-" + slug + ".json\"");
	}

	/**
	 * A seat given from the waitlist is the system's doing, not the organizers': the
	 * history says what happened, in words, as for every change a registration's trail
	 * can hold.
	 */
	@Test
	void aSeatFromTheWaitlistIsNamedInTheHistoryAndEveryRegistrationActionHasWords() throws Exception {
		String slug = event(Duration.ofDays(10), 1);
		String first = register(slug, Person.marked(marker(), "+52 55 2468 1357"));
		Person waiting = Person.marked(marker(), "+52 55 1357 2468");
		String token = register(slug, waiting);
		this.mvc.perform(post("/r/" + first + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(body(get("/r/" + token + "/data").param("lang", "es")))
			.contains("Se abrió un lugar y pasaste de la lista de espera a confirmado")
			.doesNotContain("Cambio registrado por los organizadores");
		assertThat(body(get("/r/" + token + "/data").param("lang", "en")))
			.contains("A seat opened up and you moved from the waitlist to confirmed");

		// Staff-side actions that are not about one registration have no place in it.
		List<String> notAboutARegistration = List.of("CAPACITY_CHANGED", "EVENT_CREATED", "EVENT_UPDATED", "LOGIN",
				"LOGIN_FAILED", "LOGIN_THROTTLED", "PASSWORD_CHANGED", "STAFF_USER_BOOTSTRAPPED", "STAFF_USER_CREATED",
				"STAFF_USER_ENABLED", "STAFF_USER_DISABLED", "STAFF_USER_ROLE_CHANGED", "STAFF_USER_PASSWORD_RESET",
				"REGISTRATIONS_EXPORTED", "PERSONAL_DATA_SEARCHED", "PERSONAL_DATA_ERASED", "RETENTION_APPLIED",
				"API_TOKEN_CREATED", "API_TOKEN_REVOKED", "PRINTED");
		Properties staffWords = properties("messages/ux.properties");
		List<String> actions = new ArrayList<>();
		for (String key : staffWords.stringPropertyNames()) {
			if (key.startsWith("ux.audit.action.")
					&& !notAboutARegistration.contains(key.substring("ux.audit.action.".length()))) {
				actions.add(key.substring("ux.audit.action.".length()));
			}
		}
		assertThat(actions).contains("PROMOTED", "REGISTERED_AT_DOOR", "CHECKED_IN");
		for (String file : new String[] { "messages/privacy.properties", "messages/privacy_es.properties" }) {
			Properties words = properties(file);
			assertThat(actions).as(file)
				.allSatisfy(
						(action) -> assertThat(words.getProperty("privacy.history." + action)).as(action).isNotBlank());
		}
	}

	/**
	 * Everything the page says to the registrant is said to them, in second person, also
	 * where staff pages word the same code about them ("Pasó a la lista de espera"): the
	 * history, the emails' kinds and a status change.
	 */
	@Test
	void theHistoryAndTheEmailsSpeakToTheRegistrant() throws Exception {
		String slug = event(Duration.ofDays(10), 1);
		Person person = Person.marked(marker(), "+52 55 4646 5757");
		String token = register(slug, person);
		register(slug, Person.marked(marker(), "+52 55 4646 6868"));
		long id = registrationId(person.email());
		// The organizers give the seat to the person waiting.
		act(post("/admin/registrations/" + id + "/waitlist"));
		this.sender.sendDueMessages();

		assertThat(body(get("/r/" + token + "/data").param("lang", "es")))
			.contains("Ya no tienes lugar confirmado: pasaste a la lista de espera")
			.contains("Estado de tu registro: Confirmado → Lista de espera")
			.contains("<dt>Qué</dt><dd>Ya no tienes lugar confirmado: pasaste a la lista de espera</dd>")
			.doesNotContain("Pasó a la lista de espera")
			.doesNotContain("Ya no tiene lugar")
			.doesNotContain("Situación");
		assertThat(body(get("/r/" + token + "/data").param("lang", "en")))
			.contains("Your seat is no longer confirmed: you moved to the waitlist")
			.contains("Registration status: Confirmed → Waitlist")
			.doesNotContain("Seat withdrawn");
		JsonNode file = JsonMapper.builder()
			.build()
			.readTree(body(get("/r/" + token + "/data.json").param("lang", "es")));
		List<String> history = new ArrayList<>();
		file.get("history").forEach((item) -> history.add(item.get("what").asString()));
		assertThat(history).contains("Ya no tienes lugar confirmado: pasaste a la lista de espera");
		List<String> emails = new ArrayList<>();
		file.get("emails").forEach((email) -> emails.add(email.get("what").asString()));
		assertThat(emails).contains("Ya no tienes lugar confirmado: pasaste a la lista de espera");
		// Staff pages keep their own words.
		assertThat(body(asAdmin(get("/admin/registrations/" + id))).replace("&#39;", "'"))
			.contains("Pasado a la lista de espera");
	}

	/**
	 * A request under review moved to the waitlist was approved, not stripped of a seat
	 * it never had: the history and the email say so, in the registrant's words.
	 */
	@Test
	void aRequestMovedToTheWaitlistReadsAsApprovedNotAsASeatTakenAway() throws Exception {
		String slug = new org.winformusic.events.TestEvents(this.jdbc).event()
			.slugPrefix("privacy")
			.title("Taller con revisión", "Reviewed workshop")
			.startsAt(this.clock.instant().plus(Duration.ofDays(10)))
			.capacity(1)
			.requiringApproval()
			.create()
			.slug();
		Person seated = Person.marked(marker(), "+52 55 4747 5858");
		register(slug, seated);
		act(post("/admin/registrations/" + registrationId(seated.email()) + "/approve"));
		Person person = Person.marked(marker(), "+52 55 4747 6969");
		String token = register(slug, person);
		act(post("/admin/registrations/" + registrationId(person.email()) + "/waitlist"));
		this.sender.sendDueMessages();

		assertThat(body(get("/r/" + token + "/data").param("lang", "es")))
			.contains("Los organizadores aprobaron tu registro y, como ya no quedaban lugares, "
					+ "pasaste a la lista de espera")
			.contains("<dt>Qué</dt><dd>Aprobamos tu registro; quedaste en la lista de espera</dd>")
			.doesNotContain("Ya no tienes lugar confirmado");
		assertThat(body(get("/r/" + token + "/data").param("lang", "en")))
			.contains("The organizers approved your registration and, with no seats left, moved you to the waitlist")
			.doesNotContain("Your seat is no longer confirmed");
	}

	/** Every email kind has the registrant's own words, in both languages. */
	@Test
	void everyEmailKindHasTheRegistrantsWords() throws Exception {
		List<String> kinds = new ArrayList<>();
		for (String key : properties("messages/mail.properties").stringPropertyNames()) {
			if (key.startsWith("mail.kind.") || key.startsWith("mail.status.")) {
				kinds.add(key.substring("mail.".length()));
			}
		}
		assertThat(kinds).contains("kind.SEAT_WITHDRAWN", "status.SKIPPED");
		for (String file : new String[] { "messages/privacy.properties", "messages/privacy_es.properties" }) {
			Properties words = properties(file);
			assertThat(kinds).as(file)
				.allSatisfy((kind) -> assertThat(words.getProperty("privacy.email." + kind)).as(kind).isNotBlank());
		}
	}

	private static Properties properties(String file) throws java.io.IOException {
		Properties words = new Properties();
		try (var reader = new java.io.InputStreamReader(
				new org.springframework.core.io.ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			words.load(reader);
		}
		return words;
	}

}
