package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.event.EventMoved;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.RegistrationValidator;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.registration.TestForms;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Emails are composed when they are sent, from the registration as it is then: a message
 * whose registration changed in between says what is true now, or is not sent at all when
 * it no longer applies (SKIPPED, shown to staff in words).
 */
class StaleMessageTests extends MailIntegrationTestSupport {

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	SelfService selfService;

	@Autowired
	RegistrationValidator validator;

	@Autowired
	MockMvc mvc;

	@Test
	void aConfirmationForSomeoneWhoCancelledBeforeItWentOutIsSkippedAndOnlyTheCancellationArrives() throws Exception {
		String email = TestRegistrations.uniqueEmail("changed-mind");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Ana Arrepentida", email),
				Locale.ENGLISH);
		this.selfService.cancelByToken(result.manageToken());

		this.sender.sendDueMessages();

		MimeMessage received = to(email);
		assertThat(OutboxDeliveryTests.subjectOf(received)).startsWith("Registration cancelled");
		assertThat(OutboxDeliveryTests.parts(received)).doesNotContainKey("image/png");
		assertThat(kindStatus(result.registrationId(), "CONFIRMED")).isEqualTo("SKIPPED");
		assertThat(kindStatus(result.registrationId(), "CANCELLED")).isEqualTo("SENT");
		long skipped = this.jdbc.sql("select id from outbox_message where registration_id = ? and kind = 'CONFIRMED'")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select recipient from outbox_message where id = ?")
			.param(skipped)
			.query(String.class)
			.optional()).as("nothing was sent to anyone").isEmpty();

		makeEverythingDue();
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("a skipped message is never retried").hasSize(1);
		assertThat(kindStatus(result.registrationId(), "CONFIRMED")).isEqualTo("SKIPPED");
		String page = staffPage("/admin/outbox/" + skipped + "?lang=en");
		assertThat(page).contains("Not sent: no longer applied")
			.contains("Not sent: by then the registration had been cancelled.")
			.doesNotContain(">SKIPPED<")
			.doesNotContain(">CANCELLED<");
		assertThat(staffPage("/admin/outbox?lang=es")).contains("No enviado: ya no aplicaba");
	}

	@Test
	void aWaitlistEmailForSomeonePromotedBeforeItWentOutIsSkippedAndThePromotionArrives() throws Exception {
		String slug = inThirtyDays().capacity(1).create().slug();
		String first = TestRegistrations.uniqueEmail("first");
		String second = TestRegistrations.uniqueEmail("second");
		RegistrationResult seated = this.registrations.register(slug, form("Primera", first), Locale.ENGLISH);
		RegistrationResult waiting = this.registrations.register(slug, form("Segunda", second), Locale.ENGLISH);
		this.staff.cancelByStaff(seated.registrationId());

		this.sender.sendDueMessages();

		assertThat(receivedBy(first)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactly("Registration cancelled: Test workshop");
		assertThat(receivedBy(second)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactly("A seat is yours: Test workshop");
		assertThat(kindStatus(waiting.registrationId(), "WAITLISTED")).isEqualTo("SKIPPED");
		assertThat(kindStatus(seated.registrationId(), "CONFIRMED")).isEqualTo("SKIPPED");
	}

	@Test
	void aWithdrawnSeatsEmailForSomeonePromotedBackBeforeItWentOutIsSkippedAndThePromotionArrives() throws Exception {
		String slug = inThirtyDays().capacity(1).create().slug();
		String movedEmail = TestRegistrations.uniqueEmail("moved-back");
		RegistrationResult moved = this.registrations.register(slug, form("Mara Movida", movedEmail), Locale.ENGLISH);
		String waitingEmail = TestRegistrations.uniqueEmail("waiting");
		RegistrationResult waiting = this.registrations.register(slug, form("Nico Esperando", waitingEmail),
				Locale.ENGLISH);
		this.sender.sendDueMessages();
		assertThat(receivedBy(movedEmail)).hasSize(1);
		assertThat(receivedBy(waitingEmail)).hasSize(1);
		greenMail.purgeEmailFromAllMailboxes();
		// Staff move her to the waitlist (her seat goes to Nico), then Nico cancels: the
		// seat comes straight back to her before any email went out.
		this.staff.moveToWaitlist(moved.registrationId());
		this.selfService.cancelByToken(waiting.manageToken());

		this.sender.sendDueMessages();

		assertThat(receivedBy(movedEmail)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactly("A seat is yours: Test workshop");
		assertThat(receivedBy(waitingEmail)).extracting(OutboxDeliveryTests::subjectOf)
			.as("Nico's own seat went back before its email went out")
			.containsExactly("Registration cancelled: Test workshop");
		assertThat(kindStatus(moved.registrationId(), "SEAT_WITHDRAWN")).isEqualTo("SKIPPED");
		long skipped = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind = 'SEAT_WITHDRAWN'")
			.param(moved.registrationId())
			.query(Long.class)
			.single();
		assertThat(staffPage("/admin/outbox/" + skipped + "?lang=en")).contains("Seat withdrawn, moved to the waitlist",
				"Not sent: by then the registration was confirmed.");
		assertThat(staffPage("/admin/outbox/" + skipped + "?lang=es")).contains("Ya no tiene lugar confirmado");
	}

	@Test
	void aMovedEventsEmailForSomeoneWhoCancelledBeforeItWentOutIsSkipped() throws Exception {
		TestEvents.Created event = inThirtyDays().capacity(10).create();
		String email = TestRegistrations.uniqueEmail("moved-then-gone");
		RegistrationResult result = this.registrations.register(event.slug(), form("Lola Luego", email),
				Locale.ENGLISH);
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).hasSize(1);
		greenMail.purgeEmailFromAllMailboxes();
		this.transactions.executeWithoutResult((tx) -> this.publisher.publishEvent(new EventMoved(event.id(), null)));
		this.selfService.cancelByToken(result.manageToken());

		this.sender.sendDueMessages();

		assertThat(receivedBy(email)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactly("Registration cancelled: Test workshop");
		assertThat(kindStatus(result.registrationId(), "EVENT_CHANGED")).isEqualTo("SKIPPED");
		long skipped = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind = 'EVENT_CHANGED'")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		assertThat(staffPage("/admin/outbox/" + skipped + "?lang=en")).contains("Change of date, time or venue",
				"Not sent: by then the registration had been cancelled.");
		assertThat(staffPage("/admin/outbox/" + skipped + "?lang=es")).contains("Cambio de fecha, horario o sede");
	}

	@Test
	void aNewAddressesConfirmationForSomeoneWhoCancelledBeforeItWentOutIsNotSent() throws Exception {
		String old = TestRegistrations.uniqueEmail("moved-away");
		String typed = TestRegistrations.uniqueEmail("moved-to");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Flor Fuga", old), Locale.ENGLISH);
		this.sender.sendDueMessages();
		assertThat(receivedBy(old)).hasSize(1);
		greenMail.purgeEmailFromAllMailboxes();
		long eventId = this.jdbc.sql("select event_id from registration where id = ?")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		this.selfService.updateByToken(result.manageToken(),
				TestForms.checkedEdit(this.validator, form("Flor Fuga", typed), eventId));
		this.selfService.cancelByToken(result.manageToken());

		this.sender.sendDueMessages();

		assertThat(receivedBy(old)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactly("Registration cancelled: Test workshop");
		assertThat(receivedBy(typed)).as("the new address's confirmation").isEmpty();
		assertThat(kindStatus(result.registrationId(), "EMAIL_CONFIRM")).isEqualTo("SKIPPED");
	}

	@Test
	void anEmailSaysWhatIsTrueWhenItIsSentNotWhenItWasQueued() throws Exception {
		String email = TestRegistrations.uniqueEmail("renamed");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Nombre Viejo", email),
				Locale.ENGLISH);
		long eventId = this.jdbc.sql("select event_id from registration where id = ?")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		this.selfService.updateByToken(result.manageToken(),
				TestForms.checkedEdit(this.validator, form("Nombre Nuevo", email), eventId));

		this.sender.sendDueMessages();

		String text = (String) OutboxDeliveryTests.parts(to(email)).get("text/plain").getContent();
		assertThat(text).contains("Hello Nombre Nuevo,").doesNotContain("Nombre Viejo");
		assertThat(this.jdbc.sql("select recipient || ' ' || subject from outbox_message where registration_id = ?")
			.param(result.registrationId())
			.query(String.class)
			.single()).as("what was actually sent").startsWith(email + " You are registered");
	}

	@Test
	void aLinkReminderIsSentWhateverTheStateAndShowsTheCurrentOne() throws Exception {
		String email = TestRegistrations.uniqueEmail("reminder");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Ana Recordada", email),
				Locale.ENGLISH);
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).hasSize(1);
		long eventId = this.jdbc.sql("select event_id from registration where id = ?")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(result.registrationId());
		this.registrations.sendLink(eventId, email);
		this.staff.cancelByStaff(result.registrationId());

		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("the confirmation, the link and the cancellation").hasSize(3);
		assertThat(kindStatus(result.registrationId(), "LINK_REMINDER")).isEqualTo("SENT");
	}

	/**
	 * An event of this test's own: the shared seeded event fills up over the suite, and
	 * promotions among its waitlist would add other people's emails to the count.
	 */
	private String freshEvent() {
		return inThirtyDays().capacity(10).create().slug();
	}

	private String kindStatus(long registrationId, String kind) {
		return this.jdbc.sql("select status from outbox_message where registration_id = ? and kind = ?")
			.params(registrationId, kind)
			.query(String.class)
			.single();
	}

	private String staffPage(String path) throws Exception {
		return this.mvc.perform(get(path).with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static RegistrationForm form(String name, String email) {
		return new RegistrationForm(name, email, "Discos Norte", null, "INDEPENDENT_LABEL", "CMX", "Ciudad de México",
				null, "YES", null, null, true, false, null);
	}

	/** An event of this test's own, a month away. */
	private TestEvents.Builder inThirtyDays() {
		return new TestEvents(this.jdbc).event().startsAt(java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
	}

}
