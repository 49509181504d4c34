package org.winformusic.events.privacy;

import java.time.Duration;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The traces of a change of email address go with the person's other data, at once when
 * they erase it and when the event's retention period ends: the old address, stored with
 * the notice it is sent (it is no longer the registration's), and an address asked for
 * that waits for confirmation (with its confirmation link), which the data report lists.
 */
class ChangedEmailTracesTests extends PersonalDataTestSupport {

	@Test
	void anErasureLeavesTheOldAddressNowhere() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+525512340011");
		String token = register(event(Duration.ofDays(20), 5), person);
		this.sender.sendDueMessages();
		String old = person.email();
		token = changeEmail(token, person, "nueva." + marker() + "@example.org");
		this.sender.sendDueMessages();
		assertThat(noticesTo(old)).as("the notice to the old address keeps it").isOne();

		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));

		assertThat(whereStored(old)).isEmpty();
	}

	@Test
	void theRetentionPeriodLeavesNeitherTheOldAddressNorAnAddressAskedFor() throws Exception {
		String slug = event(Duration.ofDays(2), 5);
		Person person = Person.marked(marker(), "+525512340012");
		String token = register(slug, person);
		Person waiting = Person.marked(marker(), "+525512340014");
		String waitingToken = register(slug, waiting);
		this.sender.sendDueMessages();
		changeEmail(token, person, "otra." + marker() + "@example.org");
		String asked = "retenida." + marker() + "@example.org";
		this.mvc.perform(edit(waitingToken, waiting, asked))
			.andExpect(redirectedUrl("/r/" + waitingToken + "?emailPending"));
		this.sender.sendDueMessages();
		assertThat(noticesTo(person.email())).isOne();
		assertThat(whereStored(asked)).contains("email_change.new_email");

		// One move of the shared clock: other tests of this context read it too.
		this.clock.advance(Duration.ofDays(2 + 181));
		this.retention.run();

		assertThat(whereStored(person.email())).isEmpty();
		assertThat(whereStored(asked)).isEmpty();
	}

	@Test
	void anAddressWaitingForConfirmationIsInTheDataReportAndGoesWithAnErasure() throws Exception {
		Person person = Person.marked(marker(), "+525512340013");
		String token = register(event(Duration.ofDays(20), 5), person);
		this.sender.sendDueMessages();
		String asked = "pedida." + marker() + "@example.org";
		this.mvc.perform(edit(token, person, asked)).andExpect(redirectedUrl("/r/" + token + "?emailPending"));
		this.sender.sendDueMessages();
		assertThat(whereStored(asked)).contains("email_change.new_email", "outbox_message.recipient");

		assertThat(body(get("/r/" + token + "/data").param("lang", "es")))
			.contains("Cambio de correo pendiente de confirmar", asked);
		assertThat(body(get("/r/" + token + "/data.json"))).contains("\"pendingEmailChange\"", asked);

		long id = registrationId(person.email());
		String links = "select count(*) from email_change_token t join email_change c on c.id = t.change_id"
				+ " where c.registration_id = ?";
		assertThat(this.jdbc.sql(links).param(id).query(Long.class).single()).isOne();

		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));

		assertThat(whereStored(asked)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from email_change where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).as("neither the change nor its confirmation link is left").isZero();
	}

	private long noticesTo(String address) {
		return this.jdbc
			.sql("select count(*) from outbox_message where kind = 'EMAIL_CHANGED_OLD' and status = 'SENT' "
					+ "and recipient = ?")
			.param(address)
			.query(Long.class)
			.single();
	}

	/**
	 * Asks for {@code email}, confirms it with the link sent there, and returns the
	 * manage token the confirming browser was given (every earlier one stopped working).
	 */
	private String changeEmail(String token, Person person, String email) throws Exception {
		this.mvc.perform(edit(token, person, email)).andExpect(redirectedUrl("/r/" + token + "?emailPending"));
		this.sender.sendDueMessages();
		String link = null;
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(email)) {
				link = textOf(message).lines()
					.filter((line) -> line.startsWith("http://localhost:8080/email-change/"))
					.findFirst()
					.orElseThrow()
					.replace("http://localhost:8080", "");
			}
		}
		assertThat(link).as("the confirmation link sent to " + email).isNotNull();
		String changed = this.mvc.perform(post(link).with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(changed).endsWith("?emailConfirmed");
		return changed.replace("/r/", "").replace("?emailConfirmed", "");
	}

	private static String textOf(Part part) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(textOf(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		return part.isMimeType("text/plain") ? (String) part.getContent() : "";
	}

	private MockHttpServletRequestBuilder edit(String token, Person person, String email) {
		return post("/r/" + token + "/edit").with(csrf()).with(fieldsOf(person, email));
	}

}
