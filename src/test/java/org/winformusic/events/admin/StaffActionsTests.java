package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.admin.AdminTestConfiguration.SentMessages;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationErasure;
import org.winformusic.events.registration.RegistrationMessage.Type;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff actions on registrations: each changes the status, writes its audit row and
 * queues the registrant's email in one transaction.
 */
@AdminTest
class StaffActionsTests {

	static final Instant MONDAY = Instant.parse("2026-11-02T16:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentMessages messages;

	@Autowired
	ManageTokens tokens;

	@Autowired
	CheckinPasses passes;

	@Autowired
	RegistrationErasure erasure;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void approveDeclineCancelAndConfirmChangeTheStatusAuditAndQueueTheRightEmail() throws Exception {
		TestEvents.Created event = this.events.event().capacity(5).create();
		long approved = pending(event, "Ana Aprobada");
		long declined = pending(event, "Beto Rechazado");
		long cancelled = this.data.in(event).person("Carla Cancelada").createdAt(AdminTest.REGISTERED).create().id();
		// Seats are free, so nobody waits: confirm takes a pending registration straight
		// to a seat.
		long waiting = pending(event, "Dora Directa");

		act(approved, "approve", "ORGANIZER");
		act(declined, "decline", "ORGANIZER");
		act(cancelled, "cancel", "ADMIN");
		act(waiting, "confirm", "ORGANIZER");

		assertThat(this.data.status(approved)).isEqualTo("CONFIRMED");
		assertThat(this.data.status(declined)).isEqualTo("DECLINED");
		assertThat(this.data.status(cancelled)).isEqualTo("CANCELLED");
		assertThat(this.data.status(waiting)).isEqualTo("CONFIRMED");
		assertThat(this.data.auditRows(approved, "APPROVED")).isOne();
		assertThat(this.data.auditRows(declined, "DECLINED")).isOne();
		assertThat(this.data.auditRows(cancelled, "CANCELLED")).isOne();
		assertThat(this.data.auditRows(waiting, "CONFIRMED")).isOne();
		assertThat(this.messages.typesFor(approved)).containsExactly(Type.CONFIRMED);
		assertThat(this.messages.typesFor(declined)).containsExactly(Type.DECLINED);
		assertThat(this.messages.typesFor(cancelled)).containsExactly(Type.CANCELLED);
		assertThat(this.messages.typesFor(waiting)).containsExactly(Type.CONFIRMED);
		assertThat(outboxKinds(approved)).containsExactly("CONFIRMED");
		assertThat(outboxKinds(declined)).containsExactly("DECLINED");
		assertThat(outboxKinds(cancelled)).containsExactly("CANCELLED");
		assertThat(outboxKinds(waiting)).containsExactly("CONFIRMED");
		assertThat(this.jdbc.sql("select actor || ' ' || details from audit_log where registration_id = ?")
			.param(declined)
			.query(String.class)
			.single()).isEqualTo("organizer@win.test status: PENDING -> DECLINED");
	}

	@Test
	void movingAConfirmedPersonToTheWaitlistGivesTheSeatToTheFirstPersonWaitingAndTellsThemTheSeatIsGone()
			throws Exception {
		TestEvents.Created event = this.events.event().capacity(1).create();
		long seated = this.data.in(event).person("Elena Sentada").createdAt(AdminTest.REGISTERED).create().id();
		long next = this.data.in(event)
			.person("Fede Siguiente")
			.status("WAITLISTED")
			.companyType("OTHER")
			.state("JAL")
			.createdAt(MONDAY)
			.create()
			.id();
		long behind = this.data.in(event).person("Gala Detrás").status("WAITLISTED").createdAt(MONDAY).create().id();
		String detail = "/admin/registrations/" + seated;
		assertThat(this.mvc.perform(get(detail + "/confirm-action/waitlist?lang=es").with(as("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("si tenía un lugar confirmado")
			.doesNotContain("queda aprobado");
		this.mvc.perform(post(detail + "/waitlist").with(as("ORGANIZER")).with(csrf()))
			.andExpect(redirectedUrl(detail))
			.andExpect(flash().attribute("notice", Notice.ok("admin.action.waitlistedAt", 2)));
		assertThat(this.data.status(seated)).isEqualTo("WAITLISTED");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.status(next)).isEqualTo("CONFIRMED"));
		assertThat(this.data.status(behind)).as("who waited already stays ahead").isEqualTo("WAITLISTED");
		assertThat(this.data.auditRows(seated, "MOVED_TO_WAITLIST")).isOne();
		assertThat(outboxKinds(seated)).containsExactly("SEAT_WITHDRAWN");
		assertThat(this.mvc.perform(get(detail + "?lang=en").with(as("OPS")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.contains("place 2 in the waitlist", "Seat withdrawn, moved to the waitlist");
		assertThat(this.mvc.perform(get(detail + "?lang=es").with(as("OPS")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8))
			.contains("Ya no tiene lugar confirmado: pasó a la lista de espera");
	}

	@Test
	void aMoveToTheWaitlistLeavesThePersonWaitingOrIsRefusedWhenASeatWouldBeFreeForThem() throws Exception {
		TestEvents.Created open = this.events.event().requiringApproval().capacity(3).create();
		long pending = pending(open, "Sara Pendiente");
		String detail = "/admin/registrations/" + pending;
		// Seats are free: the move would be a confirmation (the waitlist keeps no seat
		// free), so it is refused and the page offers Approve instead.
		this.mvc.perform(get(detail).with(as("ORGANIZER")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("confirm-action/waitlist"))));
		this.mvc.perform(post(detail + "/waitlist").with(as("ORGANIZER")).with(csrf()))
			.andExpect(redirectedUrl(detail))
			.andExpect(flash().attribute("notice", Notice.warn("admin.action.waitlistSeatFree")));
		assertThat(this.data.status(pending)).isEqualTo("PENDING");
		assertThat(this.messages.typesFor(pending)).isEmpty();
		assertThat(outboxRows(pending)).isZero();
		assertThat(this.data.auditRows(pending, "MOVED_TO_WAITLIST")).isZero();
		// A confirmed person with nobody waiting would get the seat straight back.
		long seated = this.data.in(open).person("Tere Sentada").createdAt(AdminTest.REGISTERED).create().id();
		this.mvc.perform(post("/admin/registrations/" + seated + "/waitlist").with(as("ORGANIZER")).with(csrf()))
			.andExpect(flash().attribute("notice", Notice.warn("admin.action.waitlistNobodyWaits")));
		assertThat(this.data.status(seated)).isEqualTo("CONFIRMED");

		// A full event: the pending person is moved and stays waiting; flash, status,
		// email and history agree. The waitlist is promoted without review, so the move
		// approves the request: the confirmation page says so, and the email is the one
		// of an approval into a full event, not the one for registering into it.
		TestEvents.Created full = this.events.event().requiringApproval().capacity(1).create();
		this.data.in(full).person("Ulises Sentado").createdAt(AdminTest.REGISTERED).create();
		long waiting = pending(full, "Vera Espera");
		assertThat(this.mvc
			.perform(get("/admin/registrations/" + waiting + "/confirm-action/waitlist?lang=es").with(as("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Con esto su registro queda aprobado")
			.doesNotContain("si tenía un lugar confirmado");
		act(waiting, "waitlist", "ORGANIZER");
		assertThat(this.data.status(waiting)).isEqualTo("WAITLISTED");
		assertThat(this.messages.typesFor(waiting)).containsExactly(Type.APPROVED_WAITLISTED);
		assertThat(outboxKinds(waiting)).containsExactly("APPROVED_WAITLISTED");
		assertThat(this.mvc.perform(get("/admin/registrations/" + waiting + "?lang=es").with(as("OPS")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Aprobado, en lista de espera");
		// A resend tells them the same, and its preview names that email.
		String resend = this.mvc
			.perform(post("/admin/events/" + full.slug() + "/registrations/bulk").param("action", "RESEND")
				.param("ids", String.valueOf(waiting))
				.param("lang", "es")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String row = resend.substring(resend.indexOf("Vera Espera"));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Aprobado, en lista de espera");
		assertThat(this.jdbc.sql("select details from audit_log where registration_id = ? and action = ?")
			.params(waiting, "MOVED_TO_WAITLIST")
			.query(String.class)
			.single()).isEqualTo("status: PENDING -> WAITLISTED");
	}

	@Test
	void theDetailPageChecksInOnlyConfirmedPeopleAsTheDoorDoes() throws Exception {
		TestEvents.Created event = this.events.event().requiringApproval().capacity(1).create();
		this.data.in(event).person("Wendy Sentada").createdAt(AdminTest.REGISTERED).create();
		long pending = pending(event, "Xavi Pendiente");
		long waitlisted = this.data.in(event)
			.person("Yola Espera")
			.status("WAITLISTED")
			.companyType("OTHER")
			.state("JAL")
			.createdAt(MONDAY)
			.create()
			.id();
		for (long id : new long[] { pending, waitlisted }) {
			String detail = "/admin/registrations/" + id;
			this.mvc.perform(get(detail).with(as("ORGANIZER")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/checkin\""))));
			this.mvc.perform(post(detail + "/checkin").with(as("ORGANIZER")).with(csrf()))
				.andExpect(redirectedUrl(detail))
				.andExpect(flash().attribute("notice", Notice.bad("admin.checkin.notConfirmed")));
			assertThat(this.data.auditRows(id, "CHECKED_IN")).isZero();
		}
		// The dashboard's "arrived" and the list's check-in filter count the same people.
		assertThat(this.jdbc.sql("select count(*) from registration where event_id = ? and checked_in_at is not null")
			.param(event.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEndedRegistrationCannotBeEditedAndThePageSaysWhyInsteadOfAnError() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long cancelled = this.data.in(event)
			.person("Zoe Cancelada")
			.status("CANCELLED")
			.companyType("OTHER")
			.state("JAL")
			.associationInterest("NO")
			.createdAt(MONDAY)
			.create()
			.id();
		String detail = "/admin/registrations/" + cancelled;
		this.mvc.perform(get(detail).with(as("ORGANIZER")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/edit\""))));
		this.mvc.perform(get(detail + "/edit").with(as("ORGANIZER")))
			.andExpect(redirectedUrl(detail))
			.andExpect(flash().attribute("notice", Notice.bad("admin.edit.ended")));
		this.mvc.perform(edited(post(detail + "/edit"), "zoe@discos.test").with(as("ORGANIZER")).with(csrf()))
			.andExpect(redirectedUrl(detail))
			.andExpect(flash().attribute("notice", Notice.bad("admin.edit.ended")));
		assertThat(this.data.auditRows(cancelled, "EDITED")).isZero();

		// Cancelled by the attendee while staff had the form open.
		TestRegistrations.Registration ana = this.data.in(event)
			.person("Ana Abierta")
			.createdAt(AdminTest.REGISTERED)
			.create();
		String open = "/admin/registrations/" + ana.id();
		String form = this.mvc.perform(get(open + "/edit").with(as("ORGANIZER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
			.matcher(form);
		assertThat(version.find()).isTrue();
		this.jdbc
			.sql("update registration set status = 'CANCELLED', cancelled_at = now(), version = version + 1"
					+ " where id = ?")
			.param(ana.id())
			.update();
		this.jdbc.sql("update event_seat set registration_id = null where registration_id = ?")
			.param(ana.id())
			.update();
		for (String sentVersion : new String[] { version.group(1), null }) {
			MockHttpServletRequestBuilder save = edited(post(open + "/edit"), "ana.abierta@discos.test");
			if (sentVersion != null) {
				save.param("version", sentVersion);
			}
			this.mvc.perform(save.with(as("ORGANIZER")).with(csrf()))
				.andExpect(redirectedUrl(open))
				.andExpect(flash().attribute("notice", Notice.bad("admin.edit.ended")));
		}
		assertThat(this.data.auditRows(ana.id(), "EDITED")).isZero();
	}

	@Test
	void anErasedRegistrationIsNeverEmailedAgainNorOfferedToResendEditOrErase() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Berta Borrada").createdAt(AdminTest.REGISTERED).create().id();
		String detail = "/admin/registrations/" + id;
		this.mvc.perform(post("/admin/privacy/registrations/" + id + "/erase").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl(detail + "?erased"));
		assertThat(outboxRows(id)).isZero();
		assertThat(this.data.auditRows(id, "CANCELLED")).as("the staff member's cancel is in the trail").isOne();
		int published = this.messages.typesFor(id).size();

		this.mvc.perform(post(detail + "/resend").with(as("ORGANIZER")).with(csrf()))
			.andExpect(redirectedUrl(detail))
			.andExpect(flash().attribute("notice", Notice.bad("admin.action.erased")));
		// The bulk resend reaches the same service and queues nothing either.
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", "RESEND")
				.param("ids", String.valueOf(id))
				.param("confirmed", "true")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(outboxRows(id)).isZero();
		assertThat(this.messages.typesFor(id)).hasSize(published);
		assertThat(this.data.auditRows(id, "EMAIL_RESENT")).isZero();
		this.mvc.perform(get(detail).with(as("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/resend\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/edit\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/erase\""))));
	}

	@Test
	void theBulkResendPreviewLeavesOutErasedRegistrationsAndCountsWhatApplyingDoes() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long kept = this.data.in(event).person("Quique Vigente").createdAt(AdminTest.REGISTERED).create().id();
		long erased = this.data.in(event).person("Berta Borrada").createdAt(AdminTest.REGISTERED).create().id();
		this.mvc.perform(post("/admin/privacy/registrations/" + erased + "/erase").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/registrations/" + erased + "?erased"));
		String[] ids = { String.valueOf(kept), String.valueOf(erased) };

		var preview = this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", "RESEND")
				.param("ids", ids)
				.param("lang", "es")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(preview.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("A 1 persona le llegará otra vez", "Quique Vigente", "Sí, reenviar a 1 persona")
			.doesNotContain("anonymized-" + erased, "value=\"" + erased + "\"");
		assertThat((java.util.List<?>) preview.getModelAndView().getModel().get("rows")).hasSize(1);

		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", "RESEND")
				.param("ids", ids)
				.param("confirmed", "true")
				.param("lang", "es")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text",
					"1 correo quedó en cola para reenviarse; sale en cuanto el servidor de correo lo acepte.")));
		assertThat(outboxKinds(kept)).containsExactly("CONFIRMED");
		assertThat(outboxRows(erased)).isZero();
	}

	/**
	 * A registration anonymized by retention keeps its status, so approve and decline
	 * still change it; it has no address left, so the preview says it gets no email and
	 * the result counts it like the preview did.
	 */
	@Test
	void theBulkApproveAndDeclinePreviewSaysAnErasedRegistrationGetsNoEmailAndApplyingAgrees() throws Exception {
		TestEvents.Created event = this.events.event().capacity(5).create();
		long kept = pending(event, "Mara Correo");
		long erased = pending(event, "Berta Anonimizada");
		this.erasure.anonymize(java.util.List.of(erased), Instant.now());
		String[] ids = { String.valueOf(kept), String.valueOf(erased) };

		String spanish = bulkPreview(event, "APPROVE", ids, "es");
		assertThat(spanish)
			.contains("Se aprobará a 2 personas", "A una de ellas no le llegará ningún correo", "Lugar confirmado",
					"Sin correo: se borraron sus datos personales", "Registro #" + erased + " (datos borrados)",
					"Sí, aprobar a 2 personas", "value=\"" + erased + "\"")
			.doesNotContain("a cada una le llegará un correo", "anonymized-" + erased);
		assertThat(bulkPreview(event, "APPROVE", ids, "en")).contains("2 people will be approved",
				"One of them gets no email", "No email: their personal data was erased",
				"Registration #" + erased + " (data erased)");
		String[] erasedAlone = { String.valueOf(erased) };
		assertThat(bulkPreview(event, "APPROVE", erasedAlone, "es"))
			.contains("Se aprobará a 1 persona", "No le llegará ningún correo: se borraron sus datos personales")
			.doesNotContain("una de ellas");
		assertThat(bulkPreview(event, "DECLINE", erasedAlone, "es"))
			.contains("Se rechazará a 1 persona, que pierde su lugar o su puesto en la lista de espera.");
		assertThat(bulkPreview(event, "APPROVE", erasedAlone, "en"))
			.contains("1 person will be approved", "They get no email: their personal data was erased")
			.doesNotContain("One of them");

		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", "APPROVE")
				.param("ids", ids)
				.param("confirmed", "true")
				.param("lang", "es")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text", "Se aprobaron 2 registros.")));
		assertThat(this.data.status(kept)).isEqualTo("CONFIRMED");
		assertThat(this.data.status(erased)).isEqualTo("CONFIRMED");
		assertThat(outboxKinds(kept)).containsExactly("CONFIRMED");
		assertThat(outboxRows(erased)).isZero();

		assertThat(bulkPreview(event, "DECLINE", ids, "en")).contains("2 people will be declined",
				"One of them gets no email", "Registration declined", "No email: their personal data was erased");
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", "DECLINE")
				.param("ids", ids)
				.param("confirmed", "true")
				.param("lang", "en")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text", "2 registrations declined.")));
		assertThat(outboxKinds(kept)).containsExactly("CONFIRMED", "DECLINED");
		assertThat(outboxRows(erased)).isZero();
	}

	/**
	 * When the selection changes nothing, the preview says why in words that fit how many
	 * were selected: not "None of the 1 selected", and not "Nobody selected" to someone
	 * who selected people whose data was erased.
	 */
	@Test
	void aBulkPreviewThatChangesNothingSaysWhyForOneOrManySelected() throws Exception {
		TestEvents.Created event = this.events.event().capacity(5).create();
		long cancelled = this.data.in(event)
			.person("Ciro Cancelado")
			.status("CANCELLED")
			.createdAt(MONDAY)
			.create()
			.id();
		long other = this.data.in(event).person("Olga Cancelada").status("CANCELLED").createdAt(MONDAY).create().id();
		String[] one = { String.valueOf(cancelled) };
		String[] two = { String.valueOf(cancelled), String.valueOf(other) };
		assertThat(bulkPreview(event, "APPROVE", one, "es"))
			.contains("El registro seleccionado no está por revisar, así que no se aprobará a nadie.")
			.doesNotContain("de los 1 ");
		assertThat(bulkPreview(event, "APPROVE", one, "en"))
			.contains("The selected registration is not waiting for review, so nobody will be approved.")
			.doesNotContain("of the 1 ");
		assertThat(bulkPreview(event, "APPROVE", two, "en")).contains("None of the 2 selected is waiting for review");
		assertThat(bulkPreview(event, "DECLINE", one, "es"))
			.contains("El registro seleccionado ya está rechazado o cancelado: no hay nada que hacer.")
			.doesNotContain("Los 1 ");
		assertThat(bulkPreview(event, "DECLINE", one, "en"))
			.contains("The selected registration is already declined or cancelled: nothing to do.")
			.doesNotContain("All 1 ");
		assertThat(bulkPreview(event, "DECLINE", two, "es"))
			.contains("Los 2 registros seleccionados ya están rechazados o cancelados");

		for (long id : new long[] { cancelled, other }) {
			this.mvc.perform(post("/admin/privacy/registrations/" + id + "/erase").with(as("ADMIN")).with(csrf()))
				.andExpect(redirectedUrl("/admin/registrations/" + id + "?erased"));
		}
		assertThat(bulkPreview(event, "RESEND", one, "es"))
			.contains("A la persona seleccionada no se le puede reenviar el correo: se borraron sus datos personales")
			.doesNotContain("No hay nadie seleccionado");
		assertThat(bulkPreview(event, "RESEND", one, "en"))
			.contains("The selected registration gets no email: its personal data was erased")
			.doesNotContain("Nobody selected");
		assertThat(bulkPreview(event, "RESEND", two, "es"))
			.contains("A ninguna de las 2 personas seleccionadas se le puede reenviar el correo");
		assertThat(bulkPreview(event, "RESEND", two, "en")).contains("None of the 2 selected gets an email");
	}

	private String bulkPreview(TestEvents.Created event, String action, String[] ids, String lang) throws Exception {
		return this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", action)
				.param("ids", ids)
				.param("lang", lang)
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void onlyAnAdminMayConfirmOverCapacityAndThatAddsASeat() throws Exception {
		TestEvents.Created event = this.events.event().capacity(1).create();
		this.data.in(event).person("Gina Primera").createdAt(AdminTest.REGISTERED).create();
		long waiting = this.data.in(event)
			.person("Hugo Esperando")
			.status("WAITLISTED")
			.companyType("OTHER")
			.state("JAL")
			.createdAt(MONDAY)
			.create()
			.id();
		String detail = "/admin/registrations/" + waiting;

		this.mvc.perform(post(detail + "/confirm").with(as("ORGANIZER")).with(csrf()))
			.andExpect(flash().attribute("notice", Notice.warn("admin.action.full")));
		this.mvc.perform(post(detail + "/confirm").param("exceedCapacity", "true").with(as("ORGANIZER")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.data.status(waiting)).isEqualTo("WAITLISTED");
		this.mvc.perform(get(detail + "/confirm-action/confirm-over").param("lang", "en").with(as("ADMIN")))
			.andExpect(content().string(containsString("adds one seat")));

		this.mvc.perform(post(detail + "/confirm").param("exceedCapacity", "true").with(as("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl(detail));
		assertThat(this.data.status(waiting)).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql("select count(*)::int from event_seat where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.data.auditRows(waiting, "CONFIRMED_OVER_CAPACITY")).isOne();
	}

	@Test
	void whenAnythingFailsAfterTheChangeNeitherTheStatusNorTheAuditRowNorTheEmailIsKept() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = pending(event, "Iván Revertido");
		this.jdbc.sql("""
				create or replace function fail_audit_for_test() returns trigger language plpgsql as $$
				begin
				  raise exception 'audit storage failed';
				end $$
				""").update();
		this.jdbc
			.sql("create trigger fail_audit_for_test after insert on audit_log for each row"
					+ " when (new.registration_id = " + id + ") execute function fail_audit_for_test()")
			.update();
		try {
			assertThatThrownBy(() -> act(id, "approve", "ORGANIZER")).hasStackTraceContaining("audit storage failed");
		}
		finally {
			this.jdbc.sql("drop trigger fail_audit_for_test on audit_log").update();
		}
		assertThat(this.data.status(id)).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("select count(*) from audit_log where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from event_seat where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(outboxRows(id)).isZero();
	}

	@Test
	void anActionTheStatusDoesNotAllowIsReportedAndChangesNothing() throws Exception {
		TestEvents.Created event = this.events.event().capacity(2).create();
		long cancelled = this.data.in(event)
			.person("Julia Cancelada")
			.status("CANCELLED")
			.companyType("OTHER")
			.state("JAL")
			.associationInterest("NO")
			.createdAt(MONDAY)
			.create()
			.id();
		this.mvc.perform(post("/admin/registrations/" + cancelled + "/approve").with(as("ORGANIZER")).with(csrf()))
			.andExpect(flash().attribute("notice", Notice.bad("admin.action.notAllowed")));
		assertThat(this.data.status(cancelled)).isEqualTo("CANCELLED");
		assertThat(this.data.auditRows(cancelled, "APPROVED")).isZero();
	}

	@Test
	void doorCheckInBySearchAndByQrTokenReportsASecondCheckInWithoutDuplicatingIt() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(3).create();
		TestRegistrations.Registration kim = this.data.in(event)
			.person("Kim Puerta")
			.createdAt(AdminTest.REGISTERED)
			.create();
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/checkin/" + kim.id()).param("q", "kim")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/events/" + event.slug() + "/checkin"))
			.andExpect(flash().attribute("q", "kim"))
			.andExpect(flash().attribute("notice", Notice.ok("admin.checkin.done", "Kim Puerta")));
		Instant first = this.jdbc.sql("select checked_in_at from registration where id = ?")
			.param(kim.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();

		String pass = this.passes.pass(kim.id());
		Notice second = (Notice) this.mvc
			.perform(post("/admin/checkin/pass/" + pass).with(as("ORGANIZER")).with(csrf()))
			.andExpect(redirectedUrl("/admin/checkin/pass/" + pass))
			.andReturn()
			.getFlashMap()
			.get("notice");
		assertThat(second.key()).isEqualTo("admin.checkin.already");
		assertThat(second.argument()).isEqualTo("Kim Puerta");
		assertThat(second.second()).matches("\\d\\d:\\d\\d");
		assertThat(DoorSearches.results(this.mvc, event.slug(), "puerta", "OPS", "en")).contains("ALREADY IN at");
		assertThat(this.jdbc.sql("select checked_in_at from registration where id = ?")
			.param(kim.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(first);
		assertThat(this.data.auditRows(kim.id(), "CHECKED_IN")).isOne();
	}

	@Test
	void anonymousScannerOfTheQrCodeLogsInAndLandsOnTheCheckInCard() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		TestRegistrations.Registration lia = this.data.in(event)
			.person("Lía Escaneada")
			.createdAt(AdminTest.REGISTERED)
			.create();
		String pass = this.passes.pass(lia.id());
		var redirect = this.mvc.perform(get("/admin/checkin/pass/" + pass).accept("text/html"))
			.andExpect(redirectedUrl("/admin/login"))
			.andReturn()
			.getResponse()
			.getCookie("REDIRECT_URI");
		assertThat(redirect).isNotNull();
		this.jdbc
			.sql("""
					insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at)
					values ('door@win.test', 'Door', '{bcrypt}' || ?, 'ORGANIZER', true, now(), now()) on conflict do nothing
					""")
			.param(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("door password 1"))
			.update();
		this.mvc
			.perform(post("/admin/login").cookie(redirect)
				.with(csrf())
				.param("username", "door@win.test")
				.param("password", "door password 1"))
			.andExpect(redirectedUrl("http://localhost/admin/checkin/pass/" + pass));
	}

	@Test
	void bulkApproveActsOnEverySelectedPendingRegistrationOfTheEventOnly() throws Exception {
		TestEvents.Created event = this.events.event().capacity(5).create();
		TestEvents.Created other = this.events.event().capacity(5).create();
		long a = pending(event, "Mara Bulk");
		long b = pending(event, "Nico Bulk");
		long seated = this.data.in(event).person("Olga Ya").createdAt(AdminTest.REGISTERED).create().id();
		long elsewhere = pending(other, "Pia Otro");
		String[] ids = { String.valueOf(a), String.valueOf(b), String.valueOf(seated), String.valueOf(elsewhere) };
		String confirmation = this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", "APPROVE")
				.param("ids", ids)
				.param("back", "status=PENDING")
				.param("lang", "es")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(confirmation)
			.contains("Se aprobará a 2 personas", "Mara Bulk", "Nico Bulk", "No cambia: no está por revisar",
					"Sí, aprobar a 2 personas")
			.doesNotContain("Pia Otro");
		assertThat(this.data.status(a)).as("nothing happens before the confirmation").isEqualTo("PENDING");
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", "APPROVE")
				.param("ids", ids)
				.param("back", "status=PENDING")
				.param("confirmed", "true")
				.param("lang", "es")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/events/" + event.slug() + "/registrations?status=PENDING"))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text",
					"Se aprobaron 2 registros. 1 no cambió porque ya no estaba por revisar.")));
		assertThat(this.data.status(a)).isEqualTo("CONFIRMED");
		assertThat(this.data.status(b)).isEqualTo("CONFIRMED");
		assertThat(this.data.status(elsewhere)).isEqualTo("PENDING");
	}

	@Test
	void resendQueuesTheEmailOfTheCurrentStatusAndNotesAreKept() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Quique Reenvío").createdAt(AdminTest.REGISTERED).create().id();
		act(id, "resend", "ORGANIZER");
		assertThat(this.messages.typesFor(id)).containsExactly(Type.CONFIRMED);
		assertThat(outboxKinds(id)).containsExactly("CONFIRMED");
		assertThat(this.data.auditRows(id, "EMAIL_RESENT")).isOne();
		this.mvc
			.perform(post("/admin/registrations/" + id + "/notes").param("body", "Llega tarde, guardar lugar")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("admin.note.added")));
		this.mvc.perform(get("/admin/registrations/" + id).with(as("OPS")))
			.andExpect(content().string(containsString("Llega tarde, guardar lugar")))
			.andExpect(content().string(containsString("Correo reenviado")))
			.andExpect(content().string(containsString("Correo: lugar confirmado")));
		this.mvc.perform(get("/admin/registrations/" + id).param("lang", "en").with(as("OPS")))
			.andExpect(content().string(containsString("Emails sent")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("No emails for this person yet."))))
			.andExpect(content().string(containsString("href=\"/admin/outbox/")));
	}

	@Test
	void editingShowsTheFormRulesNextToTheFieldsAndAuditsWhatChanged() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Rita Editada").createdAt(AdminTest.REGISTERED).create().id();
		String edit = "/admin/registrations/" + id + "/edit";
		this.mvc.perform(edited(post(edit), "not an address").param("lang", "en").with(as("ORGANIZER")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("field field--error")))
			.andExpect(content().string(containsString("value=\"not an address\"")));
		this.mvc.perform(edited(post(edit), "rita@discos.test").with(as("ORGANIZER")).with(csrf()))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		String details = this.jdbc.sql("select details from audit_log where registration_id = ? and action = 'EDITED'")
			.param(id)
			.query(String.class)
			.single();
		assertThat(details).contains("email: ").contains(" -> rita@discos.test").contains("state: CMX -> JAL");
		assertThat(this.data.status(id)).isEqualTo("CONFIRMED");
	}

	/**
	 * Staff correct someone else's details: the form's labels, hints and problems speak
	 * about the person ("¿Cómo se enteró…?", "Escribe la ciudad de la persona."), not to
	 * the staff member as the public form speaks to the registrant.
	 */
	@Test
	void theStaffEditSpeaksAboutThePersonNotToTheStaffMember() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Rita Tercera").create().id();
		String edit = "/admin/registrations/" + id + "/edit";
		String form = this.mvc.perform(get(edit).param("lang", "es").with(as("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(form)
			.contains("¿Cómo se enteró de este evento?", "Solo para contactar a la persona sobre este evento.",
					"Aquí le llegan la confirmación y su enlace personal", "¿Le interesaría formar parte",
					"Quiere recibir noticias de WIN")
			.doesNotContain("¿Cómo te enteraste", "contactarte", "Aquí te enviamos", "¿Te interesaría",
					"Quiero recibir");
		String refused = this.mvc
			.perform(edited(post(edit), "rita.tercera@discos.test").with(set("city", ""))
				.param("lang", "es")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(refused).contains("Escribe la ciudad de la persona.").doesNotContain("Escribe tu ciudad.");
	}

	@Test
	void theStaffEditIsBoundAsTheFormIsAndTellsWhenTheAddressIsTaken() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Rosa Binder").createdAt(AdminTest.REGISTERED).create().id();
		String taken = this.data.in(event).person("Otra Persona").createdAt(AdminTest.REGISTERED).create().email();
		String edit = "/admin/registrations/" + id + "/edit";
		String repeated = this.mvc
			.perform(edited(post(edit), "rosa@discos.test").param("city", "Puebla")
				.param("lang", "en")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(repeated).contains("This field was sent more than once.", "class=\"error-summary\"")
			.doesNotContain("name=\"privacyConsent\"");
		this.mvc
			.perform(edited(post(edit), taken.toUpperCase(Locale.ROOT)).param("lang", "en")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Another registration of this event already uses this email.")));
		this.mvc
			.perform(edited(post(edit), "rosa@discos.test").with(set("fullName", "Rosa Bi\u0301nder"))
				.param("status", "CANCELLED")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		assertThat(this.jdbc.sql("select full_name || ' ' || email || ' ' || status from registration where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Rosa B\u00ednder rosa@discos.test CONFIRMED");
	}

	private static MockHttpServletRequestBuilder edited(MockHttpServletRequestBuilder request, String email) {
		return request.param("fullName", "Rosa Binder")
			.param("email", email)
			.param("company", "Discos Rosa")
			.param("companyType", "PUBLISHER")
			.param("state", "JAL")
			.param("city", "Guadalajara")
			.param("associationInterest", "YES");
	}

	/** Replaces a parameter of a prepared request (a second .param would repeat it). */
	private static RequestPostProcessor set(String name, String value) {
		return (request) -> {
			request.setParameter(name, value);
			return request;
		};
	}

	@Test
	void raisingTheCapacityPromotesTheWaitlistAndIsAudited() throws Exception {
		TestEvents.Created event = this.events.event().capacity(1).create();
		this.data.in(event).person("Saúl Sentado").createdAt(AdminTest.REGISTERED).create();
		long waiting = this.data.in(event)
			.person("Tere Espera")
			.status("WAITLISTED")
			.companyType("OTHER")
			.state("JAL")
			.createdAt(MONDAY)
			.create()
			.id();
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "2")
				.header("Accept-Language", "en")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text",
					"Capacity is now 2 seats. 1 person moved up from the waitlist and is now confirmed; "
							+ "the emails telling them are queued and go out as soon as the mail server accepts them.")));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.status(waiting)).isEqualTo("CONFIRMED"));
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "0")
				.header("Accept-Language", "en")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There are 2 confirmed people: the capacity cannot be lower.")));
		assertThat(this.jdbc.sql("select count(*) from audit_log where event_id = ? and action = 'CAPACITY_CHANGED'")
			.param(event.id())
			.query(Long.class)
			.single()).isOne();
	}

	/**
	 * A capacity below the confirmed people comes back next to the field, as typed, with
	 * how many are confirmed, the field described by its hint and its error.
	 */
	@Test
	void aCapacityBelowTheConfirmedPeopleComesBackAtTheFieldAsTyped() throws Exception {
		TestEvents.Created event = this.events.event().capacity(4).create();
		for (String name : java.util.List.of("Ana Uno", "Beto Dos", "Caro Tres")) {
			this.data.in(event).person(name).createdAt(MONDAY).create();
		}
		String page = this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "2")
				.header("Accept-Language", "es-MX")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String field = page.replaceAll("(?s).*?(<input[^>]*id=\"capacity\"[^>]*>).*", "$1");
		assertThat(field).contains("value=\"2\"", "aria-invalid=\"true\"",
				"aria-describedby=\"capacity-hint capacity-error\"");
		assertThat(page).containsPattern("id=\"capacity-hint\"[^>]*>Si lo aumentas")
			.containsPattern("id=\"capacity-error\"[^>]*>Hay 3 personas confirmadas: el cupo no puede ser menor.<");
		assertThat(this.jdbc.sql("select count(*) from event_seat where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single()).isEqualTo(4);

		String fine = this.mvc
			.perform(get("/admin/events/" + event.slug()).header("Accept-Language", "es-MX").with(as("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*?(<input[^>]*id=\"capacity\"[^>]*>).*", "$1");
		assertThat(fine).contains("value=\"4\"", "aria-describedby=\"capacity-hint\"").doesNotContain("aria-invalid");
	}

	/**
	 * Raising the capacity says who moved up from the waitlist, whose emails are queued.
	 */
	@Test
	void raisingTheCapacitySaysHowManyMovedUpFromTheWaitlist() throws Exception {
		TestEvents.Created event = this.events.event().capacity(4).create();
		for (String name : java.util.List.of("Ana Uno", "Beto Dos", "Caro Tres", "Dani Cuatro")) {
			this.data.in(event).person(name).createdAt(MONDAY).create();
		}
		long first = this.data.in(event).person("Eva Espera").status("WAITLISTED").createdAt(MONDAY).create().id();
		long second = this.data.in(event).person("Fer Espera").status("WAITLISTED").createdAt(MONDAY).create().id();
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "6")
				.header("Accept-Language", "es-MX")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/events/" + event.slug()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text",
					"El cupo ahora es de 6 lugares. 2 personas pasaron de la lista de espera a confirmadas; "
							+ "los correos para avisarles quedaron en cola y salen en cuanto el servidor de correo los acepte.")));
		assertThat(this.data.status(first)).isEqualTo("CONFIRMED");
		assertThat(this.data.status(second)).isEqualTo("CONFIRMED");
		assertThat(outboxKinds(first)).contains("PROMOTED");
		assertThat(outboxKinds(second)).contains("PROMOTED");
	}

	@Test
	void theCapacityNoticeSaysOneSeatInTheSingular() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "1")
				.header("Accept-Language", "es-MX")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text", "El cupo ahora es de 1 lugar.")));
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "1")
				.header("Accept-Language", "en")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("ux.notice.text", "Capacity is now 1 seat.")));
	}

	private long pending(TestEvents.Created event, String name) {
		return this.data.in(event).person(name).status("PENDING").createdAt(MONDAY).create().id();
	}

	private void act(long id, String action, String role) throws Exception {
		Notice notice = (Notice) this.mvc
			.perform(post("/admin/registrations/" + id + "/" + action).with(as(role)).with(csrf()))
			.andExpect(redirectedUrl("/admin/registrations/" + id))
			.andReturn()
			.getFlashMap()
			.get("notice");
		assertThat(notice.kind()).as(notice.key()).isEqualTo(Notice.Kind.ok);
	}

	private static RequestPostProcessor as(String role) {
		return user(role.toLowerCase() + "@win.test").roles(role);
	}

	private java.util.List<String> outboxKinds(long registrationId) {
		return this.jdbc.sql("select kind from outbox_message where registration_id = ? order by id")
			.param(registrationId)
			.query(String.class)
			.list();
	}

	private long outboxRows(long registrationId) {
		return this.jdbc.sql("select count(*) from outbox_message where registration_id = ?")
			.param(registrationId)
			.query(Long.class)
			.single();
	}

}
