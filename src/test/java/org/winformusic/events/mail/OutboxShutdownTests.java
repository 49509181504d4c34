package org.winformusic.events.mail;

import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.winformusic.events.EventsApplication;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutdown with a backlog (issue 13): a second application, its scheduled sender on,
 * drains 3,000 messages into a slow SMTP server and is closed in the middle.
 */
class OutboxShutdownTests extends MailIntegrationTestSupport {

	private static final int BACKLOG = 3_000;

	@Autowired
	DataSource dataSource;

	@Test
	void onShutdownTheSenderStopsClaimingPutsBackWhatItHoldsAndTheApplicationClosesWithinTenSeconds() throws Exception {
		FakeSmtpServer server;
		long event = new TestEvents(this.jdbc).mexicoWorkshopId();
		this.transactions.executeWithoutResult((tx) -> {
			for (int n = 1; n <= BACKLOG; n++) {
				long id = new TestRegistrations(this.jdbc).in(event)
					.fullName("Backlog " + n)
					.email(TestRegistrations.uniqueEmail("backlog" + n))
					.company("Label")
					.locale("en")
					.createdAt(Instant.now())
					.create()
					.id();
				this.repository
					.enqueue(new RegistrationMessage(id, event, "en", RegistrationMessage.Type.LINK_REMINDER), false);
			}
		});
		makeEverythingDue();
		String url = this.dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		// 20 ms per message on each of four connections: the backlog would take about
		// 15 s, so the application is closed with most of it still queued.
		try (FakeSmtpServer smtp = new FakeSmtpServer(20, true)) {
			server = smtp;
			ConfigurableApplicationContext app = new SpringApplicationBuilder(EventsApplication.class).profiles("test")
				.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--server.port=0",
						"--server.address=127.0.0.1", "--app.mail.sender-enabled=true",
						"--app.mail-poll-interval=100ms", "--spring.mail.port=" + smtp.port());
			long waitUntil = System.nanoTime() + 60_000_000_000L;
			while (smtp.delivered.get() < 100 && System.nanoTime() < waitUntil) {
				Thread.sleep(50);
			}
			assertThat(smtp.delivered.get()).as("the sender was running").isGreaterThanOrEqualTo(100);

			long closing = System.nanoTime();
			app.close();
			long closedMillis = (System.nanoTime() - closing) / 1_000_000;
			System.out.printf("Outbox shutdown: application closed in %d ms with %d of %d messages sent%n",
					closedMillis, smtp.delivered.get(), BACKLOG);
			assertThat(closedMillis).as("closed within 10 s").isLessThan(10_000);
		}

		assertThat(count("status = 'SENDING'")).as("nothing left for the stuck-row timeout").isZero();
		assertThat(count("status = 'PENDING'")).as("it stopped, not drained").isPositive();
		assertThat(count("status = 'PENDING' and attempts > 0")).as("a message put back was not attempted").isZero();
		assertThat(count("status not in ('SENT', 'PENDING')")).isZero();
		// The SMTP server accepted each Message-ID once, and exactly the SENT ones.
		assertThat(server.acceptedIds.values()).allMatch((times) -> times == 1);
		assertThat(server.acceptedIds).hasSize((int) count("status = 'SENT'"));
	}

	private long count(String where) {
		return this.jdbc.sql("select count(*) from outbox_message where " + where).query(Long.class).single();
	}

}
