package org.winformusic.events.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import biweekly.Biweekly;
import biweekly.ICalendar;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.QrCodes;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The outbox end to end: written with its cause, sent once, retried, never lost. */
class OutboxDeliveryTests extends MailIntegrationTestSupport {

	/** See {@link #closedPort()}. */
	private static final Socket CLOSED_PORT = boundWithoutListening();

	/**
	 * Every test of this class talks to GreenMail through these sockets; this one says
	 * they are the ones without Nagle's delay (40 ms per message otherwise).
	 */
	@Test
	void theSenderOpensSmtpConnectionsWithoutNaglesDelay() throws Exception {
		Object factory = ((JavaMailSenderImpl) this.mailSender).getSession()
			.getProperties()
			.get("mail.smtp.socketFactory");
		assertThat(factory).isInstanceOf(SocketFactory.class);
		try (Socket socket = ((SocketFactory) factory).createSocket(InetAddress.getLoopbackAddress(),
				greenMail.getSmtp().getPort())) {
			assertThat(socket.isConnected()).isTrue();
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void aConfirmationIsOneEmailWithBothPartsTheCalendarFileAndAWorkingManageLink() throws Exception {
		String email = TestRegistrations.uniqueEmail("ana");
		long id = confirm("Ana Pérez", email, "es");

		this.sender.sendDueMessages();
		this.sender.sendDueMessages();

		// One email however often the outbox is drained.
		MimeMessage message = to(email);
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(email);
		assertThat(message.getFrom()[0].toString()).contains("events@test.invalid");
		assertThat(message.getSubject()).isEqualTo(
				"Tu registro está confirmado: Hoja de ruta para crear una asociación de música independiente en México");
		String storedMessageId = this.jdbc.sql("select message_id from outbox_message where registration_id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(message.getMessageID()).isEqualTo(storedMessageId).matches("<[0-9a-f-]{36}@win-events>");

		Map<String, Part> parts = parts(message);
		String text = (String) parts.get("text/plain").getContent();
		String html = (String) parts.get("text/html").getContent();
		assertThat(text).contains("Hola, Ana Pérez:", "lunes 20 de marzo de 2028, 10:00–14:00",
				"hora de la Ciudad de México", "Managers Anónimos");
		assertThat(html).contains("Tu registro está confirmado", "lunes 20 de marzo de 2028");

		Part ics = parts.get("text/calendar");
		assertThat(ics.getFileName()).isEqualTo("event.ics");
		assertThat(ics.getContentType()).contains("method=PUBLISH").containsIgnoringCase("charset=UTF-8");
		ICalendar calendar = Biweekly.parse(ics.getInputStream()).first();
		assertThat(calendar.getEvents().get(0).getUid().getValue()).isEqualTo("registration-" + id + "@win-events");
		assertThat(calendar.getEvents().get(0).getDateStart().getValue().toInstant())
			.isEqualTo(Instant.parse("2028-03-20T16:00:00Z"));

		String link = manageLink(text);
		assertThat(html).contains("href=\"" + link + "\"");
		String token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(this.tokens.resolve(token)).contains(id);
		assertThat(outboxStatus(id)).isEqualTo("SENT");
	}

	@Test
	void anEnglishRegistrantGetsTheEmailInEnglish() throws Exception {
		String email = TestRegistrations.uniqueEmail("john");
		confirm("John Smith", email, "en");

		this.sender.sendDueMessages();

		MimeMessage message = to(email);
		assertThat(message.getSubject())
			.isEqualTo("You are registered: Roadmap to Starting an Independent Music Trade Association in Mexico");
		assertThat((String) parts(message).get("text/plain").getContent()).contains("Hello John Smith,",
				"Monday 20 March 2028, 10:00–14:00 (Mexico City time)");
	}

	@Test
	void aRolledBackRegistrationLeavesNoEmailBehind() {
		String email = TestRegistrations.uniqueEmail("rollback");
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((tx) -> {
			long eventId = new TestEvents(this.jdbc).mexicoWorkshopId();
			long id = new TestRegistrations(this.jdbc).in(eventId)
				.fullName("Rolled Back")
				.email(email)
				.company("Label")
				.locale("es")
				.createdAt(Instant.now())
				.create()
				.id();
			this.publisher.publishEvent(new RegistrationMessage(id, eventId, "es", RegistrationMessage.Type.CONFIRMED));
			throw new IllegalStateException("the registration fails after publishing");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.jdbc
			.sql("select count(*) from outbox_message o join registration r on r.id = o.registration_id"
					+ " where r.email = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).isEmpty();
	}

	/**
	 * A sender stopped and started again sends again: Spring's test context cache stops
	 * (pauses) a context no test class is using and starts it for the next one that does,
	 * and a sender that stayed stopped left every later mail test of that context without
	 * a single email.
	 */
	@Test
	void aSenderStoppedAndStartedAgainSendsAgain() throws Exception {
		OutboxSender restarted = anotherSender();
		try {
			restarted.start();
			restarted.stop();
			assertThat(restarted.isRunning()).isFalse();
			String email = TestRegistrations.uniqueEmail("restarted");
			confirm("Reinicio", email, "es");
			assertThat(restarted.sendDueMessages()).as("while stopped").isZero();

			restarted.start();
			assertThat(restarted.isRunning()).isTrue();
			restarted.sendDueMessages();
			assertThat(receivedBy(email)).hasSize(1);
		}
		finally {
			restarted.destroy();
		}
	}

	@Test
	void aMessagePublishedOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> this.publisher
			.publishEvent(new RegistrationMessage(1, 1, "es", RegistrationMessage.Type.CONFIRMED)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void whileSmtpIsDownRegistrationsSucceedAndWhenItIsBackEachPersonGetsExactlyOneEmail() throws Exception {
		List<String> emails = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			emails.add(TestRegistrations.uniqueEmail("down"));
			ids.add(confirm("Persona " + i, emails.get(i), "es"));
		}
		OutboxSender down = senderTo(closedPort());

		assertThat(down.sendDueMessages()).isZero();

		Instant now = Instant.now();
		for (long id : ids) {
			Map<String, Object> row = this.jdbc.sql(
					"select status, attempts, last_error, next_attempt_at from outbox_message where registration_id = ?")
				.param(id)
				.query()
				.singleRow();
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(row.get("attempts")).isEqualTo(1);
			assertThat((String) row.get("last_error")).contains("ConnectException").doesNotContain("@");
			assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isCloseTo(now.plus(Duration.ofMinutes(1)),
					within(20, java.time.temporal.ChronoUnit.SECONDS));
		}
		assertThat(this.jdbc.sql("select count(*) from registration where id in (:ids) and status = 'CONFIRMED'")
			.param("ids", ids)
			.query(Long.class)
			.single()).isEqualTo(5);
		this.sender.sendDueMessages();
		for (String email : emails) {
			assertThat(receivedBy(email)).as("not due before the backoff").isEmpty();
		}

		makeEverythingDue();
		this.sender.sendDueMessages();
		makeEverythingDue();
		this.sender.sendDueMessages();

		for (String email : emails) {
			assertThat(receivedBy(email)).as("emails to " + email).hasSize(1);
		}
	}

	@Test
	void smtpAnswering451TwiceThenAcceptingDeliversOnceAfterThreeAttemptsWithGrowingBackoff() throws Exception {
		String email = TestRegistrations.uniqueEmail("retry");
		long id = confirm("Reintento", email, "es");
		try (FakeSmtpServer smtp = new FakeSmtpServer().onlyFor(email)
			.dataReplies("451 4.3.0 try again later", "451 4.3.0 try again later")) {
			OutboxSender sender = senderTo(smtp.port());

			sender.sendDueMessages();
			assertThat(outboxStatus(id)).isEqualTo("PENDING");
			assertThat(nextAttemptIn(id)).isCloseTo(Duration.ofMinutes(1), Duration.ofSeconds(20));
			assertThat(lastError(id)).isEqualTo("SMTPSendFailedException 451");
			makeEverythingDue();
			sender.sendDueMessages();
			assertThat(outboxStatus(id)).isEqualTo("PENDING");
			assertThat(nextAttemptIn(id)).isCloseTo(Duration.ofMinutes(5), Duration.ofSeconds(20));
			makeEverythingDue();
			sender.sendDueMessages();
			assertThat(outboxStatus(id)).isEqualTo("SENT");
			makeEverythingDue();
			sender.sendDueMessages();

			assertThat(smtp.delivered.get()).isEqualTo(1);
			assertThat(smtp.dataAttempts.get()).isEqualTo(3);
			assertThat(outboxStatus(id)).isEqualTo("SENT");
			assertThat(attempts(id)).isEqualTo(3);
		}
	}

	@Test
	void aConnectionThatFailsToCloseAfterEveryMessageWasAcceptedDoesNotSendThemAgain() throws Exception {
		String email = TestRegistrations.uniqueEmail("quit");
		long id = confirm("Cierre Fallido", email, "es");
		// Delivers like any client, then fails as JavaMail does when QUIT breaks.
		JavaMailSenderImpl brokenQuit = new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage... messages) {
				smtpClient(greenMail.getSmtp().getPort()).send(messages);
				throw new MailSendException("Failed to close server connection after message sending",
						new MessagingException("connection reset"));
			}
		};
		OutboxSender sender = new OutboxSender(this.repository, this.renderer, brokenQuit, this.settings, this.clock);

		sender.sendDueMessages();
		makeEverythingDue();
		sender.sendDueMessages();

		assertThat(outboxStatus(id)).isEqualTo("SENT");
		assertThat(receivedBy(email)).hasSize(1);
	}

	@Test
	void smtpAnswering550MarksTheMessageFailedAtOnceWithNoFurtherAttempts() throws Exception {
		String email = TestRegistrations.uniqueEmail("rejected");
		long id = confirm("Rechazo", email, "es");
		try (FakeSmtpServer smtp = new FakeSmtpServer().onlyFor(email).rcptReplies("550 5.1.1 mailbox unavailable")) {
			OutboxSender sender = senderTo(smtp.port());

			sender.sendDueMessages();
			assertThat(outboxStatus(id)).isEqualTo("FAILED");
			assertThat(attempts(id)).isEqualTo(1);
			assertThat(lastError(id)).contains("550").doesNotContain("@");

			makeEverythingDue();
			sender.sendDueMessages();
			assertThat(smtp.rcptAttempts.get()).as("no further attempt").isEqualTo(1);
			assertThat(attempts(id)).isEqualTo(1);
			assertThat(smtp.delivered.get()).isZero();
			assertThat(outboxStatus(id)).isEqualTo("FAILED");
		}
	}

	@Test
	void aMessageOutOfAttemptsIsMarkedFailed() throws Exception {
		long id = confirm("Sin suerte", TestRegistrations.uniqueEmail("exhausted"), "es");
		this.jdbc.sql("update outbox_message set attempts = ? where registration_id = ?")
			.params(this.settings.mail().maxAttempts() - 1, id)
			.update();

		assertThat(senderTo(closedPort()).sendDueMessages()).isZero();

		assertThat(outboxStatus(id)).isEqualTo("FAILED");
		assertThat(attempts(id)).isEqualTo(this.settings.mail().maxAttempts());
	}

	@Test
	void aMessageStuckInSendingPastTheTimeoutIsSentOnceAfterItIsQueuedAgain() throws Exception {
		String stuckEmail = TestRegistrations.uniqueEmail("stuck");
		String recentEmail = TestRegistrations.uniqueEmail("recent");
		long stuck = confirm("Atascado", stuckEmail, "es");
		long recent = confirm("Reciente", recentEmail, "es");
		this.jdbc.sql("""
				update outbox_message set status = 'SENDING', attempts = 1, locked_by = 'crashed-instance',
				       locked_at = now() - interval '6 minutes' where registration_id = ?""").param(stuck).update();
		this.jdbc.sql("""
				update outbox_message set status = 'SENDING', attempts = 1, locked_by = 'busy-instance',
				       locked_at = now() - interval '1 minute' where registration_id = ?""").param(recent).update();

		this.sender.sendDueMessages();
		this.sender.sendDueMessages();

		assertThat(receivedBy(stuckEmail)).hasSize(1);
		assertThat(receivedBy(recentEmail)).isEmpty();
		assertThat(outboxStatus(stuck)).isEqualTo("SENT");
		assertThat(attempts(stuck)).isEqualTo(2);
		assertThat(outboxStatus(recent)).as("another sender may still be on it").isEqualTo("SENDING");
	}

	/**
	 * Bad data (an event's zone mistyped by hand in the database) makes one email
	 * impossible to compose: it is marked FAILED at once, with what went wrong, and is
	 * not tried again and again; the email claimed in the same batch goes out.
	 */
	@Test
	void anEmailThatCannotBeComposedFailsAtOnceAndTheOneClaimedWithItGoesOut() throws Exception {
		String goodEmail = TestRegistrations.uniqueEmail("composed");
		String badEmail = TestRegistrations.uniqueEmail("uncomposable");
		long good = confirm("Bien Compuesto", goodEmail, "es");
		long eventId = new TestEvents(this.jdbc).event().capacity(5).create().id();
		long bad = this.transactions.execute((tx) -> {
			long id = new TestRegistrations(this.jdbc).in(eventId)
				.fullName("Zona Rota")
				.email(badEmail)
				.locale("es")
				.createdAt(Instant.now())
				.create()
				.id();
			this.publisher.publishEvent(new RegistrationMessage(id, eventId, "es", RegistrationMessage.Type.CONFIRMED));
			return id;
		});
		this.jdbc.sql("update event set time_zone = 'America/Ciudad de Mexico' where id = ?").param(eventId).update();
		try {
			this.sender.sendDueMessages();
			makeEverythingDue();
			this.sender.sendDueMessages();
		}
		finally {
			this.jdbc.sql("update event set time_zone = 'America/Mexico_City' where id = ?").param(eventId).update();
		}

		assertThat(receivedBy(goodEmail)).hasSize(1);
		assertThat(outboxStatus(good)).isEqualTo("SENT");
		assertThat(receivedBy(badEmail)).isEmpty();
		assertThat(outboxStatus(bad)).isEqualTo("FAILED");
		assertThat(attempts(bad)).isEqualTo(1);
		assertThat(lastError(bad)).endsWith("Exception").doesNotContain("@");
	}

	@Test
	void anEmailOfAKindThisBuildCannotComposeWaitsForABuildThatCan() throws Exception {
		// A rolling upgrade: a newer build's migration allowed a kind this build does not
		// know and queued an email of it. This build must leave it for the newer one.
		String laterEmail = TestRegistrations.uniqueEmail("later-kind");
		String knownEmail = TestRegistrations.uniqueEmail("known-kind");
		long later = confirm("De otra versión", laterEmail, "es");
		long known = confirm("De esta versión", knownEmail, "es");
		String constraint = this.jdbc.sql("""
				select pg_get_constraintdef(oid) from pg_constraint
				 where conrelid = 'outbox_message'::regclass and conname = 'outbox_message_kind_check'""")
			.query(String.class)
			.single();
		this.jdbc.sql("alter table outbox_message drop constraint outbox_message_kind_check").update();
		try {
			this.jdbc.sql("update outbox_message set kind = 'A_LATER_KIND' where registration_id = ?")
				.param(later)
				.update();

			this.sender.sendDueMessages();
			makeEverythingDue();
			this.sender.sendDueMessages();

			assertThat(receivedBy(knownEmail)).hasSize(1);
			assertThat(receivedBy(laterEmail)).isEmpty();
			assertThat(outboxStatus(known)).isEqualTo("SENT");
			assertThat(outboxStatus(later)).as("not skipped, not failed: still waiting").isEqualTo("PENDING");
			assertThat(attempts(later)).isZero();
		}
		finally {
			this.jdbc.sql("delete from outbox_message where kind = 'A_LATER_KIND'").update();
			this.jdbc.sql("alter table outbox_message add constraint outbox_message_kind_check " + constraint).update();
		}
	}

	@Test
	void twoSendersDrainingFiveHundredMessagesDeliverEachExactlyOnce() throws Exception {
		long event = new TestEvents(this.jdbc).mexicoWorkshopId();
		List<Long> bulk = new ArrayList<>();
		Set<String> addresses = new HashSet<>();
		for (int n = 1; n <= 500; n++) {
			String address = TestRegistrations.uniqueEmail("bulk" + n);
			addresses.add(address);
			bulk.add(new TestRegistrations(this.jdbc).in(event)
				.fullName("Bulk " + n)
				.email(address)
				.company("Label")
				.locale("en")
				.createdAt(Instant.now())
				.create()
				.id());
		}
		this.jdbc
			.sql("""
					insert into outbox_message (registration_id, event_id, kind, locale, message_id, status, attempts,
					       next_attempt_at, created_at)
					select id, event_id, 'LINK_REMINDER', locale, '<bulk-' || id || '-' || md5(random()::text) || '@win-events>',
					       'PENDING', 0, now() - interval '1 second', now()
					  from registration where id = any(?)""")
			.param(bulk.stream().mapToLong(Long::longValue).toArray())
			.update();
		List<OutboxSender> senders = List.of(anotherSender(), anotherSender());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		long started = System.nanoTime();
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (OutboxSender sender : senders) {
				runs.add(pool.submit((Callable<Integer>) sender::sendDueMessages));
			}
			int sent = 0;
			for (Future<Integer> run : runs) {
				sent += run.get(120, TimeUnit.SECONDS);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("Outbox: 500 messages through two senders in %.2f s (%.0f messages/s)%n", seconds,
					500 / seconds);
			// At least: the application's jobs may have queued other emails meanwhile.
			assertThat(sent).isGreaterThanOrEqualTo(500);
		}
		finally {
			pool.shutdownNow();
		}

		// One pass over the mailboxes (each read copies every message): ours, by
		// recipient.
		Map<String, List<MimeMessage>> ours = new HashMap<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			for (String recipient : recipients(message)) {
				if (addresses.contains(recipient)) {
					ours.computeIfAbsent(recipient, (r) -> new ArrayList<>()).add(message);
				}
			}
		}
		assertThat(ours).hasSize(500).allSatisfy((recipient, messages) -> assertThat(messages).hasSize(1));
		Set<String> messageIds = new HashSet<>();
		for (List<MimeMessage> messages : ours.values()) {
			messageIds.add(messages.get(0).getMessageID());
		}
		assertThat(messageIds).hasSize(500);
		assertThat(this.jdbc.sql(
				"select count(*) from outbox_message where status = 'SENT' and attempts = 1 and registration_id = any(?)")
			.param(bulk.stream().mapToLong(Long::longValue).toArray())
			.query(Long.class)
			.single()).isEqualTo(500);
	}

	@Test
	void lineBreaksInNameAndCompanyAddNoHeaderAndNoRecipient() throws Exception {
		String email = TestRegistrations.uniqueEmail("inject");
		register("CONFIRMED", RegistrationMessage.Type.CONFIRMED, "Eve\r\nBcc: evil@example.net", email,
				"Evil Corp\r\nCc: evil2@example.net\r\n\r\nbody", "en");

		this.sender.sendDueMessages();

		MimeMessage message = to(email);
		assertThat(recipients(message)).containsExactly(email);
		assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
		assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		message.writeTo(raw);
		String headers = raw.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
		assertThat(headers).doesNotContainIgnoringCase("\nBcc:").doesNotContainIgnoringCase("\nCc:");
		assertThat(headers).doesNotContain("evil");
		assertThat(greenMail.getReceivedMessagesForDomain("example.net")).isEmpty();
	}

	@Test
	void theEventReminderIsQueuedOnceForEachConfirmedRegistrantSeatedBeforeItsWindowEvenWithTwoInstances(
			@org.springframework.beans.factory.annotation.Autowired EventReminders reminders) throws Exception {
		long soon = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(Duration.ofHours(24)))
			.capacity(10)
			.create()
			.id();
		long later = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(Duration.ofDays(10)))
			.capacity(10)
			.create()
			.id();
		Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
		long first = new TestRegistrations(this.jdbc).in(soon)
			.person("Uno")
			.locale("es")
			.confirmedAt(weekAgo)
			.create()
			.id();
		long second = new TestRegistrations(this.jdbc).in(soon)
			.person("Two")
			.locale("en")
			.confirmedAt(weekAgo)
			.create()
			.id();
		new TestRegistrations(this.jdbc).in(soon).status("WAITLISTED").person("Tres").locale("es").create().id();
		new TestRegistrations(this.jdbc).in(later).person("Cuatro").locale("es").confirmedAt(weekAgo).create().id();
		// Seated once the reminder's 48 hours had begun: the confirmation, minutes old,
		// said
		// it all.
		new TestRegistrations(this.jdbc).in(soon).person("Cinco").locale("es").confirmedAt(Instant.now()).create();
		// Already there (a reminder that went out late would tell them to cancel if they
		// cannot come).
		new TestRegistrations(this.jdbc).in(soon)
			.person("Seis")
			.locale("es")
			.confirmedAt(weekAgo)
			.checkedInAt(Instant.now())
			.create();

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> a = pool.submit(reminders::queueDueReminders);
			Future<Integer> b = pool.submit(reminders::queueDueReminders);
			assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(reminders.queueDueReminders()).isZero();

		assertThat(this.jdbc.sql("select registration_id from outbox_message where kind = 'EVENT_REMINDER'")
			.query(Long.class)
			.list()).containsExactlyInAnyOrder(first, second);
		this.sender.sendDueMessages();
		List<MimeMessage> received = new ArrayList<>();
		for (long registration : List.of(first, second)) {
			received.addAll(receivedBy(this.jdbc.sql("select email from registration where id = ?")
				.param(registration)
				.query(String.class)
				.single()));
		}
		assertThat(received).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactly("Te esperamos pronto: Taller de prueba", "See you soon: Test workshop");
		for (MimeMessage reminder : received) {
			Map<String, Part> parts = parts(reminder);
			String token = manageLink((String) parts.get("text/plain").getContent()).replaceFirst(".*/", "");
			assertThat(QrCodes.decode(parts.get("image/png").getInputStream().readAllBytes()))
				.as("the reminder shows the check-in pass, not the manage link")
				.startsWith("http://localhost:8080/p/")
				.doesNotContain(token);
		}
	}

	static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Duration nextAttemptIn(long id) {
		Timestamp next = this.jdbc.sql("select next_attempt_at from outbox_message where registration_id = ?")
			.param(id)
			.query(Timestamp.class)
			.single();
		return Duration.between(Instant.now(), next.toInstant());
	}

	private String lastError(long id) {
		return this.jdbc.sql("select last_error from outbox_message where registration_id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private int attempts(long id) {
		return this.jdbc.sql("select attempts from outbox_message where registration_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	/**
	 * A 127.0.0.1 port where nothing listens, refusing every connection. It stays bound
	 * (without listening) for the whole run: a port freed after a look would be anyone's
	 * on a shared machine, and a server answering there is no mail server that is down.
	 */
	static int closedPort() {
		return CLOSED_PORT.getLocalPort();
	}

	private static Socket boundWithoutListening() {
		try {
			Socket socket = new Socket();
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String manageLink(String text) {
		return text.lines()
			.filter((line) -> line.startsWith("http://localhost:8080/r/"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no manage link in:\n" + text));
	}

	/** The leaf parts of a message by their base content type. */
	static Map<String, Part> parts(Part part) throws Exception {
		Map<String, Part> parts = new java.util.HashMap<>();
		collect(part, parts);
		return parts;
	}

	private static void collect(Part part, Map<String, Part> parts) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, parts);
			}
		}
		else {
			String type = part.getContentType().split(";")[0].trim().toLowerCase();
			parts.put(type, part);
		}
	}

}
