package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.admin.AdminTestConfiguration.SentMessages;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * After its event's end, its registrations are the record of who came: staff do not
 * confirm or approve (that would email "a seat is yours" for an event that is over), nor
 * decline, cancel or move anyone to the waitlist ("your seat was withdrawn",
 * "cancelled"). The detail page says why in words and nothing changes: no status, audit
 * row or email.
 */
@AdminTest
class StaffChangesAfterTheEndTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentMessages messages;

	@Autowired
	MessageSource words;

	@Test
	void confirmingOrApprovingAfterTheEndIsRefusedWithAMessageAndSendsNothing() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long waiting = data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();
		long pending = data.in(event).person("Pablo Pendiente").status("PENDING").create().id();
		long seated = data.in(event).person("Sergio Sentado").create().id();

		refused(waiting, "/confirm", "ORGANIZER");
		refused(seated, "/decline", "ORGANIZER");
		refused(seated, "/cancel", "ADMIN");
		refused(seated, "/waitlist", "ORGANIZER");
		refused(waiting, "/decline", "ORGANIZER");
		refused(pending, "/cancel", "ORGANIZER");
		refused(waiting, "/confirm?exceedCapacity=true", "ADMIN");
		refused(pending, "/confirm", "ORGANIZER");
		refused(pending, "/approve", "ORGANIZER");
		// From a pending row of the list: back to the list, with the same words.
		this.mvc
			.perform(post("/admin/registrations/" + pending + "/approve").param("list", "status=PENDING")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/events/" + event.slug() + "/registrations?status=PENDING"))
			.andExpect(flash().attribute("notice", Notice.bad("admin.action.over")));

		assertThat(data.status(waiting)).isEqualTo("WAITLISTED");
		assertThat(data.status(pending)).isEqualTo("PENDING");
		assertThat(data.status(seated)).isEqualTo("CONFIRMED");
		for (long id : new long[] { waiting, pending, seated }) {
			assertThat(this.messages.typesFor(id)).isEmpty();
			assertThat(this.jdbc.sql("select count(*) from outbox_message where registration_id = ?")
				.param(id)
				.query(Long.class)
				.single()).isZero();
			assertThat(data.auditRows(id, "CONFIRMED") + data.auditRows(id, "APPROVED")
					+ data.auditRows(id, "CONFIRMED_OVER_CAPACITY") + data.auditRows(id, "DECLINED")
					+ data.auditRows(id, "CANCELLED") + data.auditRows(id, "MOVED_TO_WAITLIST"))
				.isZero();
		}

		// Staff read words, in their language, not a code.
		assertThat(this.words.getMessage("admin.action.over", null, Locale.forLanguageTag("es")))
			.startsWith("Este evento ya terminó");
		assertThat(this.words.getMessage("admin.action.over", null, Locale.ENGLISH)).startsWith("This event has ended");
	}

	@Test
	void afterTheEndTheDetailPageOffersNoStatusChangeAndSaysWhy() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(0)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long waiting = data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();
		long pending = data.in(event).person("Pablo Pendiente").status("PENDING").create().id();
		long seated = data.in(event).person("Sergio Sentado").create().id();
		for (long id : new long[] { waiting, pending, seated }) {
			String detail = this.mvc.perform(get("/admin/registrations/" + id).param("lang", "en").with(as("ADMIN")))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(detail).contains("This event has ended: its registrations are now the record of who came")
				.doesNotContain(id + "/confirm\"", id + "/approve\"", "confirm-action/confirm-over",
						"confirm-action/decline", "confirm-action/cancel", "confirm-action/waitlist");
		}
	}

	@Test
	void afterTheEndABulkApproveOrDeclineChangesNobodyAndItsPreviewSaysSo() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long pending = data.in(event).person("Pablo Pendiente").status("PENDING").create().id();
		long seated = data.in(event).person("Sergio Sentado").create().id();
		for (String action : new String[] { "APPROVE", "DECLINE" }) {
			String preview = this.mvc.perform(bulk(event, action, pending, seated).param("lang", "es"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(preview).contains("Este evento ya terminó: sus registros quedan como constancia de quién vino")
				.contains("No cambia: el evento ya terminó")
				.doesNotContain("Sí, aprobar", "Sí, rechazar");
			this.mvc.perform(bulk(event, action, pending, seated).param("confirmed", "true"));
		}
		assertThat(data.status(pending)).isEqualTo("PENDING");
		assertThat(data.status(seated)).isEqualTo("CONFIRMED");
		assertThat(this.messages.typesFor(pending)).isEmpty();
		assertThat(this.messages.typesFor(seated)).isEmpty();
	}

	/**
	 * A resend after the end would say "your seat is reserved, we look forward to seeing
	 * you", with a calendar file: the link to the record goes instead, alone or in bulk.
	 */
	@Test
	void afterTheEndAResendSendsTheLinkToTheRecordNotTheStatusEmail() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long seated = data.in(event).person("Citlali Ausente").create().id();
		long waiting = data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();

		this.mvc.perform(post("/admin/registrations/" + seated + "/resend").with(as("ORGANIZER")).with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("admin.action.resent")));
		String preview = this.mvc.perform(bulk(event, "RESEND", seated, waiting).param("lang", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(preview).contains("Su enlace otra vez (el evento ya se realizó)")
			.doesNotContain("Lugar confirmado", "En lista de espera</td>");
		this.mvc.perform(bulk(event, "RESEND", seated, waiting).param("confirmed", "true"));

		assertThat(this.messages.typesFor(seated)).containsExactly(RegistrationMessage.Type.LINK_REMINDER,
				RegistrationMessage.Type.LINK_REMINDER);
		assertThat(this.messages.typesFor(waiting)).containsExactly(RegistrationMessage.Type.LINK_REMINDER);
	}

	/**
	 * The dashboard offers no capacity form after the end; a form left open in a tab (or
	 * a hand-made POST) changes no seat either, and says why.
	 */
	@Test
	void afterTheEndTheCapacityStaysAsItWasAndNobodyMovesUp() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		data.in(event).person("Sergio Sentado").create();
		long waiting = data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();

		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "5")
				.with(as("ORGANIZER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/events/" + event.slug()))
			.andExpect(flash().attribute("notice", Notice.bad("admin.capacity.ended")));

		assertThat(this.jdbc.sql("select count(*) from event_seat where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(data.status(waiting)).isEqualTo("WAITLISTED");
		assertThat(this.messages.typesFor(waiting)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from audit_log where event_id = ? and action = 'CAPACITY_CHANGED'")
			.param(event.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.words.getMessage("admin.capacity.ended", null, Locale.forLanguageTag("es")))
			.startsWith("Este evento ya terminó");
	}

	private MockHttpServletRequestBuilder bulk(TestEvents.Created event, String action, long... ids) {
		return post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", action)
			.param("ids", java.util.Arrays.stream(ids).mapToObj(String::valueOf).toArray(String[]::new))
			.with(as("ORGANIZER"))
			.with(csrf());
	}

	private void refused(long id, String action, String role) throws Exception {
		this.mvc.perform(post("/admin/registrations/" + id + action).with(as(role)).with(csrf()))
			.andExpect(redirectedUrl("/admin/registrations/" + id))
			.andExpect(flash().attribute("notice", Notice.bad("admin.action.over")));
	}

	private static RequestPostProcessor as(String role) {
		return user(role.toLowerCase(Locale.ROOT) + "@win.test").roles(role);
	}

}
