package org.winformusic.events.mail;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the scheduler on (as in production), a queued email goes out without anyone
 * calling the sender. Its own context and database, so it takes no other test's work.
 */
@TestPropertySource(properties = { "app.mail.sender-enabled=true", "app.mail-poll-interval=200ms" })
class ScheduledSenderTests extends MailIntegrationTestSupport {

	@Test
	void theScheduledSenderDeliversAConfirmationWithinAFewPollIntervals() {
		String email = TestRegistrations.uniqueEmail("scheduled");
		long id = confirm("Programada", email, "en");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxStatus(id)).isEqualTo("SENT"));
		assertThat(greenMail.getReceivedMessages())
			.anySatisfy((message) -> assertThat(OutboxDeliveryTests.recipients(message)).containsExactly(email));
	}

}
