package org.winformusic.events.mail;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.Race;
import org.winformusic.events.registration.RegistrationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A link that confirms a change of email address works once, for the newest request only,
 * within its time: every other use gets a page that says why nothing changed. Its email
 * is not sent when the request ended before it went out.
 */
class EmailChangeLinkTests extends EmailChangeTestSupport {

	@Test
	void aSupersededUsedCancelledExpiredOrUnknownLinkSaysSoAndChangesNothing() throws Exception {
		String old = TestRegistrations.uniqueEmail("links");
		RegistrationResult result = registered("Gabi Enlaces", old, Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		String first = request(manage, TestRegistrations.uniqueEmail("first"));
		String second = TestRegistrations.uniqueEmail("second");
		String newest = request(manage, second);

		for (Answer superseded : List.of(page(first, "en"), confirm(first))) {
			assertThat(superseded.status()).isEqualTo(410);
			assertThat(superseded.text()).contains("This link is no longer valid",
					"a newer change of email address was requested for this registration");
		}
		assertThat(storedEmail(result.registrationId())).isEqualTo(old);

		String changed = confirm(newest).redirect();
		assertThat(changed).endsWith("?emailConfirmed");
		assertThat(storedEmail(result.registrationId())).isEqualTo(second);
		for (Answer used : List.of(confirm(newest), page(newest, "en"))) {
			assertThat(used.status()).isEqualTo(200);
			assertThat(used.text()).contains("This address is already confirmed",
					second + " is already the email address of this registration: this link was used");
		}
		assertThat(manageLinks(result.registrationId())).as("only the one the confirming browser got").isOne();

		manage = changed.replace("?emailConfirmed", "");
		String cancelled = request(manage, TestRegistrations.uniqueEmail("cancelled"));
		this.mvc.perform(post(manage + "/email-change/cancel").with(csrf()))
			.andExpect(redirectedUrl(manage + "?emailKept"));
		assertThat(page(manage + "?emailKept", "en").text())
			.contains("The change of email address is cancelled: your registration keeps " + second);
		assertThat(page(cancelled, "en").status()).isEqualTo(410);
		assertThat(page(cancelled, "en").text()).contains("This change was cancelled");

		String late = TestRegistrations.uniqueEmail("late");
		String expired = request(manage, late);
		this.jdbc.sql("update email_change set expires_at = now() - interval '1 minute' where new_email = ?")
			.param(late)
			.update();
		for (Answer tooLate : List.of(page(expired, "en"), confirm(expired))) {
			assertThat(tooLate.status()).isEqualTo(410);
			assertThat(tooLate.text()).contains("This link has expired",
					"Links to confirm a new email address work for 48 hours");
		}
		assertThat(page(manage, "en").text()).as("an expired change no longer waits")
			.doesNotContain("Email change waiting for confirmation");

		String unknown = "/email-change/" + "A".repeat(43);
		for (Answer nowhere : List.of(page(unknown, "en"), confirm(unknown), page("/email-change/short", "es"))) {
			assertThat(nowhere.status()).isEqualTo(404);
		}
		assertThat(page(unknown, "es").text()).contains("Este enlace ya no es válido",
				"Los enlaces para confirmar un correo nuevo funcionan una sola vez");
		assertThat(storedEmail(result.registrationId())).isEqualTo(second);
	}

	@Test
	void aChangeAskedBeforeTheEventEndedCannotBeConfirmedAfterIt() throws Exception {
		String old = TestRegistrations.uniqueEmail("before-end");
		RegistrationResult result = registered("Gabi Enlaces", old, Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		String link = request(manage, TestRegistrations.uniqueEmail("after-end"));
		this.jdbc.sql("""
				update event set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day'
				 where id = (select event_id from registration where id = ?)""")
			.param(result.registrationId())
			.update();

		for (Answer tooLate : List.of(page(link, "en"), confirm(link))) {
			assertThat(tooLate.status()).isEqualTo(410);
			assertThat(tooLate.text()).contains("This event has taken place", "Nothing changed.");
		}
		assertThat(storedEmail(result.registrationId())).isEqualTo(old);
	}

	@Test
	void twoClicksAtOnceChangeTheAddressOnceAndTheOtherGetsAClearPage() throws Exception {
		String typed = TestRegistrations.uniqueEmail("double-new");
		RegistrationResult result = registered("Gabi Enlaces", TestRegistrations.uniqueEmail("double-old"),
				Locale.ENGLISH);
		String link = request("/r/" + result.manageToken(), typed);

		List<Answer> clicks = Race.race(2, (i) -> () -> confirm(link));

		assertThat(clicks).filteredOn((click) -> click.redirect() != null)
			.singleElement()
			.satisfies((click) -> assertThat(click.redirect()).endsWith("?emailConfirmed"));
		assertThat(clicks).filteredOn((click) -> click.redirect() == null)
			.singleElement()
			.satisfies((click) -> assertThat(click.status()).isEqualTo(200))
			.satisfies((click) -> assertThat(click.text()).contains("This address is already confirmed"));
		assertThat(storedEmail(result.registrationId())).isEqualTo(typed);
		assertThat(manageLinks(result.registrationId())).isOne();
		assertThat(this.jdbc.sql("select count(*) from outbox_message where registration_id = ? and kind = ?")
			.params(result.registrationId(), "EMAIL_CHANGED_OLD")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aConfirmationWhoseRequestEndedBeforeItWentOutIsNotSent() throws Exception {
		String replaced = TestRegistrations.uniqueEmail("replaced");
		String kept = TestRegistrations.uniqueEmail("kept-request");
		String withdrawn = TestRegistrations.uniqueEmail("withdrawn");
		RegistrationResult result = registered("Iván Prisa", TestRegistrations.uniqueEmail("prisa"), Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Iván Prisa", replaced)).andExpect(redirectedUrl(manage + "?emailPending"));
		this.mvc.perform(edit(manage, "Iván Prisa", kept)).andExpect(redirectedUrl(manage + "?emailPending"));

		this.sender.sendDueMessages();

		assertThat(receivedBy(replaced)).isEmpty();
		assertThat(receivedBy(kept)).hasSize(1);
		assertThat(addressMessages(result.registrationId())).containsExactly("EMAIL_CONFIRM SKIPPED CHANGE_WITHDRAWN -",
				"EMAIL_CONFIRM SENT - " + kept);
		long skipped = this.jdbc
			.sql("select min(id) from outbox_message where registration_id = ? and kind = 'EMAIL_CONFIRM'")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		assertThat(text(this.mvc
			.perform(get("/admin/outbox/" + skipped).param("lang", "en").with(user("org@win.test").roles("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString())).contains("Confirmation of a new email address",
					"Not sent: by then the change of address had been replaced by a newer one, cancelled, or had expired.");

		greenMail.purgeEmailFromAllMailboxes();
		this.mvc.perform(edit(manage, "Iván Prisa", withdrawn)).andExpect(redirectedUrl(manage + "?emailPending"));
		this.mvc.perform(post(manage + "/email-change/cancel").with(csrf()))
			.andExpect(redirectedUrl(manage + "?emailKept"));
		this.sender.sendDueMessages();
		assertThat(receivedBy(withdrawn)).isEmpty();
	}

	/**
	 * Asks for a change to {@code address} and returns the path of the link sent there.
	 */
	private String request(String manage, String address) throws Exception {
		this.mvc.perform(edit(manage, "Gabi Enlaces", address)).andExpect(redirectedUrl(manage + "?emailPending"));
		// With the old address's notice, after a confirmed change.
		assertThat(this.sender.sendDueMessages()).isPositive();
		String link = confirmPath(address);
		greenMail.purgeEmailFromAllMailboxes();
		return link;
	}

	private long manageLinks(long registrationId) {
		return this.jdbc.sql("select count(*) from registration_token where registration_id = ?")
			.param(registrationId)
			.query(Long.class)
			.single();
	}

}
