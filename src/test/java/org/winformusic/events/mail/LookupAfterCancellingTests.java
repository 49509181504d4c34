package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Someone who cancelled keeps their data until the retention period ends, and reaches it
 * through their link: "email me my link" sends the link of their cancelled registration,
 * which says it is cancelled, within the same hourly limit; the lookup page answers the
 * same as for any address.
 */
class LookupAfterCancellingTests extends MailIntegrationTestSupport {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Test
	void theLookupEmailsTheLinkOfACancelledRegistrationSayingItIsCancelled() throws Exception {
		String email = TestRegistrations.uniqueEmail("cancelled-lookup");
		String slug = slug();
		String manage = register(slug, email);
		this.mvc.perform(post(manage + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();
		pastTheDoubleTapWindow(manage);

		String answer = lookup(slug, email);
		assertThat(answer).isEqualTo(lookup(slug, TestRegistrations.uniqueEmail("nobody")));
		this.sender.sendDueMessages();

		assertThat(receivedBy(email)).hasSize(1);
		String text = text(receivedBy(email).get(0));
		assertThat(text).contains(this.messages.getMessage("mail.LINK_REMINDER.status.CANCELLED", null, SPANISH));
		String link = OutboxDeliveryTests.manageLink(text).replace("http://localhost:8080", "");
		String page = this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Cancelado");
	}

	@Test
	void theCancelledRegistrationsLinksKeepTheHourlyLimit() throws Exception {
		String email = TestRegistrations.uniqueEmail("cancelled-limit");
		String slug = slug();
		String manage = register(slug, email);
		this.mvc.perform(post(manage + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		// Three minutes apart, so none is a double tap; all within the hour.
		for (int i = 0; i < 8; i++) {
			pastTheDoubleTapWindow(manage);
			lookup(slug, email);
		}
		this.sender.sendDueMessages();
		// Five links an hour, the registration's first email among them.
		assertThat(receivedBy(email)).hasSize(4);
	}

	@Test
	void anAddressThatRegisteredAgainAfterCancellingGetsTheLinkOfItsNewRegistration() throws Exception {
		String email = TestRegistrations.uniqueEmail("registered-again");
		String slug = slug();
		this.mvc.perform(post(register(slug, email) + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
		String again = register(slug, email);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();
		pastTheDoubleTapWindow(again);

		lookup(slug, email);
		this.sender.sendDueMessages();

		assertThat(receivedBy(email)).hasSize(1);
		assertThat(text(receivedBy(email).get(0)))
			.contains(this.messages.getMessage("mail.LINK_REMINDER.status.CONFIRMED", null, SPANISH))
			.doesNotContain(this.messages.getMessage("mail.LINK_REMINDER.status.CANCELLED", null, SPANISH));
	}

	private String slug() {
		long eventId = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(Duration.ofDays(30)))
			.capacity(10)
			.create()
			.id();
		return this.jdbc.sql("select slug from event where id = ?").param(eventId).query(String.class).single();
	}

	/** Registers through the form; returns the manage link's path. */
	private String register(String slug, String email) throws Exception {
		return this.mvc.perform(TestRegistrations.formPost(slug, "Ana Cancela", email))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
	}

	/** Three minutes pass for the link emails of the registration of this manage path. */
	private void pastTheDoubleTapWindow(String manage) {
		new TestRegistrations(this.jdbc)
			.pastTheDoubleTapWindow(this.tokens.resolve(manage.substring("/r/".length())).orElseThrow());
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

	private static String text(MimeMessage message) throws Exception {
		return (String) OutboxDeliveryTests.parts(message).get("text/plain").getContent();
	}

}
