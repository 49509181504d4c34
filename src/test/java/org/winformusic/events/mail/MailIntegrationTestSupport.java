package org.winformusic.events.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application context for the mail tests, its SMTP server a GreenMail on a free
 * 127.0.0.1 port started once per JVM. The scheduled sender is off in tests: each test
 * drains the outbox itself with {@link OutboxSender#sendDueMessages()}.
 */
@IntegrationTest
@AutoConfigureMockMvc
abstract class MailIntegrationTestSupport {

	static final GreenMail greenMail = startGreenMail();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	ManageTokens tokens;

	@Autowired
	OutboxSender sender;

	@Autowired
	OutboxRepository repository;

	@Autowired
	MailRenderer renderer;

	@Autowired
	MailSettings settings;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	Clock clock;

	private static GreenMail startGreenMail() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@BeforeEach
	void emptyOutboxAndMailboxes() throws FolderException {
		this.jdbc.sql("delete from outbox_message").update();
		greenMail.purgeEmailFromAllMailboxes();
	}

	/**
	 * A registration row and its message, committed together as the registration feature
	 * does.
	 */
	long register(String status, RegistrationMessage.Type type, String name, String email, String company,
			String locale) {
		long eventId = new TestEvents(this.jdbc).mexicoWorkshopId();
		return this.transactions.execute((tx) -> {
			long id = new TestRegistrations(this.jdbc).in(eventId)
				.status(status)
				.fullName(name)
				.email(email)
				.company(company)
				.locale(locale)
				.createdAt(Instant.now())
				.create()
				.id();
			this.publisher.publishEvent(new RegistrationMessage(id, eventId, locale, type));
			return id;
		});
	}

	long confirm(String name, String email, String locale) {
		return register("CONFIRMED", RegistrationMessage.Type.CONFIRMED, name, email, "Discos Prueba", locale);
	}

	/** Another sender (another instance's), talking to the given SMTP port. */
	OutboxSender senderTo(int port) {
		return new OutboxSender(this.repository, this.renderer, smtpClient(port), this.settings, this.clock);
	}

	OutboxSender anotherSender() {
		return new OutboxSender(this.repository, this.renderer, this.mailSender, this.settings, this.clock);
	}

	static JavaMailSenderImpl smtpClient(int port) {
		JavaMailSenderImpl client = new JavaMailSenderImpl();
		client.setHost("127.0.0.1");
		client.setPort(port);
		Properties properties = new Properties();
		// As application.properties' or longer: a loaded machine's GreenMail may answer
		// slowly, and a refused connection (closedPort) fails at once anyway.
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "20000");
		properties.put("mail.smtp.writetimeout", "20000");
		client.setJavaMailProperties(properties);
		return client;
	}

	String outboxStatus(long registrationId) {
		return this.jdbc.sql("select status from outbox_message where registration_id = ?")
			.param(registrationId)
			.query(String.class)
			.single();
	}

	/**
	 * The emails received by {@code address}. Tests count these, not all that the sender
	 * sent: the application's jobs may queue emails for other tests' registrations at any
	 * time, and the next drain sends them too.
	 */
	static List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((m) -> OutboxDeliveryTests.recipients(m).contains(address))
			.toList();
	}

	/** The one email received by {@code address}. */
	static MimeMessage to(String address) {
		List<MimeMessage> found = receivedBy(address);
		assertThat(found).as("emails to " + address).hasSize(1);
		return found.get(0);
	}

	/** Makes every waiting message due now, instead of sleeping through the backoff. */
	void makeEverythingDue() {
		this.jdbc
			.sql("update outbox_message set next_attempt_at = now() - interval '1 second' where status = 'PENDING'")
			.update();
	}

}
