package org.winformusic.events.mail;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The database fails for a moment while the sender composes an email (a failover, a
 * connection killed, a pool drained by a registration rush): the email is tried again
 * later, like one the SMTP server deferred, not marked FAILED for good.
 */
class OutboxDatabaseFailureTests extends MailIntegrationTestSupport {

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Test
	void anEmailWhoseCompositionLostItsDatabaseConnectionIsSentOnTheNextAttempt() throws Exception {
		String email = TestRegistrations.uniqueEmail("blip");
		long eventId = new TestEvents(this.jdbc).event().capacity(5).create().id();
		long id = this.transactions.execute((tx) -> {
			long created = new TestRegistrations(this.jdbc).in(eventId)
				.fullName("Conexión Cortada")
				.email(email)
				.locale("es")
				.createdAt(Instant.now())
				.create()
				.id();
			this.publisher
				.publishEvent(new RegistrationMessage(created, eventId, "es", RegistrationMessage.Type.CONFIRMED));
			return created;
		});
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection holder = this.dataSource.getConnection(); Statement lock = holder.createStatement()) {
			// The event, read to compose the email (never read before: not cached), is
			// locked away, so the sender's connection waits on it; then it is killed.
			holder.setAutoCommit(false);
			lock.execute("lock table event in access exclusive mode");
			Future<Integer> sending = pool.submit(this.sender::sendDueMessages);
			long killed = 0;
			for (int i = 0; i < 200 && killed == 0; i++) {
				Thread.sleep(100);
				killed = this.jdbc
					.sql("""
							select count(pg_terminate_backend(pid)) from pg_stat_activity
							 where datname = current_database() and wait_event_type = 'Lock' and query ilike '%from event%'""")
					.query(Long.class)
					.single();
			}
			assertThat(killed).as("the sender's connection, waiting for the event").isOne();
			holder.rollback();
			assertThat(sending.get(30, TimeUnit.SECONDS)).isZero();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select status from outbox_message where registration_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(receivedBy(email)).isEmpty();
		// Staff see why it waits, in words, and that it will be tried again.
		this.mvc.perform(get("/admin/outbox").param("status", "PENDING").with(user("ops").roles("OPS")))
			.andExpect(content()
				.string(containsString("La base de datos del sitio no respondió mientras se preparaba el correo.")))
			.andExpect(content().string(containsString("Se volverá a intentar")))
			.andExpect(content().string(not(containsString("JpaSystemException"))));

		makeEverythingDue();
		this.sender.sendDueMessages();

		assertThat(outboxStatus(id)).isEqualTo("SENT");
		assertThat(receivedBy(email)).hasSize(1);
	}

	/**
	 * The SMTP server accepted the email, then the connection recording it as sent is
	 * lost (a failover): the record is written once the database answers again, so the
	 * stuck-row timeout does not send it a second time.
	 */
	@Test
	void anEmailTheSmtpServerAcceptedIsRecordedSentThoughTheDatabaseFailedJustThen() throws Exception {
		String email = TestRegistrations.uniqueEmail("accepted");
		long id = confirm("Aceptado Antes", email, "es");
		ExecutorService killer = Executors.newSingleThreadExecutor();
		List<Future<Long>> kills = new ArrayList<>();
		JavaMailSenderImpl thenTheDatabaseFails = new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage... messages) {
				smtpClient(greenMail.getSmtp().getPort()).send(messages);
				// Accepted. Now the connection that records it is killed while it waits.
				kills.add(killer.submit(() -> {
					try (Connection holder = OutboxDatabaseFailureTests.this.dataSource.getConnection();
							Statement lock = holder.createStatement()) {
						holder.setAutoCommit(false);
						lock.execute("lock table outbox_message in access exclusive mode");
						long killed = 0;
						for (int i = 0; i < 200 && killed == 0; i++) {
							Thread.sleep(100);
							killed = terminateWaiting("%update outbox_message%");
						}
						holder.rollback();
						return killed;
					}
				}));
				waitUntilLocked();
			}
		};
		OutboxSender sender = new OutboxSender(this.repository, this.renderer, thenTheDatabaseFails, this.settings,
				this.clock);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			pool.submit(sender::sendDueMessages).get(60, TimeUnit.SECONDS);
			assertThat(kills).hasSize(1);
			assertThat(kills.get(0).get(30, TimeUnit.SECONDS)).as("the sender's connection, recording it").isOne();
		}
		finally {
			pool.shutdownNow();
			killer.shutdownNow();
		}

		// Past the stuck-row timeout, any instance's sender finds nothing to send again.
		this.jdbc.sql("update outbox_message set locked_at = now() - interval '6 minutes' where registration_id = ?")
			.param(id)
			.update();
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).hasSize(1);
		assertThat(outboxStatus(id)).isEqualTo("SENT");
		assertThat(this.jdbc.sql("select attempts from outbox_message where registration_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isOne();
	}

	/**
	 * Kills the connections of this database waiting for a lock in a statement like this.
	 */
	private long terminateWaiting(String statement) {
		return this.jdbc.sql("""
				select count(pg_terminate_backend(pid)) from pg_stat_activity
				 where datname = current_database() and wait_event_type = 'Lock' and query ilike ?""")
			.param(statement)
			.query(Long.class)
			.single();
	}

	/** Until another connection holds the lock {@code thenTheDatabaseFails} takes. */
	private void waitUntilLocked() {
		for (int i = 0; i < 200; i++) {
			if (this.jdbc.sql("""
					select exists (select 1 from pg_locks
					  where relation = 'outbox_message'::regclass and mode = 'AccessExclusiveLock' and granted)""")
				.query(Boolean.class)
				.single()) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
