package org.winformusic.events.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.QrCodes;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff outbox pages, the backlog metrics and the health details. */
class OutboxPageTests extends MailIntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.context.MessageSource words;

	private long messageId(long registrationId) {
		return this.jdbc.sql("select id from outbox_message where registration_id = ?")
			.param(registrationId)
			.query(Long.class)
			.single();
	}

	private long failedMessage(String email) throws Exception {
		long registration = confirm("Rechazada", email, "es");
		try (FakeSmtpServer smtp = new FakeSmtpServer().onlyFor(email).rcptReplies("550 5.1.1 no such user")) {
			senderTo(smtp.port()).sendDueMessages();
		}
		assertThat(outboxStatus(registration)).isEqualTo("FAILED");
		return messageId(registration);
	}

	@Test
	void theOutboxListShowsFailedMessagesWithRecipientAndErrorFilteredByStatus() throws Exception {
		String failed = TestRegistrations.uniqueEmail("failed");
		failedMessage(failed);
		String sent = TestRegistrations.uniqueEmail("sent");
		confirm("Enviada", sent, "es");
		this.sender.sendDueMessages();

		this.mvc.perform(get("/admin/outbox").param("status", "FAILED").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(failed)))
			.andExpect(content()
				.string(containsString("El servidor de correo rechazó la dirección del destinatario (código 550)")))
			.andExpect(content().string(not(containsString("SMTPAddressFailedException"))))
			.andExpect(content().string(not(containsString(sent))));
		this.mvc.perform(get("/admin/outbox").param("lang", "en").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(failed)))
			.andExpect(content().string(containsString(sent)))
			.andExpect(content().string(containsString("Outbox")));
		this.mvc
			.perform(get("/admin/outbox").param("status", "nonsense").param("page", "x").with(user("ops").roles("OPS")))
			.andExpect(status().isOk());
	}

	/**
	 * Emails queued while staff page through the list do not push rows onto the next
	 * page, where they would be read twice: the pages of one reading end at the newest
	 * message of its first page.
	 */
	@Test
	void messagesQueuedWhileStaffPageThroughTheListDoNotRepeatRowsOnTheNextPage() throws Exception {
		String tag = TestRegistrations.uniqueEmail("page").replace("@", "-");
		try {
			queue(tag, 60, "2100-01-01");
			String first = this.mvc.perform(get("/admin/outbox").with(user("ops").roles("OPS")))
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(first).contains(tag + "-59@").contains(tag + "-10@").doesNotContain(tag + "-9@");
			String next = first.replaceAll("(?s).*href=\"(/admin/outbox\\?[^\"]*page=1[^\"]*)\".*", "$1")
				.replace("&amp;", "&");
			assertThat(next).contains("upTo=");

			queue(tag + "-new", 3, "2101-01-01");
			String second = this.mvc.perform(get(next).with(user("ops").roles("OPS")))
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(second).contains(tag + "-9@", tag + "-0@")
				.doesNotContain(tag + "-10@", tag + "-11@", tag + "-12@", tag + "-new");
			// A new reading starts with the newest.
			assertThat(this.mvc.perform(get("/admin/outbox").with(user("ops").roles("OPS")))
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(tag + "-new-2@");
		}
		finally {
			this.jdbc.sql("delete from outbox_message where recipient like ?").param(tag + "-%").update();
		}
	}

	/**
	 * {@code count} messages to {@code <tag>-<n>@example.org}, queued a minute apart from
	 * {@code day}.
	 */
	private void queue(String tag, int count, String day) {
		this.jdbc.sql("""
				insert into outbox_message (kind, recipient, locale, subject, message_id, status, next_attempt_at,
				    created_at)
				select 'CONFIRMED', :tag || '-' || g || '@example.org', 'es', 'Hola', :tag || '-' || g || '@test',
				       'PENDING', :day::timestamptz, :day::timestamptz + g * interval '1 minute'
				  from generate_series(0, :count - 1) g
				""").param("tag", tag).param("count", count).param("day", day).update();
	}

	/**
	 * QA's case, during a mail outage: the list and the message said "ConnectException",
	 * and the oldest pending message read 0 seconds between retries although it had
	 * waited for minutes. Staff now read what happened and when it is tried again (the
	 * list in UTC, the message in its event's zone), and how long the oldest unsent email
	 * has waited since it was queued. What is stored stays the exception's name.
	 */
	@Test
	void duringAMailOutageStaffReadWhatHappenedWhenItIsTriedAgainAndHowLongTheOldestWaits() throws Exception {
		String email = TestRegistrations.uniqueEmail("outage");
		long registration = confirm("Sin Correo", email, "es");
		long id = messageId(registration);
		this.mvc.perform(get("/admin/outbox/{id}", id).param("lang", "es").with(user("org").roles("ORGANIZER")))
			.andExpect(content().string(containsString("Próximo intento")));
		senderTo(OutboxDeliveryTests.closedPort()).sendDueMessages();
		this.jdbc.sql("update outbox_message set created_at = created_at - interval '12 minutes'").update();
		Instant retry = this.jdbc.sql("select next_attempt_at from outbox_message where id = ?")
			.param(id)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(this.jdbc.sql("select last_error from outbox_message where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("ConnectException");
		String utc = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
			.format(retry.atZone(java.time.ZoneOffset.UTC));
		String mexico = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
			.format(retry.atZone(java.time.ZoneId.of("America/Mexico_City")));

		this.mvc.perform(get("/admin/outbox").param("lang", "es").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No se pudo conectar con el servidor de correo.")))
			.andExpect(content().string(containsString("Se volverá a intentar a las " + utc + ".")))
			.andExpect(content().string(containsString("Tiempo de espera del correo pendiente más antiguo")))
			.andExpect(content().string(containsString("12 minutos")))
			.andExpect(content().string(not(containsString("ConnectException"))));
		this.mvc.perform(get("/admin/outbox/{id}", id).param("lang", "es").with(user("org").roles("ORGANIZER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No se pudo conectar con el servidor de correo.")))
			.andExpect(content().string(containsString("Se volverá a intentar a las " + mexico + ".")))
			.andExpect(content().string(not(containsString("Próximo intento"))))
			.andExpect(content().string(not(containsString("ConnectException"))));
		this.mvc.perform(get("/admin/outbox").param("lang", "en").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Could not connect to the mail server.")))
			.andExpect(content().string(containsString("It will be tried again at " + utc + ".")))
			.andExpect(content().string(containsString("12 minutes")));

		makeEverythingDue();
		this.mvc.perform(get("/admin/outbox/{id}", id).param("lang", "es").with(user("org").roles("ORGANIZER")))
			.andExpect(content().string(containsString("Ya le toca otro intento")));
		this.mvc
			.perform(
					get("/actuator/metrics/winevents.outbox.oldest.waiting.age.seconds").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(org.hamcrest.Matchers.greaterThanOrEqualTo(720.0)));
	}

	@Test
	void aStoredErrorTheWordsDoNotNameKeepsItsDetailInSmallPrint() throws Exception {
		long registration = confirm("Rara", TestRegistrations.uniqueEmail("odd"), "es");
		long id = messageId(registration);
		this.jdbc
			.sql("update outbox_message set status = 'FAILED', attempts = 8, last_error = 'IllegalStateException'"
					+ " where id = ?")
			.param(id)
			.update();

		this.mvc.perform(get("/admin/outbox/{id}", id).param("lang", "es").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No se pudo enviar por un error que no sabemos describir.")))
			.andExpect(content().string(containsString("(detalle técnico: IllegalStateException)")))
			.andExpect(content().string(not(containsString("Se volverá a intentar"))));
		assertThat(SendError.of("SMTPSendFailedException 421").key()).isEqualTo("mail.error.deferred");
		assertThat(SendError.of("AuthenticationFailedException").key()).isEqualTo("mail.error.auth");
		assertThat(SendError.of("SocketTimeoutException").key()).isEqualTo("mail.error.timeout");
	}

	@Test
	void theResendNoticeSaysTheCopyIsQueuedNotThatItWasSent() throws Exception {
		long registration = confirm("Copia", TestRegistrations.uniqueEmail("notice"), "es");
		this.sender.sendDueMessages();
		long id = messageId(registration);

		var resent = this.mvc
			.perform(post("/admin/outbox/{id}/resend", id).param("lang", "es")
				.with(csrf())
				.with(user("org").roles("ORGANIZER")))
			.andExpect(flash().attribute("resend", "COPIED"))
			.andReturn();
		this.mvc
			.perform(get("/admin/outbox/{id}", id).param("lang", "es")
				.cookie(resent.getResponse().getCookie("SESSION"))
				.with(user("org").roles("ORGANIZER")))
			.andExpect(content().string(containsString(
					"Se puso en cola una copia del mensaje: sale en cuanto el servidor de correo la acepte.")))
			.andExpect(content().string(not(containsString("unos segundos"))));
		assertThat(this.words.getMessage("mail.resend.REQUEUED", null, java.util.Locale.ENGLISH))
			.isEqualTo("The message is queued again: it goes out as soon as the mail server accepts it."
					+ " This page shows how it goes.");
	}

	@Test
	void theOutboxNeedsAStaffLogin() throws Exception {
		this.mvc.perform(get("/admin/outbox").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/outbox")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/outbox").with(user("someone").roles("USER"))).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void aMessageShowsItsHeadersAndTextWhileItsHtmlPartIsServedSandboxed() throws Exception {
		String email = TestRegistrations.uniqueEmail("view");
		long registration = confirm("Vista Previa", email, "es");
		this.sender.sendDueMessages();
		long id = messageId(registration);
		String messageId = to(email).getMessageID();

		this.mvc.perform(get("/admin/outbox/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("events@test.invalid")))
			.andExpect(content().string(containsString(messageId.replace("<", "&lt;").replace(">", "&gt;"))))
			.andExpect(content().string(containsString("Tu registro está confirmado")))
			.andExpect(content().string(containsString("Hola, Vista Previa:")))
			.andExpect(content().string(containsString("BEGIN:VCALENDAR")))
			.andExpect(content().string(containsString("/admin/outbox/" + id + "/html")))
			.andExpect(content().string(not(containsString("<table role=\"presentation\""))))
			// Staff read the message without the registrant's personal link.
			.andExpect(content().string(containsString("/r/…")))
			.andExpect(content().string(not(matchesPattern("(?s).*/r/[A-Za-z0-9_-]{43}.*"))));

		this.mvc.perform(get("/admin/outbox/{id}/html", id))
			.andExpect(content().string(not(matchesPattern("(?s).*/r/[A-Za-z0-9_-]{43}.*"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("script-src"))))
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<table role=\"presentation\"")))
			// No pass is drawn for staff's copy: a box says where the QR code
			// goes instead of a broken image (cid: does not load in a browser).
			.andExpect(content().string(not(containsString("cid:checkin-qr"))))
			.andExpect(content().string(containsString("El código QR del pase de entrada de esta persona")))
			.andExpect(content().string(not(containsString("data:image/png"))));

		this.mvc.perform(get("/admin/outbox/{id}/html", 99999999)).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/outbox/{id}", 99999999)).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/outbox/{id}", "abc")).andExpect(status().isNotFound());
	}

	@Test
	void anOrganizerResendsAFailedMessageWhichIsThenDeliveredOnceUnderItsMessageId() throws Exception {
		String email = TestRegistrations.uniqueEmail("resend");
		long id = failedMessage(email);
		String storedId = this.jdbc.sql("select message_id from outbox_message where id = ?")
			.param(id)
			.query(String.class)
			.single();

		this.mvc.perform(post("/admin/outbox/{id}/resend", id).with(csrf()).with(user("org").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/outbox/" + id));

		this.sender.sendDueMessages();
		assertThat(to(email).getMessageID()).as("delivered once, under its Message-ID").isEqualTo(storedId);
		assertThat(this.jdbc.sql("select status || '/' || attempts from outbox_message where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("SENT/1");
		assertThat(this.jdbc.sql("select actor || ' ' || action from audit_log where details like ?")
			.param("outbox=" + id + " %")
			.query(String.class)
			.list()).containsExactly("org EMAIL_RESENT");
	}

	@Test
	void resendingASentMessageSendsACopyUnderANewMessageId() throws Exception {
		String email = TestRegistrations.uniqueEmail("copy");
		long registration = confirm("Copia", email, "en");
		this.sender.sendDueMessages();
		long id = messageId(registration);

		this.mvc
			.perform(post("/admin/outbox/{id}/resend", id).param("lang", "en")
				.with(csrf())
				.with(user("admin").roles("ADMIN")))
			.andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();

		List<MimeMessage> received = receivedBy(email);
		assertThat(received).hasSize(2);
		assertThat(received.get(0).getMessageID()).isNotEqualTo(received.get(1).getMessageID());
		assertThat(received.get(1).getSubject()).isEqualTo(received.get(0).getSubject());
		assertThat(QrCodes
			.decode(OutboxDeliveryTests.parts(received.get(1)).get("image/png").getInputStream().readAllBytes()))
			.as("the copy shows the same check-in pass")
			.isEqualTo(QrCodes
				.decode(OutboxDeliveryTests.parts(received.get(0)).get("image/png").getInputStream().readAllBytes()))
			.startsWith("http://localhost:8080/p/");
		String firstLink = OutboxDeliveryTests
			.manageLink((String) OutboxDeliveryTests.parts(received.get(0)).get("text/plain").getContent());
		String copyLink = OutboxDeliveryTests
			.manageLink((String) OutboxDeliveryTests.parts(received.get(1)).get("text/plain").getContent());
		assertThat(copyLink).as("each email mints its own manage link").isNotEqualTo(firstLink);
	}

	@Test
	void aSkippedMessageIsNotResentAndThePageSaysWhereToSendTheCurrentOne() throws Exception {
		String email = TestRegistrations.uniqueEmail("skipped");
		long registration = confirm("Saltada", email, "es");
		// Cancelled before the confirmation's turn came: the sender skips it.
		this.jdbc.sql("update registration set status = 'CANCELLED' where id = ?").param(registration).update();
		this.sender.sendDueMessages();
		long id = messageId(registration);
		assertThat(outboxStatus(registration)).isEqualTo("SKIPPED");

		this.mvc.perform(get("/admin/outbox/{id}", id).param("lang", "es").with(user("org").roles("ORGANIZER")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/resend"))))
			.andExpect(content().string(containsString("no se puede volver a enviar")))
			.andExpect(content().string(containsString("/admin/registrations/" + registration)));
		this.mvc
			.perform(post("/admin/outbox/{id}/resend", id).param("lang", "es")
				.with(csrf())
				.with(user("org").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("resend", "NO_LONGER_APPLIES"));

		assertThat(this.jdbc.sql("select count(*) from outbox_message where registration_id = ?")
			.param(registration)
			.query(Long.class)
			.single()).as("nothing queued").isOne();
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).isEmpty();
	}

	/**
	 * After its event's end, the waitlist email ("you are number 1...") or a seat's (with
	 * a calendar file for a past date) would no longer be true: "send again" sends the
	 * link to the record instead, as the registration's own resend does then, and the
	 * page says so before and after.
	 */
	@Test
	void afterTheEndSendingAgainSendsTheLinkToTheRecordNotTheOldEmail() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		String email = TestRegistrations.uniqueEmail("over");
		long registration = this.transactions.execute((tx) -> {
			long id = new TestRegistrations(this.jdbc).in(event.id())
				.status("WAITLISTED")
				.fullName("Wendy Espera")
				.email(email)
				.locale("es")
				.create()
				.id();
			this.publisher
				.publishEvent(new RegistrationMessage(id, event.id(), "es", RegistrationMessage.Type.WAITLISTED));
			return id;
		});
		this.sender.sendDueMessages();
		long id = messageId(registration);
		assertThat(to(email).getSubject()).contains("lista de espera");

		this.mvc.perform(get("/admin/outbox/{id}", id).param("lang", "es").with(user("org").roles("ORGANIZER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enviar su enlace al registro")))
			.andExpect(content().string(containsString("este correo ya no sería cierto")))
			.andExpect(content().string(not(containsString(">Enviar de nuevo<"))));
		var resent = this.mvc
			.perform(post("/admin/outbox/{id}/resend", id).param("lang", "es")
				.with(csrf())
				.with(user("org").roles("ORGANIZER")))
			.andExpect(redirectedUrl("/admin/outbox/" + id))
			.andExpect(flash().attribute("resend", "LINK_SENT"))
			.andReturn();
		this.mvc
			.perform(get("/admin/outbox/{id}", id).param("lang", "es")
				.cookie(resent.getResponse().getCookie("SESSION"))
				.with(user("org").roles("ORGANIZER")))
			.andExpect(content().string(containsString(
					"Como el evento ya terminó, este correo no se volvió a enviar: en su lugar quedó en cola un correo con su"
							+ " enlace al registro")));
		this.sender.sendDueMessages();

		List<MimeMessage> received = receivedBy(email);
		assertThat(received).hasSize(2);
		MimeMessage link = received.get(1);
		assertThat(link.getSubject()).startsWith("Tu enlace de registro");
		var parts = OutboxDeliveryTests.parts(link);
		assertThat((String) parts.get("text/plain").getContent()).contains("El evento ya se realizó")
			.doesNotContain("lista de espera", "número 1");
		assertThat(parts).doesNotContainKey("text/calendar");
		assertThat(this.jdbc.sql("select kind from outbox_message where registration_id = ? order by id")
			.param(registration)
			.query(String.class)
			.list()).containsExactly("WAITLISTED", "LINK_REMINDER");
		assertThat(this.jdbc
			.sql("select actor || ' ' || action || ' ' || details from audit_log where registration_id = ?")
			.param(registration)
			.query(String.class)
			.list()).containsExactly("org EMAIL_RESENT type=LINK_REMINDER");
	}

	@Test
	void aMessageGivesItsLanguageInWords() throws Exception {
		long english = messageId(confirm("English Speaker", TestRegistrations.uniqueEmail("lang"), "en"));

		this.mvc.perform(get("/admin/outbox/{id}", english).param("lang", "es").with(user("ops").roles("OPS")))
			.andExpect(content().string(containsString("<dd>inglés</dd>")));
		this.mvc.perform(get("/admin/outbox/{id}", english).param("lang", "en").with(user("ops").roles("OPS")))
			.andExpect(content().string(containsString("<dd>English</dd>")))
			.andExpect(content().string(not(containsString("<dd>en</dd>"))));
	}

	@Test
	void opsMayLookButNotResendAndAResendNeedsTheCsrfToken() throws Exception {
		long id = failedMessage(TestRegistrations.uniqueEmail("ops"));

		this.mvc.perform(post("/admin/outbox/{id}/resend", id).with(csrf()).with(user("ops").roles("OPS")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/outbox/{id}/resend", id).with(user("org").roles("ORGANIZER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/outbox/{id}", id).with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/resend"))));

		assertThat(
				this.jdbc.sql("select status from outbox_message where id = ?").param(id).query(String.class).single())
			.isEqualTo("FAILED");
	}

	@Test
	void theBacklogIsExportedAsMetricsAndAsHealthDetailsForStaffOnly() throws Exception {
		failedMessage(TestRegistrations.uniqueEmail("metric"));
		confirm("Pendiente", TestRegistrations.uniqueEmail("pending"), "es");
		this.jdbc
			.sql("update outbox_message set next_attempt_at = now() - interval '2 minutes' where status = 'PENDING'")
			.update();

		this.mvc.perform(get("/actuator/metrics/winevents.outbox.pending").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(1.0));
		this.mvc.perform(get("/actuator/metrics/winevents.outbox.failed").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(1.0));
		this.mvc
			.perform(get("/actuator/metrics/winevents.outbox.oldest.due.age.seconds").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(org.hamcrest.Matchers.greaterThanOrEqualTo(100.0)));
		this.mvc.perform(get("/actuator/health").with(user("ops").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.outbox.status").value("UP"))
			.andExpect(jsonPath("$.components.outbox.details.pending").value(1))
			.andExpect(jsonPath("$.components.outbox.details.failed").value(1));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("outbox"))));
		// Not a browser (no Accept: text/html): 401 rather than the login page.
		this.mvc.perform(get("/actuator/metrics/winevents.outbox.pending")).andExpect(status().isUnauthorized());
	}

}
