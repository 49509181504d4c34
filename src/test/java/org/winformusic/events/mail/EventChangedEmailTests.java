package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.event.web.EventAdministrationTests;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organizers move an event (its date, hours or venue) in the editor after people
 * registered: everyone who holds a seat or waits is told, in their language, and those
 * confirmed get the calendar file that moves their entry.
 */
class EventChangedEmailTests extends MailIntegrationTestSupport {

	private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	StaffRegistrations staff;

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void movingTheStartTellsTheConfirmedWithTheMovedCalendarEntryAndTheWaitlistedWithoutOneButNotTheCancelled()
			throws Exception {
		String slug = "moved-" + System.nanoTime();
		this.mvc.perform(editor(post("/admin/events/new"), slug)).andExpect(status().is3xxRedirection());
		String seated = TestRegistrations.uniqueEmail("seated");
		String waiting = TestRegistrations.uniqueEmail("waiting");
		String gone = TestRegistrations.uniqueEmail("gone");
		register(slug, "Sara Sentada", seated, RegistrationStatus.CONFIRMED);
		register(slug, "Wendy Espera", waiting, RegistrationStatus.WAITLISTED);
		this.staff.cancelByStaff(register(slug, "Carla Cancelada", gone, RegistrationStatus.WAITLISTED));
		this.sender.sendDueMessages();
		VEvent confirmed = Biweekly.parse(calendarFile(to(seated))).first().getEvents().get(0);
		greenMail.purgeEmailFromAllMailboxes();

		this.mvc.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", "2028-05-10T12:00"))
			.andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		MimeMessage moved = to(seated);
		assertThat(OutboxDeliveryTests.subjectOf(moved))
			.isEqualTo("Cambio de fecha, horario o sede: Taller que se mueve");
		var parts = OutboxDeliveryTests.parts(moved);
		String text = plain(parts);
		// What changed, as it was and as it is; the event's details below, once.
		assertThat(text).contains(
				"Te avisamos que los organizadores cambiaron el horario del evento.\n\nCuándo\n"
						+ "Antes: miércoles 10 de mayo de 2028, 10:00–14:00 (hora de la Ciudad de México)\n"
						+ "Ahora: miércoles 10 de mayo de 2028, 12:00–14:00 (hora de la Ciudad de México)\n",
				"Cuándo: miércoles 10 de mayo de 2028, 12:00–14:00", "Dónde: Foro Roma, Ciudad de México",
				"Tu lugar sigue reservado", "http://localhost:8080/r/",
				"Si con este cambio ya no puedes ir, cancela tu registro con tu enlace personal, aquí abajo, "
						+ "para que alguien más aproveche el lugar.");
		assertThat(text).doesNotContain("Dónde\nAntes", "Así queda");
		assertThat(text.split("Dónde: ", -1)).as("the venue, unchanged, once").hasSize(2);
		assertThat((String) parts.get("text/html").getContent()).contains("miércoles 10 de mayo de 2028, 12:00–14:00",
				"miércoles 10 de mayo de 2028, 10:00–14:00", "Antes", "Ahora");
		assertThat(parts.get("text/calendar").getContentType()).contains("method=PUBLISH");
		VEvent entry = Biweekly.parse(calendarFile(moved)).first().getEvents().get(0);
		assertThat(entry.getUid().getValue()).isEqualTo(confirmed.getUid().getValue());
		assertThat(entry.getDateStart().getValue().toInstant())
			.isEqualTo(LocalDateTime.parse("2028-05-10T12:00").atZone(MEXICO_CITY).toInstant());
		assertThat(entry.getSequence().getValue()).isGreaterThan(confirmed.getSequence().getValue());

		MimeMessage toWaiting = to(waiting);
		String waitingText = (String) OutboxDeliveryTests.parts(toWaiting).get("text/plain").getContent();
		// No seat of theirs to free for someone else: not asked to cancel.
		assertThat(waitingText).contains("miércoles 10 de mayo de 2028, 12:00–14:00", "Sigues en la lista de espera")
			.doesNotContain("Tu lugar sigue reservado", "cancela tu registro", "aproveche el lugar");
		assertThat(OutboxDeliveryTests.parts(toWaiting)).as("no seat, no calendar entry to move")
			.containsOnlyKeys("text/plain", "text/html");
		assertThat(receivedBy(gone)).isEmpty();
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void editingOnlyTheTextsTellsNobodyWhileMovingTheVenueTellsEveryoneWhoRegistered() throws Exception {
		String slug = "retold-" + System.nanoTime();
		this.mvc.perform(editor(post("/admin/events/new"), slug)).andExpect(status().is3xxRedirection());
		String seated = TestRegistrations.uniqueEmail("seated");
		String waiting = TestRegistrations.uniqueEmail("waiting");
		register(slug, "Sara Sentada", seated, RegistrationStatus.CONFIRMED);
		register(slug, "Wendy Espera", waiting, RegistrationStatus.WAITLISTED);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "descriptionEs", "Otra descripción",
					"agendaEs", "Bienvenida\nPanel\nCierre", "speakers[0].name", "Noemí Planas"))
			.andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		assertThat(receivedBy(seated)).isEmpty();
		assertThat(receivedBy(waiting)).isEmpty();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "venueName", "Casa Condesa", "venueAddress",
					"Amsterdam 1, Condesa"))
			.andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		for (String email : List.of(seated, waiting)) {
			MimeMessage moved = to(email);
			assertThat(OutboxDeliveryTests.subjectOf(moved))
				.isEqualTo("Cambio de fecha, horario o sede: Taller que se mueve");
			assertThat(plain(OutboxDeliveryTests.parts(moved))).contains(
					"Te avisamos que los organizadores cambiaron la sede del evento.\n\nDónde\n"
							+ "Antes: Foro Roma, Ciudad de México\nAhora: Casa Condesa, Amsterdam 1, Condesa",
					"Dónde: Casa Condesa, Amsterdam 1, Condesa");
		}
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void correctingTheVenueOfAnEventThatIsOverTellsNobody() throws Exception {
		String slug = "over-" + System.nanoTime();
		this.mvc.perform(editor(post("/admin/events/new"), slug)).andExpect(status().is3xxRedirection());
		String over = TestRegistrations.uniqueEmail("over");
		register(slug, "Olga Pasada", over, RegistrationStatus.CONFIRMED);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();
		LocalDateTime start = LocalDateTime.now(MEXICO_CITY)
			.minusDays(2)
			.withHour(10)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where slug = ?")
			.params(Timestamp.from(start.atZone(MEXICO_CITY).toInstant()),
					Timestamp.from(start.plusHours(4).atZone(MEXICO_CITY).toInstant()), slug)
			.update();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", start.toString(), "endsAt",
					start.plusHours(4).toString(), "venueName", "Foro Roma (sala 2)"))
			.andExpect(status().is3xxRedirection());

		assertThat(
				this.jdbc.sql("select venue_name from event where slug = ?").param(slug).query(String.class).single())
			.isEqualTo("Foro Roma (sala 2)");
		this.sender.sendDueMessages();
		assertThat(receivedBy(over)).isEmpty();
	}

	/**
	 * A venue moved while the event runs: those seated and those waiting are told where
	 * it is now, in their language, and nobody is asked to cancel so someone else can
	 * have the place.
	 */
	@Test
	@WithMockUser(roles = "ORGANIZER")
	void movingTheVenueWhileTheEventRunsTellsEveryoneWithoutAskingThemToGiveUpTheirPlace() throws Exception {
		String slug = "running-" + System.nanoTime();
		this.mvc.perform(editor(post("/admin/events/new"), slug)).andExpect(status().is3xxRedirection());
		LocalDateTime start = LocalDateTime.now(MEXICO_CITY).minusHours(1).withSecond(0).withNano(0);
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where slug = ?")
			.params(Timestamp.from(start.atZone(MEXICO_CITY).toInstant()),
					Timestamp.from(start.plusHours(4).atZone(MEXICO_CITY).toInstant()), slug)
			.update();
		TestRegistrations people = new TestRegistrations(this.jdbc);
		String seated = TestRegistrations.uniqueEmail("seated-es");
		String waiting = TestRegistrations.uniqueEmail("waiting-en");
		people.in(slug).fullName("Sara Sentada").email(seated).createdAt(Instant.now()).create();
		people.in(slug)
			.fullName("Will Waiting")
			.email(waiting)
			.status("WAITLISTED")
			.locale("en")
			.createdAt(Instant.now())
			.create();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", start.toString(), "endsAt",
					start.plusHours(4).toString(), "venueName", "Foro Roma (sala 2)"))
			.andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		var spanish = OutboxDeliveryTests.parts(to(seated));
		assertThat((String) spanish.get("text/plain").getContent()).contains("Dónde: Foro Roma (sala 2)",
				"Tu lugar sigue reservado");
		var english = OutboxDeliveryTests.parts(to(waiting));
		assertThat((String) english.get("text/plain").getContent()).contains("Where: Foro Roma (sala 2)",
				"You are still on the waitlist");
		for (var parts : List.of(spanish, english)) {
			for (String type : List.of("text/plain", "text/html")) {
				assertThat((String) parts.get(type).getContent()).doesNotContain("cancela tu registro",
						"aproveche el lugar", "please cancel your registration", "someone else can have the place");
			}
		}
	}

	/**
	 * Organizers save the event several times before the emails go out: each person gets
	 * one email, from how the event was before the first of those saves to how it is when
	 * sent; a change after it went out is a new email from there. Moved and moved back
	 * before anyone was told, nobody is.
	 */
	@Test
	@WithMockUser(roles = "ORGANIZER")
	void severalSavesBeforeTheEmailGoesOutMakeOneEmailFromHowTheEventWasToHowItIs() throws Exception {
		String slug = "resaved-" + System.nanoTime();
		this.mvc.perform(editor(post("/admin/events/new"), slug)).andExpect(status().is3xxRedirection());
		String seated = TestRegistrations.uniqueEmail("seated");
		String pending = TestRegistrations.uniqueEmail("pending-en");
		long seatedId = register(slug, "Sara Sentada", seated, RegistrationStatus.CONFIRMED);
		long pendingId = new TestRegistrations(this.jdbc).in(slug)
			.fullName("Paul Pending")
			.email(pending)
			.status("PENDING")
			.locale("en")
			.createdAt(Instant.now())
			.create()
			.id();
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", "2028-05-11T10:00", "endsAt",
					"2028-05-11T14:00"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", "2028-05-11T10:00", "endsAt",
					"2028-05-11T14:00", "venueName", "Casa Condesa", "venueAddress", "Amsterdam 1, Condesa"))
			.andExpect(status().is3xxRedirection());

		assertThat(changedRows(seatedId)).isOne();
		assertThat(changedRows(pendingId)).isOne();
		this.sender.sendDueMessages();
		var spanish = OutboxDeliveryTests.parts(to(seated));
		assertThat(plain(spanish)).contains(
				"Te avisamos que los organizadores cambiaron la fecha y la sede del evento.\n\nCuándo\n"
						+ "Antes: miércoles 10 de mayo de 2028, 10:00–14:00 (hora de la Ciudad de México)\n"
						+ "Ahora: jueves 11 de mayo de 2028, 10:00–14:00 (hora de la Ciudad de México)\n\nDónde\n"
						+ "Antes: Foro Roma, Ciudad de México\nAhora: Casa Condesa, Amsterdam 1, Condesa",
				"cancela tu registro");
		assertThat((String) spanish.get("text/html").getContent()).contains("miércoles 10 de mayo de 2028, 10:00–14:00",
				"jueves 11 de mayo de 2028, 10:00–14:00", "Foro Roma", "Casa Condesa");
		var english = OutboxDeliveryTests.parts(to(pending));
		String englishText = plain(english);
		assertThat(englishText).contains(
				"The organizers have changed the date and the venue of the event.\n\nWhen\n"
						+ "Before: Wednesday 10 May 2028, 10:00–14:00 (Mexico City time)\n"
						+ "Now: Thursday 11 May 2028, 10:00–14:00 (Mexico City time)\n\nWhere\n"
						+ "Before: Foro Roma, Ciudad de México\nNow: Casa Condesa, Amsterdam 1, Condesa",
				"still reviewing");
		for (String part : List.of(englishText, (String) english.get("text/html").getContent())) {
			assertThat(part).contains("Wednesday 10 May 2028, 10:00–14:00")
				.doesNotContain("please cancel your registration", "someone else can have the place");
		}
		greenMail.purgeEmailFromAllMailboxes();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", "2028-05-11T16:00", "endsAt",
					"2028-05-11T19:00", "venueName", "Casa Condesa", "venueAddress", "Amsterdam 1, Condesa"))
			.andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		assertThat(plain(OutboxDeliveryTests.parts(to(seated))))
			.contains("Te avisamos que los organizadores cambiaron el horario del evento.\n\nCuándo\n"
					+ "Antes: jueves 11 de mayo de 2028, 10:00–14:00 (hora de la Ciudad de México)\n"
					+ "Ahora: jueves 11 de mayo de 2028, 16:00–19:00 (hora de la Ciudad de México)\n")
			.doesNotContain("Dónde\nAntes");
		greenMail.purgeEmailFromAllMailboxes();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", "2028-05-11T16:00", "endsAt",
					"2028-05-11T19:00", "venueName", "Foro Roma", "venueAddress", "Ciudad de México"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "startsAt", "2028-05-11T16:00", "endsAt",
					"2028-05-11T19:00", "venueName", "Casa Condesa", "venueAddress", "Amsterdam 1, Condesa"))
			.andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		assertThat(receivedBy(seated)).isEmpty();
		assertThat(receivedBy(pending)).isEmpty();
		long skipped = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind = 'EVENT_CHANGED' "
					+ "and status = 'SKIPPED'")
			.param(seatedId)
			.query(Long.class)
			.single();
		assertThat(this.mvc
			.perform(get("/admin/outbox/" + skipped).param("lang", "es").with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.contains("No enviado: para entonces el evento había vuelto a la fecha, el horario y el lugar que tenía");
	}

	/**
	 * A save while another instance is sending the person's moved-event email (composed,
	 * maybe, from the event before this save) queues a new one, from how the event was
	 * before this save.
	 */
	@Test
	@WithMockUser(roles = "ORGANIZER")
	void aSaveWhileTheEmailIsBeingSentQueuesANewOneFromThere() throws Exception {
		String slug = "sending-" + System.nanoTime();
		this.mvc.perform(editor(post("/admin/events/new"), slug)).andExpect(status().is3xxRedirection());
		String seated = TestRegistrations.uniqueEmail("seated");
		long seatedId = register(slug, "Sara Sentada", seated, RegistrationStatus.CONFIRMED);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();
		this.mvc.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "venueName", "Casa Condesa"))
			.andExpect(status().is3xxRedirection());
		// Another instance took it and has it on the wire.
		this.jdbc
			.sql("update outbox_message set status = 'SENDING', locked_by = 'elsewhere', locked_at = now() "
					+ "where registration_id = ? and kind = 'EVENT_CHANGED'")
			.param(seatedId)
			.update();

		this.mvc
			.perform(editor(post("/admin/events/" + slug + "/edit"), slug, "venueName", "Casa Condesa", "startsAt",
					"2028-05-10T11:00"))
			.andExpect(status().is3xxRedirection());

		assertThat(changedRows(seatedId)).isOne();
		this.jdbc
			.sql("update outbox_message set status = 'SENT', locked_by = null, locked_at = null "
					+ "where registration_id = ? and kind = 'EVENT_CHANGED' and status = 'SENDING'")
			.param(seatedId)
			.update();
		this.sender.sendDueMessages();
		assertThat(plain(OutboxDeliveryTests.parts(to(seated))))
			.contains("Te avisamos que los organizadores cambiaron el horario del evento.\n\nCuándo\n"
					+ "Antes: miércoles 10 de mayo de 2028, 10:00–14:00 (hora de la Ciudad de México)\n"
					+ "Ahora: miércoles 10 de mayo de 2028, 11:00–14:00 (hora de la Ciudad de México)\n")
			.doesNotContain("Dónde\nAntes");
	}

	/**
	 * An edit of only the time zone keeps the hours typed but moves the event: the email
	 * gives the hours before as registrants read them, in the zone the event had then.
	 */
	@Test
	@WithMockUser(roles = "ORGANIZER")
	void aChangeOfOnlyTheTimeZoneGivesTheHoursBeforeInTheZoneTheEventHadThen() throws Exception {
		String slug = "rezoned-" + System.nanoTime();
		String[] saoPaulo = { "timeZone", "America/Sao_Paulo", "country", "BR", "startsAt", "2028-05-10T09:00",
				"endsAt", "2028-05-10T13:00" };
		this.mvc.perform(editor(post("/admin/events/new"), slug, saoPaulo)).andExpect(status().is3xxRedirection());
		String seated = TestRegistrations.uniqueEmail("seated");
		register(slug, "Sara Sentada", seated, "SP", RegistrationStatus.CONFIRMED);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();

		String[] manaus = saoPaulo.clone();
		manaus[1] = "America/Manaus";
		this.mvc.perform(editor(post("/admin/events/" + slug + "/edit"), slug, manaus))
			.andExpect(status().is3xxRedirection());

		this.sender.sendDueMessages();
		assertThat(plain(OutboxDeliveryTests.parts(to(seated))))
			.contains("\n\nCuándo\n" + "Antes: miércoles 10 de mayo de 2028, 09:00–13:00 (hora de São Paulo)\n"
					+ "Ahora: miércoles 10 de mayo de 2028, 09:00–13:00 (hora de Manaos)\n")
			.doesNotContain("08:00");
	}

	/**
	 * The plain-text part with its lines as the template wrote them (SMTP sends CRLF).
	 */
	private static String plain(Map<String, Part> parts) throws Exception {
		return ((String) parts.get("text/plain").getContent()).replace("\r\n", "\n");
	}

	private long changedRows(long registrationId) {
		return this.jdbc
			.sql("select count(*) from outbox_message where registration_id = ? and kind = 'EVENT_CHANGED' "
					+ "and status = 'PENDING'")
			.param(registrationId)
			.query(Long.class)
			.single();
	}

	private long register(String slug, String name, String email, RegistrationStatus expected) {
		return register(slug, name, email, "CMX", expected);
	}

	private long register(String slug, String name, String email, String state, RegistrationStatus expected) {
		RegistrationResult result = this.registrations
			.register(slug,
					new RegistrationForm(name, email, "Discos Norte", null, "INDEPENDENT_LABEL", state,
							"Ciudad de México", null, "YES", null, null, true, false, null),
					Locale.forLanguageTag("es"));
		assertThat(result.status()).isEqualTo(expected);
		return result.registrationId();
	}

	private static String calendarFile(MimeMessage message) throws Exception {
		return new String(OutboxDeliveryTests.parts(message).get("text/calendar").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
	}

	/** The editor's form for a one-seat event in Mexico City, as the editor posts it. */
	private static MockHttpServletRequestBuilder editor(MockHttpServletRequestBuilder request, String slug,
			String... overrides) {
		List<String> fields = new ArrayList<>(List.of("slug", slug, "capacity", "1", "titleEs", "Taller que se mueve",
				"titleEn", "Workshop on the move", "timeZone", MEXICO_CITY.getId(), "country", "MX", "venueName",
				"Foro Roma", "venueAddress", "Ciudad de México", "speakers[0].country", "mx"));
		fields.addAll(List.of(overrides));
		return EventAdministrationTests.colombia(request, fields.toArray(String[]::new));
	}

}
