package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Nobody arrives at an event that is over: a check-in the day after, from the
 * registration's page or the door page, would record a no-show as attended, timestamped
 * after the end. Arrivals a door phone recorded offline while the event ran still sync.
 */
@AdminTest
class CheckInAfterTheEndTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void afterTheEndNobodyIsCheckedInButArrivalsRecordedWhileItRanStillSync() throws Exception {
		Instant start = Instant.now().minus(6, ChronoUnit.HOURS);
		TestEvents.Created event = new TestEvents(this.jdbc).event().startsAt(start).capacity(5).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long absent = data.in(event).person("Citlali Ausente").create().id();
		long offline = data.in(event).person("Ofelia Sinred").create().id();
		data.in(event).person("Wendy Espera").status("WAITLISTED").create();
		String door = "/admin/events/" + event.slug() + "/checkin";

		this.mvc.perform(post("/admin/registrations/" + absent + "/checkin").with(as("ORGANIZER")).with(csrf()))
			.andExpect(flash().attribute("notice", Notice.bad("admin.checkin.overRefused")));
		this.mvc.perform(post(door + "/" + absent).with(as("DOOR")).with(csrf()))
			.andExpect(flash().attribute("notice", Notice.bad("admin.checkin.overRefused")));
		this.mvc
			.perform(post(door + "/sync").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch",
						"{\"actions\":[" + action(absent, Instant.now()) + ","
								+ action(offline, start.plus(1, ChronoUnit.HOURS)) + "]}")
				.with(as("DOOR"))
				.with(csrf()))
			.andExpect(jsonPath("$.results[0].outcome").value("EVENT_OVER"))
			.andExpect(jsonPath("$.results[1].outcome").value("DONE"));
		assertThat(new TestRegistrations(this.jdbc).checkedIn(absent)).isFalse();
		assertThat(new TestRegistrations(this.jdbc).checkedIn(offline)).isTrue();

		String page = this.mvc.perform(get(door).param("lang", "es").with(as("DOOR")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Este evento ya terminó: ya no se registran llegadas")
			.doesNotContain(door + "/walk-in\"")
			.contains("data-can-act=\"false\"", "data-over=\"true\"");
		// Nobody to keep out any more: the status is the record, without "do not let in".
		assertThat(DoorSearches.results(this.mvc, event.slug(), "Wendy", "DOOR", "es"))
			.contains("<p>En lista de espera</p>")
			.doesNotContain("En lista de espera: no dejes pasar a la persona", "door__alert--stop");
		assertThat(DoorSearches.results(this.mvc, event.slug(), "Citlali", "DOOR", "es")).contains("Citlali Ausente")
			.doesNotContain("action=\"" + door + "/" + absent + "\"");
		String detail = this.mvc.perform(get("/admin/registrations/" + absent).with(as("ORGANIZER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).doesNotContain(absent + "/checkin\"");
	}

	/**
	 * After the end one tap at the door must not erase an arrival nobody can record
	 * again: DOOR and ORGANIZER cannot undo it there (an ADMIN can on the event's last
	 * day, and later from the registration's page).
	 */
	@Test
	void afterTheEndTheDoorUndoesNoArrival() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(30, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		long elena = new TestRegistrations(this.jdbc).in(event)
			.person("Elena Llegó")
			.checkedInAt(Instant.now().minus(29, ChronoUnit.HOURS))
			.create()
			.id();
		String door = "/admin/events/" + event.slug() + "/checkin";
		assertThat(DoorSearches.results(this.mvc, event.slug(), "Elena", "DOOR", "es")).contains("Elena Llegó")
			.doesNotContain(door + "/" + elena + "/undo");
		for (String role : new String[] { "DOOR", "ORGANIZER", "ADMIN" }) {
			this.mvc.perform(post(door + "/" + elena + "/undo").with(as(role)).with(csrf()))
				.andExpect(flash().attribute("notice", Notice.bad("door.undoOver")));
		}
		assertThat(new TestRegistrations(this.jdbc).checkedIn(elena)).isTrue();
	}

	/**
	 * A door phone whose page was opened while the event ran still offers undo after the
	 * end; an undo it sends then is refused as the page's is (the arrival stays, for an
	 * ADMIN too once the last day is over), while an undo it recorded while the event ran
	 * still syncs, like its arrivals.
	 */
	@Test
	void aDoorPhonesUndoRecordedAfterTheEndIsRefusedButOneRecordedWhileItRanStillSyncs() throws Exception {
		Instant start = Instant.now().minus(30, ChronoUnit.HOURS);
		TestEvents.Created event = new TestEvents(this.jdbc).event().startsAt(start).capacity(5).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long elena = data.in(event).person("Elena Llegó").checkedInAt(start.plus(1, ChronoUnit.HOURS)).create().id();
		long fermin = data.in(event).person("Fermín Error").checkedInAt(start.plus(1, ChronoUnit.HOURS)).create().id();
		String sync = "/admin/events/" + event.slug() + "/checkin/sync";

		for (String role : new String[] { "DOOR", "ORGANIZER", "ADMIN" }) {
			this.mvc
				.perform(post(sync).contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.param("batch", "{\"actions\":[" + undo(elena, Instant.now()) + "]}")
					.with(as(role))
					.with(csrf()))
				.andExpect(jsonPath("$.results[0].outcome").value("EVENT_OVER"))
				.andExpect(jsonPath("$.results[0].checkedInAt").isNotEmpty());
		}
		this.mvc
			.perform(post(sync).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch", "{\"actions\":[" + undo(fermin, start.plus(2, ChronoUnit.HOURS)) + "]}")
				.with(as("DOOR"))
				.with(csrf()))
			.andExpect(jsonPath("$.results[0].outcome").value("UNDONE"));

		assertThat(new TestRegistrations(this.jdbc).checkedIn(elena)).isTrue();
		assertThat(new TestRegistrations(this.jdbc).checkedIn(fermin)).isFalse();
		assertThat(
				this.jdbc.sql("select count(*) from audit_log where action = 'CHECK_IN_UNDONE' and registration_id = ?")
					.param(elena)
					.query(Integer.class)
					.single())
			.isZero();
	}

	private static String undo(long id, Instant at) {
		return "{\"id\":" + id + ",\"type\":\"undo\",\"at\":\"" + at + "\"}";
	}

	/**
	 * A door phone's queued check-in of {@code id}, seen at {@code at}, as the sync posts
	 * it.
	 */
	static String action(long id, Instant at) {
		return "{\"id\":" + id + ",\"type\":\"in\",\"at\":\"" + at + "\",\"key\":\"k" + id + "\"}";
	}

	private static RequestPostProcessor as(String role) {
		return user(role.toLowerCase(java.util.Locale.ROOT) + "@win.test").roles(role);
	}

}
