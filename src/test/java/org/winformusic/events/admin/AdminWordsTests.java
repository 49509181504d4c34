package org.winformusic.events.admin;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What staff read is in their language: no raw codes (SENT, APPROVED, CHECKED_IN,
 * "status: PENDING -> CONFIRMED", "evento 1"), one word for the registration's status
 * (Situación) and another for the Mexican state (Estado (entidad)), results that count in
 * real Spanish, and times that name their zone.
 */
@AdminTest
class AdminWordsTests {

	private static final String[] RAW_CODES = { "APPROVED", "PENDING", "CONFIRMED", "CHECKED_IN", "LOGIN_FAILED",
			"CAPACITY_CHANGED", "SENT", "->" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.MessageSource words;

	TestEvents events;

	TestRegistrations data;

	TestEvents.Created event;

	TestRegistrations.Registration pending;

	@BeforeEach
	void seed() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
		this.event = this.events.event().titleEndingInSlug("Taller", "Workshop").capacity(5).create();
		this.pending = this.data.in(this.event)
			.person("Rocío Palabras")
			.status("PENDING")
			.companyType("PUBLISHER")
			.state("JAL")
			.associationInterest("MAYBE")
			.createdAt(Instant.parse("2026-11-03T16:00:00Z"))
			.create();
	}

	@Test
	void theAuditLogAndTheHistoryAreInWordsWithTheEventsNameAndTheZoneNamed() throws Exception {
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id, registration_id, details) values
				  (now(), 'words@win.test', 'APPROVED', ?, ?, 'status: PENDING -> CONFIRMED'),
				  (now(), 'words@win.test', 'CHECKED_IN', ?, ?, null),
				  (now(), 'words@win.test', 'CAPACITY_CHANGED', ?, null, 'capacity: 5 -> 6'),
				  (now(), 'stranger@win.test', 'LOGIN_FAILED', null, null, null)
				""")
			.params(this.event.id(), this.pending.id(), this.event.id(), this.pending.id(), this.event.id())
			.update();

		String audit = text(page("/admin/audit?lang=es&actor=win.test", "ADMIN"));
		assertThat(audit).contains("Aprobado", "Situación: Por revisar → Confirmado",
				"Registró la llegada de la persona", "Cupo: 5 → 6", "Cupo cambiado", "Intento de acceso fallido",
				"Taller " + this.event.slug(), "UTC");
		assertThat(audit).doesNotContain(RAW_CODES).doesNotContain("evento " + this.event.id());

		String history = text(page("/admin/registrations/" + this.pending.id() + "?lang=es", "ADMIN"));
		assertThat(history).contains("Cuándo (hora de la Ciudad de México)", "Aprobado",
				"Situación: Por revisar → Confirmado");
		assertThat(history).doesNotContain(RAW_CODES).doesNotContain("(UTC)");

		String english = text(page("/admin/registrations/" + this.pending.id() + "?lang=en", "ADMIN"));
		assertThat(english).contains("When (Mexico City time)", "Approved", "Status: Pending review → Confirmed");
	}

	@Test
	void anUndoneArrivalSaysWhenThePersonHadArrivedInTheEventsZoneAndACheckInIsNotTheVolunteersOwn() throws Exception {
		// 16:55 UTC is 10:55 in Mexico City, the event's zone.
		TestRegistrations.Registration arrived = this.data.in(this.event)
			.person("Lupita Llegó")
			.checkedInAt(Instant.parse("2028-03-20T16:55:00Z"))
			.create();
		this.mvc
			.perform(post("/admin/events/" + this.event.slug() + "/checkin/" + arrived.id() + "/undo").with(csrf())
				.with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());

		String history = text(page("/admin/registrations/" + arrived.id() + "?lang=es", "ADMIN"));
		assertThat(history)
			.contains("Deshizo la llegada de la persona", "Había llegado el lunes 20 de marzo de 2028, 10:55")
			.doesNotContain("Situación: Confirmado → Confirmado");
		String english = text(page("/admin/registrations/" + arrived.id() + "?lang=en", "ADMIN"));
		assertThat(english).contains("Undid the arrival", "Had checked in on Monday 20 March 2028, 10:55");

		// Checked in again on the event's day.
		this.events.onItsDay(this.event);
		this.mvc
			.perform(post("/admin/events/" + this.event.slug() + "/checkin/" + arrived.id()).with(csrf())
				.with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		assertThat(text(page("/admin/registrations/" + arrived.id() + "?lang=en", "ADMIN")))
			.contains("Marked as arrived");
	}

	@Test
	void aNewStaffAccountsNoticeSpeaksOfOnePerson() throws Exception {
		var admin = user("admin@win.test").roles("ADMIN");
		// The notice is on the page that answers the creation, with the one-time
		// password.
		String users = text(this.mvc
			.perform(post("/admin/users").param("lang", "es")
				.with(csrf())
				.with(admin)
				.param("email", "una.persona@win.test")
				.param("displayName", "Una Persona")
				.param("role", "OPS"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(users).contains("Cuando entre con ella, tendrá que elegir su propia contraseña")
			.doesNotContain("entren")
			.doesNotContain("tendrán");
	}

	/**
	 * A check-in the phone queued is refused when the registration is no longer
	 * confirmed: cancelled, but also moved to the waitlist, declined or back to review.
	 * The phone says which, each in its own sentence: only the cancelled one says
	 * "cancelled"; the door page carries the words of every status (and the status word
	 * of a declined one, which the phone's copy may learn from such an answer).
	 */
	@Test
	void theDoorsRefusedCheckInMessageFitsEveryStatusThatIsNotConfirmed() throws Exception {
		String door = page("/admin/events/" + this.event.slug() + "/checkin?lang=es", "ORGANIZER");
		java.util.Map<String, String> said = new java.util.HashMap<>();
		for (String status : new String[] { "waitlisted", "pending", "declined", "cancelled" }) {
			Matcher rejected = Pattern.compile("data-msg-rejected-" + status + "=\"([^\"]*)\"").matcher(door);
			assertThat(rejected.find()).as(status).isTrue();
			assertThat(rejected.group(1)).as(status).startsWith("No se registró la llegada: ").contains("{0}");
			said.put(status, rejected.group(1));
		}
		assertThat(said.values()).doesNotHaveDuplicates();
		assertThat(said.get("waitlisted")).contains("lista de espera").doesNotContain("cancel");
		assertThat(said.get("pending")).contains("revisión").doesNotContain("cancel");
		assertThat(said.get("declined")).contains("rechazó").doesNotContain("cancel");
		assertThat(said.get("cancelled")).contains("se canceló");
		assertThat(door).contains("data-status-declined=\"Rechazado\"");
	}

	@Test
	void personalDataExportAndRetentionEntriesReadAsWordsWithTheRegistrationsEvent() throws Exception {
		this.jdbc
			.sql("""
					insert into audit_log (at, actor, action, event_id, registration_id, details) values
					  (now(), 'privacy@words.test', 'PERSONAL_DATA_SEARCHED', null, null, 'matches=1'),
					  (now(), 'privacy@words.test', 'REGISTRATIONS_EXPORTED', ?, null, 'format=CSV, rows=7, status=CONFIRMED'),
					  (now(), 'privacy@words.test', 'PERSONAL_DATA_ERASED', ?, ?, null),
					  (now(), 'system@words.test', 'RETENTION_APPLIED', null, null, 'suppressed=0 anonymized=3')
					""")
			.params(this.event.id(), this.event.id(), this.pending.id())
			.update();

		String audit = text(page("/admin/audit?lang=es&actor=words.test", "ADMIN"));
		assertThat(audit).contains("Búsqueda de datos personales por correo", "1 coincidencia", "Registros exportados",
				"CSV para importar (con códigos), 7 filas, Situación: Confirmado", "Datos personales borrados",
				"Registro #" + this.pending.id() + " · Taller " + this.event.slug(),
				"Se aplicó el plazo de conservación", "ningún registro suprimido, 3 anonimizados");
		assertThat(audit).doesNotContain("PERSONAL_DATA", "RETENTION_APPLIED", "matches=", "format=", "rows=",
				"anonymized=", "CONFIRMED");

		String english = text(page("/admin/audit?lang=en&actor=words.test", "ADMIN"));
		assertThat(english).contains("Personal data searched by email", "1 match",
				"CSV for imports (with codes), 7 rows, Status: Confirmed", "Personal data erased",
				"Registration #" + this.pending.id() + " · ");
	}

	@Test
	void whoActedIsInWordsWhenItIsNotAStaffMember() throws Exception {
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id, registration_id, details) values
				  (now(), 'registrant', 'NEWS_STOPPED', :event, :id, null),
				  (now(), 'system', 'PERSONAL_DATA_ERASED', :event, :id, null),
				  (now(), 'token:gafetes', 'REGISTRATIONS_EXPORTED', :event, :id, 'format=CSV, rows=1')
				""").param("event", this.event.id()).param("id", this.pending.id()).update();

		String spanish = text(page("/admin/registrations/" + this.pending.id() + "?lang=es", "ADMIN"));
		assertThat(spanish).contains("La persona registrada", "El sistema (automático)",
				"Token de exportación “gafetes”");
		assertThat(spanish).doesNotContainPattern("\\bregistrant\\b").doesNotContain("token:");
		assertThat(text(page("/admin/registrations/" + this.pending.id() + "?lang=en", "ADMIN")))
			.contains("The registrant", "The system (automatic)", "Export token “gafetes”");
	}

	@Test
	void anExportFilteredByAnAnswerNamesTheQuestionAndTheChoice() throws Exception {
		long question = this.events.question(this.event.id(), "ONE_CHOICE", "¿Cómo te enteraste?",
				"How did you hear about it?", false, "Redes sociales", "Social media", "Un colega", "A colleague");
		long colleague = this.jdbc.sql("select id from event_question_choice where question_id = ? and position = 2")
			.param(question)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id, registration_id, details)
				values (now(), 'choice@words.test', 'REGISTRATIONS_EXPORTED', ?, null, ?)
				""").params(this.event.id(), "format=CSV, rows=2, choice=" + colleague).update();

		assertThat(text(page("/admin/audit?lang=es&actor=choice@words.test", "ADMIN")))
			.contains("CSV para importar (con códigos), 2 filas, Respuesta elegida: Un colega (¿Cómo te enteraste?)")
			.doesNotContain("#" + colleague);
		assertThat(text(page("/admin/audit?lang=en&actor=choice@words.test", "ADMIN")))
			.contains("Chosen answer: A colleague (How did you hear about it?)");
	}

	/**
	 * Every action the code can write to the audit trail: each upper-case literal of a
	 * class that writes to it (through {@code AuditLog} or by publishing
	 * {@code Audited}). A new action without words in both languages fails here, not in
	 * front of an admin.
	 */
	@Test
	void everyAuditActionTheCodeCanWriteHasWordsInBothLanguages() throws Exception {
		Set<String> actions = new TreeSet<>();
		Pattern literal = Pattern.compile("\"([A-Z][A-Z0-9_]{2,})\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				// AuditWords reads the trail and writes nothing to it.
				if (!source.matches("(?s).*\\b(AuditLog|Audited)\\b.*") || file.endsWith("AuditLog.java")
						|| file.endsWith("Audited.java") || file.endsWith("AuditWords.java")) {
					continue;
				}
				Matcher found = literal.matcher(source);
				while (found.find()) {
					actions.add(found.group(1));
				}
			}
		}
		assertThat(actions).contains("APPROVED", "LOGIN_FAILED", "PERSONAL_DATA_SEARCHED", "PERSONAL_DATA_ERASED",
				"REGISTRATIONS_EXPORTED", "EVENT_UPDATED", "RETENTION_APPLIED", "EMAIL_RESENT");
		for (String file : new String[] { "messages/ux.properties", "messages/ux_es.properties" }) {
			Properties words = new Properties();
			try (Reader reader = new InputStreamReader(new ClassPathResource(file).getInputStream(),
					StandardCharsets.UTF_8)) {
				words.load(reader);
			}
			assertThat(actions).as(file)
				.allSatisfy(
						(action) -> assertThat(words.getProperty("ux.audit.action." + action)).as(action).isNotBlank());
		}
	}

	/**
	 * Every kind of email has its words wherever staff see it (the outbox, a
	 * registration's emails, a registrant's data, the audit log's resends) and a subject,
	 * in both languages.
	 */
	@Test
	void everyKindOfEmailHasWordsInBothLanguages() throws Exception {
		for (String language : new String[] { "", "_es" }) {
			Properties words = new Properties();
			for (String bundle : new String[] { "mail", "ux" }) {
				try (Reader reader = new InputStreamReader(
						new ClassPathResource("messages/" + bundle + language + ".properties").getInputStream(),
						StandardCharsets.UTF_8)) {
					words.load(reader);
				}
			}
			for (RegistrationMessage.Type kind : RegistrationMessage.Type.values()) {
				for (String key : new String[] { "mail.kind.", "mail.subject.", "ux.audit.email." }) {
					assertThat(words.getProperty(key + kind.name())).as(language + " " + key + kind).isNotBlank();
				}
			}
		}
	}

	@Test
	void theRegistrationStatusIsSituacionAndTheMexicanStateIsEstadoEntidad() throws Exception {
		String list = text(page("/admin/events/" + this.event.slug() + "/registrations?lang=es", "ORGANIZER"));
		assertThat(list).contains("Situación", "Estado (entidad)").doesNotContain("Estado del registro");
		String detail = text(page("/admin/registrations/" + this.pending.id() + "?lang=es", "ORGANIZER"));
		assertThat(detail).contains("Estado (entidad)");
	}

	@Test
	void aPendingRegistrationHasOneWayInAndItsRowCanBeApprovedFromTheList() throws Exception {
		String detail = page("/admin/registrations/" + this.pending.id() + "?lang=es", "ORGANIZER");
		assertThat(text(detail)).contains("Aprobar", "si el evento está lleno, pasa a la lista de espera");
		assertThat(detail).contains("/admin/registrations/" + this.pending.id() + "/approve")
			.doesNotContain("/admin/registrations/" + this.pending.id() + "/confirm\"");
		String list = page("/admin/events/" + this.event.slug() + "/registrations?lang=es", "ORGANIZER");
		assertThat(list).contains("form=\"approve-" + this.pending.id() + "\"", "Aprobar a Rocío Palabras");

		this.mvc
			.perform(post("/admin/registrations/" + this.pending.id() + "/approve").param("list", "status=PENDING")
				.param("lang", "es")
				.with(user("o@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/events/" + this.event.slug() + "/registrations?status=PENDING"))
			.andExpect(flash().attribute("notice", Notice.ok("ux.row.approved", "Rocío Palabras")));
		assertThat(this.data.status(this.pending.id())).isEqualTo("CONFIRMED");
	}

	/**
	 * Approving someone into an event that filled up puts them on the waitlist: the
	 * notice says so, from the list and from the detail page, instead of "they have a
	 * seat".
	 */
	@Test
	void approvingIntoAFullEventSaysThePersonWaits() throws Exception {
		TestEvents.Created full = new TestEvents(this.jdbc).event().capacity(0).requiringApproval().create();
		long fromList = this.data.in(full).person("Lista Llena").status("PENDING").create().id();
		long fromDetail = this.data.in(full).person("Detalle Lleno").status("PENDING").create().id();
		this.mvc
			.perform(post("/admin/registrations/" + fromList + "/approve").param("list", "status=PENDING")
				.with(user("o@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.row.approvedWaitlisted", "Lista Llena")));
		this.mvc
			.perform(post("/admin/registrations/" + fromDetail + "/approve").with(user("o@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("admin.action.approvedWaitlisted")));
		assertThat(this.data.status(fromList)).isEqualTo("WAITLISTED");
		assertThat(this.data.status(fromDetail)).isEqualTo("WAITLISTED");
		assertThat(this.words.getMessage("ux.row.approvedWaitlisted", new Object[] { "Lista Llena" },
				Locale.forLanguageTag("es")))
			.isEqualTo(
					"Se aprobó a Lista Llena, pero ya no quedaba lugar: pasó a la lista de espera, y el correo para avisarle"
							+ " quedó en cola; sale en cuanto el servidor de correo lo acepte.");
	}

	@Test
	void aBulkResultCountsInRealSpanishForOnePerson() throws Exception {
		this.mvc
			.perform(post("/admin/events/" + this.event.slug() + "/registrations/bulk").param("action", "DECLINE")
				.param("ids", String.valueOf(this.pending.id()))
				.param("confirmed", "true")
				.param("lang", "es")
				.with(user("o@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text", "Se rechazó 1 registro.")));
	}

	@Test
	void aFailedLoginKeepsTheEmailTypedWithoutPuttingItInTheAddress() throws Exception {
		MvcResult failed = this.mvc.perform(
				post("/admin/login").param("username", "typed.person@win.test").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/admin/login?error"))
			.andReturn();
		Cookie kept = failed.getResponse().getCookie("login_email");
		assertThat(kept).isNotNull();
		assertThat(kept.isHttpOnly()).isTrue();
		String login = this.mvc.perform(get("/admin/login?error").cookie(kept))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(login).contains("value=\"typed.person@win.test\"");
	}

	@Test
	void livenessAndReadinessAnswerForTheContainerHealthcheck() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

	private String page(String url, String role) throws Exception {
		return this.mvc.perform(get(url).with(user(role.toLowerCase() + "@win.test").roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** What a reader sees: the page without its tags (codes in attributes are fine). */
	private static String text(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", "")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&gt;", ">")
			.replace("&lt;", "<")
			.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replaceAll("[ \\t]+", " ");
	}

}
