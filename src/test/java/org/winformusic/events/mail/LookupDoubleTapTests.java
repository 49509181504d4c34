package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.Race;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Enviarme mi enlace" tapped twice (a double tap without JavaScript, Back and send
 * again) emails the link once: a lookup less than two minutes after the last email with
 * the link was asked for, or after registering, sends nothing, and the page reads the
 * same. A lookup after those minutes sends again.
 */
class LookupDoubleTapTests extends MailIntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void aLookupSentTwiceInARowEmailsTheLinkOnceAndAnswersTheSameBothTimes() throws Exception {
		String email = TestRegistrations.uniqueEmail("tapped-twice");
		String slug = slug();
		long id = register(slug, email);
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id);

		String first = lookup(slug, email);
		String second = lookup(slug, email);
		this.sender.sendDueMessages();

		assertThat(receivedBy(email)).as("one link, not two").hasSize(1);
		assertThat(OutboxDeliveryTests.subjectOf(receivedBy(email).get(0))).startsWith("Tu enlace de registro");
		assertThat(second).isEqualTo(first)
			.isEqualTo(lookup(slug, TestRegistrations.uniqueEmail("nobody")))
			.contains("Si este correo está registrado para este evento, te enviamos su enlace personal.");
	}

	@Test
	void twoLookupsAtTheSameMomentEmailTheLinkOnce() throws Exception {
		String email = TestRegistrations.uniqueEmail("tapped-at-once");
		String slug = slug();
		long id = register(slug, email);
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id);

		List<Integer> statuses = Race.race(2,
				(i) -> () -> this.mvc.perform(post("/events/" + slug + "/lookup").with(csrf()).param("email", email))
					.andReturn()
					.getResponse()
					.getStatus());
		this.sender.sendDueMessages();

		assertThat(statuses).containsOnly(200);
		assertThat(receivedBy(email)).hasSize(1);
	}

	@Test
	void aLookupRightAfterRegisteringSendsNothingMoreThanTheConfirmationWithItsLink() throws Exception {
		String email = TestRegistrations.uniqueEmail("just-registered");
		String slug = slug();
		register(slug, email);

		lookup(slug, email);
		this.sender.sendDueMessages();

		assertThat(receivedBy(email)).as("the confirmation, with the link, went already").isEmpty();
	}

	@Test
	void aLookupPastTheDoubleTapMinutesEmailsTheLinkAgain() throws Exception {
		String email = TestRegistrations.uniqueEmail("asked-again");
		String slug = slug();
		long id = register(slug, email);
		TestRegistrations registrations = new TestRegistrations(this.jdbc);
		registrations.pastTheDoubleTapWindow(id);
		lookup(slug, email);
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).hasSize(1);

		registrations.pastTheDoubleTapWindow(id);
		lookup(slug, email);
		this.sender.sendDueMessages();

		assertThat(receivedBy(email)).as("the first link and the second").hasSize(2);
		for (var message : receivedBy(email)) {
			assertThat(OutboxDeliveryTests.subjectOf(message)).startsWith("Tu enlace de registro");
		}
	}

	private String slug() {
		long eventId = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(Duration.ofDays(30)))
			.capacity(10)
			.create()
			.id();
		return this.jdbc.sql("select slug from event where id = ?").param(eventId).query(String.class).single();
	}

	/**
	 * Registers through the form, sends the confirmation and empties the mailboxes;
	 * returns the registration's id.
	 */
	private long register(String slug, String email) throws Exception {
		this.mvc.perform(TestRegistrations.formPost(slug, "Ana Dos Veces", email))
			.andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("the confirmation").hasSize(1);
		greenMail.purgeEmailFromAllMailboxes();
		return this.jdbc.sql("select id from registration where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	/** The lookup page's answer, without its CSRF token. */
	private String lookup(String slug, String email) throws Exception {
		return this.mvc.perform(post("/events/" + slug + "/lookup").with(csrf()).param("email", email))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

}
