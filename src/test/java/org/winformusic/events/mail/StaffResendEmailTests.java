package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import biweekly.Biweekly;
import biweekly.ICalendar;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The admin page's "resend email", through the real outbox to an SMTP server: the person
 * gets the email of where they stand now, and a calendar entry their confirmation added
 * is taken out again when the seat is no longer theirs.
 */
class StaffResendEmailTests extends MailIntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	StaffRegistrations staff;

	@Test
	void someoneWhoseSeatWasWithdrawnIsResentTheWithdrawnSeatsEmailThatRemovesTheCalendarEntry() throws Exception {
		String slug = inThirtyDays().capacity(1).create().slug();
		String moved = TestRegistrations.uniqueEmail("withdrawn");
		long seated = this.registrations.register(slug, form("Sara Sentada", moved), Locale.ENGLISH).registrationId();
		this.registrations.register(slug, form("Wendy Waiting", TestRegistrations.uniqueEmail("waiting")),
				Locale.ENGLISH);
		this.sender.sendDueMessages();
		ICalendar added = calendarOf(to(moved));
		this.staff.moveToWaitlist(seated);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		// A bulk resend's preview names the email that goes, not the plain waitlist one.
		String preview = this.mvc
			.perform(post("/admin/events/" + slug + "/registrations/bulk").param("action", "RESEND")
				.param("ids", String.valueOf(seated))
				.param("lang", "en")
				.with(csrf())
				.with(user("organizer@win.test").roles("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(preview).contains("Seat withdrawn, on the waitlist (removes the calendar entry)");
		resend(seated);

		MimeMessage resent = to(moved);
		assertThat(OutboxDeliveryTests.subjectOf(resent)).isEqualTo("You are now on the waitlist: Test workshop");
		assertThat(textOf(resent)).contains("Your seat is no longer confirmed", "You are now number 1 on the waitlist.",
				"open the attached event.ics to remove it", "http://localhost:8080/r/");
		ICalendar removal = calendarOf(resent);
		assertThat(removal.getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(removal.getEvents().get(0).getUid().getValue())
			.isEqualTo(added.getEvents().get(0).getUid().getValue());
		assertThat(removal.getEvents().get(0).getStatus().getValue()).isEqualTo("CANCELLED");
	}

	@Test
	void someoneWaitingWhoNeverHadASeatIsResentTheWaitlistEmailWithNoCalendarFile() throws Exception {
		String slug = inThirtyDays().capacity(1).create().slug();
		this.registrations.register(slug, form("Sara Sentada", TestRegistrations.uniqueEmail("seated")),
				Locale.ENGLISH);
		String waiting = TestRegistrations.uniqueEmail("waiting");
		long id = this.registrations.register(slug, form("Wendy Waiting", waiting), Locale.ENGLISH).registrationId();
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		resend(id);

		MimeMessage resent = to(waiting);
		assertThat(OutboxDeliveryTests.subjectOf(resent)).isEqualTo("You are on the waitlist: Test workshop");
		assertThat(textOf(resent)).contains("All seats are taken, so you are on the waitlist.");
		assertThat(OutboxDeliveryTests.parts(resent)).containsOnlyKeys("text/plain", "text/html");
	}

	@Test
	void someoneCancelledOrDeclinedAfterHoldingASeatIsResentTheirEmailWithTheFileThatRemovesTheEntry()
			throws Exception {
		String slug = inThirtyDays().capacity(5).create().slug();
		String cancelled = TestRegistrations.uniqueEmail("cancelled");
		String declined = TestRegistrations.uniqueEmail("declined");
		long cancelledId = this.registrations.register(slug, form("Carla Cancelada", cancelled), Locale.ENGLISH)
			.registrationId();
		long declinedId = this.registrations.register(slug, form("Beto Rechazado", declined), Locale.ENGLISH)
			.registrationId();
		this.sender.sendDueMessages();
		String uid = calendarOf(to(cancelled)).getEvents().get(0).getUid().getValue();
		this.staff.cancelByStaff(cancelledId);
		this.staff.decline(declinedId);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		resend(cancelledId);
		resend(declinedId);

		MimeMessage resentCancel = to(cancelled);
		assertThat(OutboxDeliveryTests.subjectOf(resentCancel)).isEqualTo("Registration cancelled: Test workshop");
		assertThat(calendarOf(resentCancel).getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(calendarOf(resentCancel).getEvents().get(0).getUid().getValue()).isEqualTo(uid);
		MimeMessage resentDecline = to(declined);
		assertThat(OutboxDeliveryTests.subjectOf(resentDecline)).isEqualTo("Registration not accepted: Test workshop");
		assertThat(calendarOf(resentDecline).getMethod().getValue()).isEqualTo("CANCEL");
	}

	/** The admin registration page's "resend email" button, then the outbox sends it. */
	private void resend(long registrationId) throws Exception {
		this.mvc
			.perform(post("/admin/registrations/" + registrationId + "/resend").with(csrf())
				.with(user("organizer@win.test").roles("ORGANIZER")))
			.andExpect(redirectedUrl("/admin/registrations/" + registrationId));
		this.sender.sendDueMessages();
	}

	private static String textOf(MimeMessage message) throws Exception {
		return (String) OutboxDeliveryTests.parts(message).get("text/plain").getContent();
	}

	private static ICalendar calendarOf(MimeMessage message) throws Exception {
		Map<String, Part> parts = OutboxDeliveryTests.parts(message);
		assertThat(parts).containsKey("text/calendar");
		return Biweekly
			.parse(new String(parts.get("text/calendar").getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.first();
	}

	private static RegistrationForm form(String name, String email) {
		return new RegistrationForm(name, email, "Discos Norte", null, "INDEPENDENT_LABEL", "CMX", "Ciudad de México",
				null, "YES", null, null, true, false, null);
	}

	/** An event of this test's own, a month away. */
	private TestEvents.Builder inThirtyDays() {
		return new TestEvents(this.jdbc).event().startsAt(Instant.now().plus(Duration.ofDays(30)));
	}

}
