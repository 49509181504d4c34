package org.winformusic.events.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.admin.StaffPages.as;

/**
 * Once an event has ended its registrations are a record, and the pages say so: staff are
 * not offered a capacity form that promises promotions, approve or decline buttons, or
 * "are you sure?" pages for changes that are refused; waiting and arrival read as what
 * happened, a change of address that can no longer be confirmed does not read as pending,
 * and the registrant's erase page does not promise their seat to the next person.
 */
@AdminTest
class PagesAfterTheEndTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManageTokens tokens;

	@Test
	void afterTheEndTheDashboardShowsTheCapacityAsAFactAndCountsNoShows() throws Exception {
		TestEvents.Created ended = endedEvent(5);
		TestEvents.Created coming = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(3, ChronoUnit.DAYS))
			.capacity(5)
			.create();

		String before = page(get("/admin/events/" + coming.slug()).with(as("ORGANIZER")));
		assertThat(before).contains("name=\"capacity\"", "Si lo aumentas, se confirma de inmediato a quienes esperan.",
				"Confirmados que aún no llegan");

		String after = page(get("/admin/events/" + ended.slug()).with(as("ORGANIZER")));
		assertThat(after).doesNotContain("name=\"capacity\"", "Si lo aumentas", "/capacity\"", "aún no llegan")
			.contains("Cupo: 5 lugares. El evento ya terminó", "Confirmados que no llegaron");
		assertThat(page(get("/admin/events/" + ended.slug()).param("lang", "en").with(as("ORGANIZER"))))
			.contains("Capacity: 5 seats. The event has ended", "Confirmed who did not come");
	}

	@Test
	void afterTheEndTheListOffersNoApproveOrDeclineButKeepsResend() throws Exception {
		TestEvents.Created event = endedEvent(5);
		long pending = new TestRegistrations(this.jdbc).in(event)
			.person("Pablo Pendiente")
			.status("PENDING")
			.create()
			.id();

		String list = page(get("/admin/events/" + event.slug() + "/registrations").with(as("ORGANIZER")));
		assertThat(list).contains("Pablo Pendiente", "value=\"RESEND\"")
			.doesNotContain("/admin/registrations/" + pending + "/approve", "confirm-action/decline",
					"value=\"APPROVE\"", "value=\"DECLINE\"");
	}

	@Test
	void afterTheEndTheConfirmPagesSayWhyAndOfferOnlyAWayBackExceptUndoingACheckIn() throws Exception {
		TestEvents.Created event = endedEvent(0);
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long seated = data.in(event).person("Sergio Sentado").create().id();
		long waiting = data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();
		long came = data.in(event)
			.person("Lola Llegó")
			.checkedInAt(Instant.now().minus(7, ChronoUnit.HOURS))
			.create()
			.id();

		for (String action : new String[] { "decline", "cancel", "waitlist" }) {
			assertRefusedPage(seated, action, null);
		}
		assertRefusedPage(waiting, "confirm-over", null);
		assertRefusedPage(waiting, "decline", "status=WAITLISTED");

		// Allowed, to correct a mistaken arrival; but nobody can record it again, and
		// the page says so before the one tap that erases it.
		String undo = page(get("/admin/registrations/" + came + "/confirm-action/undo-checkin").with(as("ADMIN")));
		assertThat(undo).contains("Sí, deshacer la llegada", "/admin/registrations/" + came + "/undo-checkin\"")
			.contains("El evento ya terminó: si deshaces la llegada de Lola Llegó, ya no se podrá volver a marcar,"
					+ " ni aquí ni en la puerta. Hazlo solo si se marcó por error.")
			.doesNotContain("Este evento ya terminó", "No se cambió nada");
		assertThat(page(get("/admin/registrations/" + came + "/confirm-action/undo-checkin").param("lang", "en")
			.with(as("ADMIN")))).contains("arrival, it can never be recorded again");
	}

	@Test
	void beforeTheEndUndoingACheckInGivesNoSuchWarning() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(1, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		long came = new TestRegistrations(this.jdbc).in(event)
			.person("Lola Llegó")
			.checkedInAt(Instant.now().minus(30, ChronoUnit.MINUTES))
			.create()
			.id();

		assertThat(page(get("/admin/registrations/" + came + "/confirm-action/undo-checkin").with(as("ADMIN"))))
			.contains("Sí, deshacer la llegada")
			.doesNotContain("ya no se podrá volver a marcar");
	}

	@Test
	void afterTheEndTheDetailPageSaysWhoWaitedAndDropsTheArrivalHint() throws Exception {
		TestEvents.Created event = endedEvent(0);
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long waiting = data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();
		long came = data.in(event)
			.person("Lola Llegó")
			.checkedInAt(Instant.now().minus(7, ChronoUnit.HOURS))
			.create()
			.id();

		assertThat(page(get("/admin/registrations/" + waiting).with(as("ORGANIZER"))))
			.contains("seguía en la lista de espera (número 1) cuando terminó el evento")
			.doesNotContain("número 1 en la lista de espera");
		assertThat(page(get("/admin/registrations/" + waiting).param("lang", "en").with(as("ORGANIZER"))))
			.contains("still on the waitlist (place 1) when the event ended");
		assertThat(page(get("/admin/registrations/" + came).with(as("ORGANIZER")))).contains("Este evento ya terminó")
			.doesNotContain("primero deshazla", "no se puede cancelar", "tenía lugar y no llegó");
		// Each status says how it stood when the event ended, as the waitlisted one does.
		long pending = data.in(event).person("Pablo Pendiente").status("PENDING").create().id();
		long absent = data.in(event).person("Ana Ausente").create().id();
		assertThat(page(get("/admin/registrations/" + pending).with(as("ORGANIZER"))))
			.contains("seguía en revisión cuando terminó el evento");
		assertThat(page(get("/admin/registrations/" + absent).with(as("ORGANIZER"))))
			.contains("tenía lugar y no llegó");
	}

	@Test
	void afterTheEndAChangeOfAddressIsNoLongerShownAsPending() throws Exception {
		TestEvents.Created event = endedEvent(5);
		long seated = new TestRegistrations(this.jdbc).in(event).person("Ema Cambio").create().id();
		String asked = TestRegistrations.uniqueEmail("after-end-asked");
		this.jdbc
			.sql("insert into email_change (registration_id, new_email, state, requested_at, expires_at)"
					+ " values (?, ?, 'PENDING', ?, ?)")
			.params(seated, asked, Timestamp.from(Instant.now().minus(8, ChronoUnit.HOURS)),
					Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)))
			.update();

		assertThat(page(get("/admin/registrations/" + seated).with(as("ORGANIZER"))))
			.contains("Nunca se confirmó: nueva dirección " + asked, "El evento ya terminó, así que su enlace ya no")
			.doesNotContain("Pendiente de confirmar");
		assertThat(page(get("/admin/registrations/" + seated).param("lang", "en").with(as("ORGANIZER"))))
			.contains("Never confirmed: new address " + asked)
			.doesNotContain("Waiting for confirmation");
	}

	@Test
	void afterTheEndTheRegistrantsErasePageAndManagePageDoNotSpeakOfCancellingOrSeats() throws Exception {
		TestEvents.Created event = endedEvent(5);
		long seated = new TestRegistrations(this.jdbc).in(event).person("Rita Registro").locale("es").create().id();
		String token = this.tokens.issue(seated);

		String erase = page(get("/r/" + token + "/erase").param("lang", "es"));
		assertThat(erase).contains("Se borrarán los datos de tu registro a")
			.doesNotContain("pasará a la siguiente persona en espera", "Se cancelará tu registro");
		assertThat(page(get("/r/" + token + "/erase").param("lang", "en")))
			.contains("The data of your registration for")
			.doesNotContain("goes to the next person waiting");

		String manage = page(get("/r/" + token).param("lang", "es"));
		assertThat(manage).contains("borra tus datos.").doesNotContain("borra sus datos", "cancela tu registro");
	}

	@Test
	void beforeTheEndTheManagePageSaysErasingCancelsInTheRegistrantsWords() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(3, ChronoUnit.DAYS))
			.capacity(5)
			.create();
		long seated = new TestRegistrations(this.jdbc).in(event).person("Rita Registro").locale("es").create().id();
		String token = this.tokens.issue(seated);

		assertThat(page(get("/r/" + token).param("lang", "es"))).contains("borra tus datos (esto cancela tu registro)")
			.doesNotContain("borra sus datos");
		assertThat(page(get("/r/" + token + "/erase").param("lang", "es")))
			.contains("pasará a la siguiente persona en espera");
	}

	private void assertRefusedPage(long id, String action, String list) throws Exception {
		MockHttpServletRequestBuilder request = get("/admin/registrations/" + id + "/confirm-action/" + action)
			.with(as("ADMIN"));
		if (list != null) {
			request.param("list", list);
		}
		String page = page(request);
		assertThat(page).as(action)
			.contains("Este evento ya terminó", "No se cambió nada", "Volver")
			.doesNotContain("Sí, ", "Recibirá un correo", "/admin/registrations/" + id + "/" + action + "\"",
					"/admin/registrations/" + id + "/confirm\"");
		assertThat(page)
			.contains((list != null) ? "/registrations?" + list + "\"" : "/admin/registrations/" + id + "\"");
	}

	private TestEvents.Created endedEvent(int capacity) {
		return new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(capacity)
			.create();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return StaffPages.page(this.mvc, request);
	}

}
