package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.QrCodes;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.event.EventAdministration;
import org.winformusic.events.event.EventForm;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registering through the real form and service, as a visitor does, and the emails that
 * follow.
 */
class RegistrationEmailTests extends MailIntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	CheckinPasses passes;

	@Autowired
	EventAdministration administration;

	/**
	 * This test's copy of the seeded workshop (its texts and titles), with seats to
	 * spare: the seeded one's 60 are shared with the other mail tests of this context,
	 * whose confirmed rows (OutboxShutdownTests' 3 000, OutboxDeliveryTests' 500) take
	 * them all when they run first, and a form registration is then waitlisted.
	 */
	String workshop;

	@BeforeEach
	void ownWorkshop() {
		this.workshop = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slugPrefix("email-workshop")
			.capacity(20)
			.create()
			.slug();
	}

	@Test
	void aRegistrationThroughTheFormProducesExactlyOneConfirmationWhoseLinkOpensTheManagePage() throws Exception {
		String email = TestRegistrations.uniqueEmail("form");
		this.mvc.perform(form(email).param("lang", "en")).andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		makeEverythingDue();
		this.sender.sendDueMessages();

		// One email however often the outbox is drained.
		MimeMessage message = to(email);
		assertThat(OutboxDeliveryTests.recipients(message)).containsExactly(email);
		assertThat(message.getSubject()).startsWith("You are registered: Roadmap to Starting");
		// No privacy contact is set here: replies go to the From.
		assertThat(message.getHeader("Reply-To")).isNull();
		var parts = OutboxDeliveryTests.parts(message);
		String text = (String) parts.get("text/plain").getContent();
		assertThat((String) parts.get("text/html").getContent()).contains("Monday 20 March 2028");
		assertThat(Biweekly.parse(parts.get("text/calendar").getInputStream()).first().getEvents()).hasSize(1);

		String link = OutboxDeliveryTests.manageLink(text);
		String page = this.mvc.perform(get(link.substring("http://localhost:8080".length())).param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(email);
	}

	@Test
	void anAddressWithAnAccentedDomainIsDeliveredToItsAsciiFormAndMarkedSent() throws Exception {
		String local = "ana-" + System.nanoTime();
		String typed = local + "@diseño.mx";
		this.mvc.perform(form(typed).param("lang", "en")).andExpect(status().is3xxRedirection());

		assertThat(this.sender.sendDueMessages()).isPositive();

		// The SMTP envelope (RCPT TO) carried the punycode domain: GreenMail files the
		// message under that mailbox.
		MimeMessage[] delivered = greenMail.getReceivedMessagesForDomain("xn--diseo-rta.mx");
		assertThat(delivered).hasSize(1);
		assertThat(OutboxDeliveryTests.recipients(delivered[0])).containsExactly(local + "@xn--diseo-rta.mx");
		// What the person typed stays what staff see and the page shows.
		assertThat(this.jdbc.sql("select status from outbox_message where recipient = ?")
			.param(typed)
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

	@Test
	void theEmailedAndDownloadedCalendarFilesLinkTheEventPageAndNeverTheManageLink() throws Exception {
		String email = TestRegistrations.uniqueEmail("ics");
		this.mvc.perform(form(email).param("lang", "en")).andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();

		var parts = OutboxDeliveryTests.parts(to(email));
		String token = manageToken((String) parts.get("text/plain").getContent());
		String emailed = new String(parts.get("text/calendar").getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String downloaded = this.mvc.perform(get("/r/" + token + "/event.ics"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		// Calendar entries are synced to shared and delegated calendars: whoever reads
		// one must not get the link that changes or cancels the registration.
		for (String ics : List.of(emailed, downloaded)) {
			assertThat(ics).doesNotContain(token).doesNotContain("/r/");
			VEvent entry = Biweekly.parse(ics).first().getEvents().get(0);
			assertThat(entry.getUrl().getValue()).isEqualTo("http://localhost:8080/events/" + this.workshop);
			assertThat(entry.getDescription().getValue()).contains("http://localhost:8080/events/" + this.workshop);
			// The sender (app.mail-from "WIN Events <events@test.invalid>") organizes it.
			assertThat(entry.getOrganizer().getCommonName()).isEqualTo("WIN Events");
			assertThat(entry.getOrganizer().getEmail()).isEqualTo("events@test.invalid");
		}
		assertThat(Biweekly.parse(downloaded).first().getEvents().get(0).getUid().getValue())
			.isEqualTo(Biweekly.parse(emailed).first().getEvents().get(0).getUid().getValue())
			.isEqualTo("registration-" + this.tokens.resolve(token).orElseThrow() + "@win-events");
	}

	@Test
	void theConfirmationShowsTheCheckinPassAsAnInlinePngThatScansToTheCheckinCardOfThisRegistrant() throws Exception {
		String email = TestRegistrations.uniqueEmail("qr");
		this.mvc.perform(form(email).param("lang", "en")).andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();

		MimeMessage message = to(email);
		// mixed → [alternative → [text, related → [html, png]], ics]
		assertThat(message.getContentType()).startsWith("multipart/mixed");
		Multipart mixed = (Multipart) message.getContent();
		assertThat(mixed.getCount()).isEqualTo(2);
		assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
		assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("event.ics");
		Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
		assertThat(alternative.getCount()).isEqualTo(2);
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(alternative.getBodyPart(1).getContentType()).startsWith("multipart/related")
			.contains("type=\"text/html\"");
		Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
		assertThat(related.getCount()).isEqualTo(2);
		assertThat(related.getBodyPart(0).getContentType()).startsWith("text/html");
		BodyPart image = related.getBodyPart(1);
		assertThat(image.getContentType()).startsWith("image/png");
		assertThat(image.getHeader("Content-ID")).containsExactly("<checkin-qr>");
		assertThat(image.getDisposition()).isEqualTo(Part.INLINE);

		String text = (String) alternative.getBodyPart(0).getContent();
		String html = (String) related.getBodyPart(0).getContent();
		assertThat(html).contains("<img src=\"cid:checkin-qr\" alt=\"Check-in QR code\"");
		assertThat(text).contains("show the QR code in the HTML version of this email or on your registration page");
		String token = manageToken(text);
		String scanned = QrCodes.decode(image.getInputStream().readAllBytes());
		long id = this.tokens.resolve(token).orElseThrow();
		assertThat(scanned).isEqualTo(this.passes.link(id))
			.startsWith("http://localhost:8080/p/")
			.doesNotContain(token);
		String pass = scanned.substring("http://localhost:8080/p/".length());
		this.mvc.perform(get("/p/" + pass).with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/checkin/pass/" + pass));
		String card = this.mvc
			.perform(get("/admin/checkin/pass/" + pass).param("lang", "en")
				.with(user("door@win.test").roles("ORGANIZER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(card).contains("Ana Pérez");
	}

	@Test
	void waitlistedDeclinedAndPendingEmailsCarryNoQrCode() throws Exception {
		String waiting = TestRegistrations.uniqueEmail("wait");
		String declined = TestRegistrations.uniqueEmail("no");
		String pending = TestRegistrations.uniqueEmail("pend");
		register("WAITLISTED", RegistrationMessage.Type.WAITLISTED, "Espera", waiting, "L", "es");
		register("DECLINED", RegistrationMessage.Type.DECLINED, "No", declined, "L", "en");
		register("PENDING", RegistrationMessage.Type.RECEIVED_PENDING, "Pend", pending, "L", "en");
		this.sender.sendDueMessages();

		for (String address : List.of(waiting, declined, pending)) {
			var parts = OutboxDeliveryTests.parts(to(address));
			// None of them held a seat: nothing adds the event to a calendar, and the
			// decline
			// has no entry to take out (MailComposerTests: one that held a seat does).
			assertThat(parts).containsOnlyKeys("text/plain", "text/html");
			assertThat((String) parts.get("text/plain").getContent()).doesNotContain("calendar.google.com");
			assertThat((String) parts.get("text/html").getContent()).doesNotContain("cid:");
			// Links left out: a random manage token may spell "QR" (1 in about 100
			// emails).
			assertThat(((String) parts.get("text/plain").getContent()).replaceAll("https?://\\S+", ""))
				.doesNotContain("QR");
		}
	}

	@Test
	void registeringTwiceSendsTheLinkAgainInsteadOfASecondConfirmation() throws Exception {
		String email = TestRegistrations.uniqueEmail("twice");
		this.mvc.perform(form(email)).andExpect(status().is3xxRedirection());
		// Later than a double tap (LinkReminders.DOUBLE_TAP_WINDOW).
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(
				this.jdbc.sql("select id from registration where email = ?").param(email).query(Long.class).single());
		this.mvc.perform(form(email));

		this.sender.sendDueMessages();

		assertThat(receivedBy(email)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactlyInAnyOrder(
					"Tu registro está confirmado: Hoja de ruta para crear una asociación de música independiente en México",
					"Tu enlace de registro: Hoja de ruta para crear una asociación de música independiente en México");
	}

	@Test
	void someoneDeclinedIsNeitherInvitedToRegisterAgainNorOfferedChangesWhenTheyTry() throws Exception {
		String email = TestRegistrations.uniqueEmail("declined");
		this.mvc.perform(form(email).param("lang", "en")).andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from registration where email = ?").param(email).query(Long.class).single();
		this.staff.decline(id);
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id);
		this.mvc.perform(form(email).param("lang", "en")).andExpect(status().isOk());

		this.sender.sendDueMessages();

		List<MimeMessage> received = receivedBy(email);
		String declined = text(received, "Registration not accepted");
		assertThat(declined).doesNotContain("register again").contains("think this is a mistake");
		String reminder = text(received, "Your registration link");
		assertThat(reminder).contains("The organizers could not accept this registration")
			.doesNotContain("see, change or cancel")
			.contains("Your registration (see it and the data we hold about you):");
	}

	private static String text(List<MimeMessage> messages, String subject) throws Exception {
		MimeMessage message = messages.stream()
			.filter((m) -> OutboxDeliveryTests.subjectOf(m).startsWith(subject))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no email \"" + subject + "…\""));
		return (String) OutboxDeliveryTests.parts(message).get("text/plain").getContent();
	}

	@Test
	void whileSmtpIsDownEveryRegistrationSucceedsAndWhenItIsBackEachPersonGetsExactlyOneConfirmation()
			throws Exception {
		OutboxSender down = senderTo(OutboxDeliveryTests.closedPort());
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String email = TestRegistrations.uniqueEmail("outage");
			emails.add(email);
			RegistrationResult result = this.registrations.register(this.workshop, form("Persona " + i, email),
					Locale.forLanguageTag("es"));
			assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.CREATED);
			assertThat(down.sendDueMessages()).isZero();
		}
		assertThat(this.jdbc
			.sql("select count(*) from outbox_message where status = 'PENDING' and attempts = 1 and recipient = any(?)")
			.param(emails.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(4);

		makeEverythingDue();
		this.sender.sendDueMessages();
		makeEverythingDue();
		this.sender.sendDueMessages();

		for (String email : emails) {
			assertThat(receivedBy(email)).as("emails to " + email).hasSize(1);
		}
	}

	@Test
	void aFreedSeatPromotesTheWaitlistAndThePromotedPersonGetsTheCalendarFile() throws Exception {
		String slug = inThirtyDays().capacity(1).create().slug();
		String first = TestRegistrations.uniqueEmail("seated");
		String second = TestRegistrations.uniqueEmail("waiting");
		RegistrationResult seated = this.registrations.register(slug, form("Primera", first), Locale.ENGLISH);
		RegistrationResult waiting = this.registrations.register(slug, form("Segunda", second),
				Locale.forLanguageTag("es"));
		assertThat(waiting.status()).hasToString("WAITLISTED");

		this.sender.sendDueMessages();
		this.staff.cancelByStaff(seated.registrationId());
		this.sender.sendDueMessages();

		List<MimeMessage> toSecond = receivedBy(second);
		assertThat(toSecond).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactlyInAnyOrder("Estás en la lista de espera: Taller de prueba",
					"Ya tienes lugar: Taller de prueba");
		MimeMessage waitlisted = toSecond.stream()
			.filter((m) -> OutboxDeliveryTests.subjectOf(m).startsWith("Estás"))
			.findFirst()
			.orElseThrow();
		assertThat((String) OutboxDeliveryTests.parts(waitlisted).get("text/plain").getContent())
			.contains("Eres el número 1 de la lista de espera.");
		MimeMessage promoted = toSecond.stream()
			.filter((m) -> OutboxDeliveryTests.subjectOf(m).startsWith("Ya tienes"))
			.findFirst()
			.orElseThrow();
		assertThat(OutboxDeliveryTests.parts(promoted)).containsKeys("text/calendar", "image/png");
		String promotedToken = manageToken((String) OutboxDeliveryTests.parts(promoted).get("text/plain").getContent());
		assertThat(QrCodes.decode(OutboxDeliveryTests.parts(promoted).get("image/png").getInputStream().readAllBytes()))
			.isEqualTo(this.passes.link(waiting.registrationId()))
			.doesNotContain(promotedToken);
		assertThat(OutboxDeliveryTests.parts(waitlisted)).doesNotContainKey("image/png");
		assertThat(receivedBy(first)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactlyInAnyOrder("You are registered: Test workshop", "Registration cancelled: Test workshop");
	}

	@Test
	void aConfirmedPersonStaffMoveToTheWaitlistIsToldTheSeatIsGoneTheirPlaceAndGetsTheCalendarEntryRemoved()
			throws Exception {
		String slug = inThirtyDays().capacity(1).create().slug();
		String moved = TestRegistrations.uniqueEmail("moved");
		RegistrationResult seated = this.registrations.register(slug, form("Sara Sentada", moved),
				Locale.forLanguageTag("es"));
		String firstEmail = TestRegistrations.uniqueEmail("first");
		RegistrationResult first = this.registrations.register(slug, form("Primera Espera", firstEmail),
				Locale.ENGLISH);
		this.registrations.register(slug, form("Segunda Espera", TestRegistrations.uniqueEmail("second")),
				Locale.ENGLISH);
		this.sender.sendDueMessages();
		VEvent added = Biweekly.parse(calendarFile(to(moved))).first().getEvents().get(0);
		greenMail.purgeEmailFromAllMailboxes();

		this.staff.moveToWaitlist(seated.registrationId());

		this.sender.sendDueMessages();
		// The withdrawn seat's email (below) and the promotion.
		assertThat(receivedBy(firstEmail)).extracting(OutboxDeliveryTests::subjectOf)
			.containsExactly("A seat is yours: Test workshop");
		assertThat(this.jdbc.sql("select status from registration where id = ?")
			.param(first.registrationId())
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");
		MimeMessage withdrawn = to(moved);
		assertThat(OutboxDeliveryTests.subjectOf(withdrawn))
			.isEqualTo("Pasaste a la lista de espera: Taller de prueba");
		String text = (String) OutboxDeliveryTests.parts(withdrawn).get("text/plain").getContent();
		// Behind the person who was already waiting: they joined the waitlist first.
		assertThat(text)
			.contains("Tu lugar ya no está confirmado", "Ahora eres el número 2 de la lista de espera.",
					"cancelar tu registro", "crees que se trata de un error", "http://localhost:8080/r/")
			.doesNotContain("Los lugares están agotados");
		var parts = OutboxDeliveryTests.parts(withdrawn);
		assertThat(parts).containsOnlyKeys("text/plain", "text/html", "text/calendar");
		assertThat(parts.get("text/calendar").getContentType()).contains("method=CANCEL");
		VEvent removed = Biweekly.parse(calendarFile(withdrawn)).first().getEvents().get(0);
		assertThat(removed.getUid().getValue()).isEqualTo(added.getUid().getValue());
		assertThat(removed.getStatus().getValue()).isEqualTo("CANCELLED");
		assertThat(removed.getSequence().getValue()).isGreaterThan(added.getSequence().getValue());
		assertThat(this.jdbc.sql("select kind from outbox_message where registration_id = ?")
			.param(seated.registrationId())
			.query(String.class)
			.list()).containsExactly("CONFIRMED", "SEAT_WITHDRAWN");
	}

	@Test
	void aSeatWithdrawnAndGivenBackWithinOneSecondSendsCalendarFilesWithStrictlyGrowingSequence() throws Exception {
		String slug = inThirtyDays().capacity(1).create().slug();
		String moved = TestRegistrations.uniqueEmail("back-and-forth");
		RegistrationResult seated = this.registrations.register(slug, form("Sara Sentada", moved), Locale.ENGLISH);
		RegistrationResult waiting = this.registrations.register(slug,
				form("Wendy Waiting", TestRegistrations.uniqueEmail("waiting")), Locale.ENGLISH);
		// Every change below happens within the same second as the registration: the
		// sequence must grow with each change however close together they come.
		Instant sameSecond = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Long> sequences = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		for (Runnable change : List.<Runnable>of(() -> {
		}, () -> this.staff.moveToWaitlist(seated.registrationId()),
				// The waiting person leaves: the freed seat goes back to the moved one.
				() -> this.staff.cancelByStaff(waiting.registrationId()))) {
			greenMail.purgeEmailFromAllMailboxes();
			change.run();
			this.jdbc.sql("update registration set updated_at = ? where id = ?")
				.params(Timestamp.from(sameSecond), seated.registrationId())
				.update();
			this.sender.sendDueMessages();
			VEvent entry = Biweekly.parse(calendarFile(to(moved))).first().getEvents().get(0);
			sequences.add(entry.getSequence().getValue().longValue());
			statuses.add(entry.getStatus().getValue());
		}

		assertThat(statuses).containsExactly("CONFIRMED", "CANCELLED", "CONFIRMED");
		assertThat(sequences.get(1)).isGreaterThan(sequences.get(0));
		assertThat(sequences.get(2)).isGreaterThan(sequences.get(1));
		assertThat(sequences).allSatisfy((sequence) -> assertThat(sequence).isBetween(0L, (long) Integer.MAX_VALUE));
	}

	/**
	 * Organizers move the event (the announcement gave no hours: the seed's are a guess).
	 * The next email with a calendar file, a resend or the reminder, carries the new
	 * time; a calendar applies it only over an entry with a lower SEQUENCE, so the number
	 * must grow although the registration itself did not change.
	 */
	@Test
	@WithMockUser(roles = "ORGANIZER")
	void aRescheduledEventSendsCalendarFilesWithAHigherSequenceThanTheEntryPeopleHave() throws Exception {
		String slug = inThirtyDays().capacity(5).create().slug();
		String email = TestRegistrations.uniqueEmail("rescheduled");
		RegistrationResult seated = this.registrations.register(slug, form("Rita Reagendada", email), Locale.ENGLISH);
		this.sender.sendDueMessages();
		VEvent before = Biweekly.parse(calendarFile(to(email))).first().getEvents().get(0);

		EventForm form = this.administration.formFor(slug).orElseThrow();
		ZoneId zone = ZoneId.of(form.timeZone());
		LocalDateTime start = LocalDateTime.ofInstant(before.getDateStart().getValue().toInstant(), zone)
			.plusHours(2)
			.truncatedTo(ChronoUnit.MINUTES);
		String later = start.toString();
		String end = start.plusHours(4).toString();
		this.administration.update(slug,
				new EventForm(form.slug(), form.titleEs(), form.titleEn(), form.summaryEs(), form.summaryEn(),
						form.descriptionEs(), form.descriptionEn(), form.agendaEs(), form.agendaEn(), form.aboutEs(),
						form.aboutEn(), later, end, form.timeZone(), form.country(), form.venueName(),
						form.venueAddress(), form.venueMapUrl(), form.capacity(), form.requiresApproval(),
						form.registrationOpensAt(), form.registrationClosesAt(), form.published(), form.speakers(),
						form.partners(), form.retentionDays(), form.questions(), form.zoneConfirmed()),
				true);
		// The email telling them the event moved (EventChangedEmailTests) goes first.
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();
		this.staff.resend(seated.registrationId());
		this.sender.sendDueMessages();
		VEvent after = Biweekly.parse(calendarFile(to(email))).first().getEvents().get(0);

		assertThat(after.getDateStart().getValue().toInstant()).isEqualTo(start.atZone(zone).toInstant())
			.isNotEqualTo(before.getDateStart().getValue().toInstant());
		assertThat(after.getSequence().getValue()).isGreaterThan(before.getSequence().getValue());
	}

	/**
	 * A pending person moved to the waitlist is approved (the waitlist is promoted
	 * without review): the email of an approval into a full event, saying seats go in the
	 * order people joined the waitlist; the seated person is told nothing.
	 */
	@Test
	void aPendingPersonMovedToTheWaitlistIsToldItWasApprovedAndSeatsGoInTheOrderPeopleJoinedIt() throws Exception {
		String slug = inThirtyDays().capacity(1).requiringApproval().create().slug();
		String approvedEmail = TestRegistrations.uniqueEmail("approved");
		RegistrationResult approved = this.registrations.register(slug, form("Ana Aprobada", approvedEmail),
				Locale.ENGLISH);
		this.staff.approve(approved.registrationId());
		String pendingEmail = TestRegistrations.uniqueEmail("pending");
		RegistrationResult pending = this.registrations.register(slug, form("Pedro Pendiente", pendingEmail),
				Locale.ENGLISH);
		// The approved one's confirmation and the pending one's receipt (the approved
		// one's receipt no longer applied).
		this.sender.sendDueMessages();
		assertThat(receivedBy(approvedEmail)).hasSize(1);
		assertThat(receivedBy(pendingEmail)).hasSize(1);
		greenMail.purgeEmailFromAllMailboxes();

		this.staff.moveToWaitlist(pending.registrationId());

		this.sender.sendDueMessages();
		assertThat(receivedBy(approvedEmail)).as("the seated one is not told anything").isEmpty();
		MimeMessage waitlisted = to(pendingEmail);
		assertThat(OutboxDeliveryTests.subjectOf(waitlisted))
			.isEqualTo("Registration approved, on the waitlist: Test workshop");
		assertThat((String) OutboxDeliveryTests.parts(waitlisted).get("text/plain").getContent())
			.contains("The organizers approved your registration", "Your place in the waitlist: 1.",
					"in the order they joined it")
			.doesNotContain("All seats are taken, so you are on the waitlist.", "order of registration");
		assertThat(OutboxDeliveryTests.parts(waitlisted)).as("they never had a calendar entry")
			.containsOnlyKeys("text/plain", "text/html");
	}

	/**
	 * Staff approve a request under review when the seats have run out: the person is
	 * told, in their language, that it was approved, that the seats had run out so they
	 * are on the waitlist, their place, and that a freed seat is theirs at once; a resend
	 * tells them the same.
	 */
	@Test
	void aRequestApprovedWhenTheSeatsHadRunOutIsToldItWasApprovedAndWaits() throws Exception {
		String slug = inThirtyDays().capacity(1).requiringApproval().create().slug();
		RegistrationResult seated = this.registrations.register(slug,
				form("Ana Aprobada", TestRegistrations.uniqueEmail("seated")), Locale.ENGLISH);
		this.staff.approve(seated.registrationId());
		String spanishEmail = TestRegistrations.uniqueEmail("aprobada-es");
		String englishEmail = TestRegistrations.uniqueEmail("approved-en");
		RegistrationResult spanish = this.registrations.register(slug, form("Rocío Revisada", spanishEmail),
				Locale.forLanguageTag("es"));
		RegistrationResult english = this.registrations.register(slug, form("Rita Reviewed", englishEmail),
				Locale.ENGLISH);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		this.staff.approve(spanish.registrationId());
		this.staff.approve(english.registrationId());

		this.sender.sendDueMessages();
		MimeMessage toSpanish = to(spanishEmail);
		assertThat(OutboxDeliveryTests.subjectOf(toSpanish))
			.isEqualTo("Registro aprobado, en lista de espera: Taller de prueba");
		var spanishParts = OutboxDeliveryTests.parts(toSpanish);
		for (String part : List.of((String) spanishParts.get("text/plain").getContent(),
				(String) spanishParts.get("text/html").getContent())) {
			assertThat(part)
				.contains(
						"Los organizadores aprobaron tu registro, pero para entonces los lugares ya se habían "
								+ "agotado, así que quedaste en la lista de espera.",
						"Eres el número 1 de la lista de espera.",
						"Ya no hay otra revisión: si se libera un lugar para ti, es tuyo de inmediato")
				.doesNotContain("Los lugares están agotados, así que estás en la lista de espera");
		}
		assertThat(spanishParts).as("no seat yet, no calendar entry").containsOnlyKeys("text/plain", "text/html");
		MimeMessage toEnglish = to(englishEmail);
		assertThat(OutboxDeliveryTests.subjectOf(toEnglish))
			.isEqualTo("Registration approved, on the waitlist: Test workshop");
		var englishParts = OutboxDeliveryTests.parts(toEnglish);
		for (String part : List.of((String) englishParts.get("text/plain").getContent(),
				(String) englishParts.get("text/html").getContent())) {
			assertThat(part)
				.contains(
						"The organizers approved your registration, but by then all seats were taken, so you are "
								+ "on the waitlist.",
						"Your place in the waitlist: 2.",
						"There is no further review: if a seat frees up for you, it is yours at once")
				.doesNotContain("All seats are taken, so you are on the waitlist.");
		}
		greenMail.purgeEmailFromAllMailboxes();

		this.staff.resend(english.registrationId());

		this.sender.sendDueMessages();
		assertThat(OutboxDeliveryTests.subjectOf(to(englishEmail)))
			.isEqualTo("Registration approved, on the waitlist: Test workshop");
	}

	/**
	 * Staff move a request under review to the waitlist of a full event: the waitlist is
	 * promoted without review, so the move approves it, and the person is told what an
	 * approval into a full event tells them (approved, waiting, a freed seat is theirs at
	 * once), not what someone who registered into a full event is told; a resend tells
	 * them the same.
	 */
	@Test
	void aRequestMovedToTheWaitlistIsToldItWasApprovedAndWaits() throws Exception {
		String slug = inThirtyDays().capacity(1).requiringApproval().create().slug();
		RegistrationResult seated = this.registrations.register(slug,
				form("Sara Sentada", TestRegistrations.uniqueEmail("seated")), Locale.ENGLISH);
		this.staff.approve(seated.registrationId());
		String email = TestRegistrations.uniqueEmail("movida-es");
		RegistrationResult moved = this.registrations.register(slug, form("Mónica Movida", email),
				Locale.forLanguageTag("es"));
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		this.mvc
			.perform(post("/admin/registrations/" + moved.registrationId() + "/waitlist")
				.with(user("organizer@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/registrations/" + moved.registrationId()));

		this.sender.sendDueMessages();
		MimeMessage message = to(email);
		assertThat(OutboxDeliveryTests.subjectOf(message))
			.isEqualTo("Registro aprobado, en lista de espera: Taller de prueba");
		var parts = OutboxDeliveryTests.parts(message);
		for (String part : List.of((String) parts.get("text/plain").getContent(),
				(String) parts.get("text/html").getContent())) {
			assertThat(part)
				.contains("Los organizadores aprobaron tu registro", "quedaste en la lista de espera",
						"Eres el número 1 de la lista de espera.",
						"Ya no hay otra revisión: si se libera un lugar para ti, es tuyo de inmediato")
				.doesNotContain("Los lugares están agotados, así que estás en la lista de espera");
		}
		assertThat(parts).as("no seat yet, no calendar entry").containsOnlyKeys("text/plain", "text/html");
		greenMail.purgeEmailFromAllMailboxes();

		this.staff.resend(moved.registrationId());

		this.sender.sendDueMessages();
		assertThat(OutboxDeliveryTests.subjectOf(to(email)))
			.isEqualTo("Registro aprobado, en lista de espera: Taller de prueba");
	}

	private static String calendarFile(MimeMessage message) throws Exception {
		return new String(OutboxDeliveryTests.parts(message).get("text/calendar").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
	}

	private static String manageToken(String text) {
		String link = OutboxDeliveryTests.manageLink(text);
		return link.substring(link.lastIndexOf('/') + 1);
	}

	private static RegistrationForm form(String name, String email) {
		return new RegistrationForm(name, email, "Discos Norte", null, "INDEPENDENT_LABEL", "CMX", "Ciudad de México",
				null, "YES", null, null, true, false, null);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(String email) {
		return TestRegistrations.formPost(this.workshop, "Ana Pérez", email);
	}

	/** An event of this test's own, a month away. */
	private TestEvents.Builder inThirtyDays() {
		return new TestEvents(this.jdbc).event().startsAt(java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
	}

}
