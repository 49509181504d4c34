package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.CheckinPasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nobody arrives months early: an arrival is recorded from midnight of the event's first
 * day where it takes place (the door's "today") until its end. Before that a check-in
 * from the registration's page, the door page, a door phone's queue, a scanned pass or a
 * walk-in is refused, saying when the event is; a wrong event picked at the door checks
 * nobody in.
 */
@AdminTest
class CheckInBeforeTheDayTests {

	private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

	private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy",
			Locale.forLanguageTag("es"));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinPasses passes;

	@Test
	void beforeItsFirstDayNobodyIsCheckedInFromAnyPage() throws Exception {
		// Months ahead, as QA found it: 30 October, a Madrid event.
		Instant start = Instant.now()
			.plus(120, ChronoUnit.DAYS)
			.truncatedTo(ChronoUnit.DAYS)
			.plus(16, ChronoUnit.HOURS);
		TestEvents.Created event = new TestEvents(this.jdbc).event().startsAt(start).capacity(5).create();
		zone(event, ZoneId.of("Europe/Madrid"), start, start.plus(4, ChronoUnit.HOURS));
		String day = SPANISH_DATE.format(start.atZone(ZoneId.of("Europe/Madrid")));
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long ana = data.in(event).person("Ana Temprana").create().id();
		String door = "/admin/events/" + event.slug() + "/checkin";

		// The registration's page: refused, saying when the event is.
		Cookie detail = session(post("/admin/registrations/" + ana + "/checkin"), "ORGANIZER");
		assertThat(page(get("/admin/registrations/" + ana).cookie(detail), "ORGANIZER"))
			.contains("No se registró la llegada: este evento es el " + day
					+ ", y las llegadas se registran a partir de ese día.")
			.as("no check-in offered before the day")
			.doesNotContain("action=\"/admin/registrations/" + ana + "/checkin\"");
		// The door page, as a DOOR user who picked the wrong row.
		Cookie atDoor = session(post(door + "/" + ana), "DOOR");
		assertThat(page(get(door).cookie(atDoor), "DOOR"))
			.contains("No se registró la llegada: este evento es el " + day);
		// A door phone's queue.
		this.mvc
			.perform(post(door + "/sync").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch", "{\"actions\":[" + CheckInAfterTheEndTests.action(ana, Instant.now()) + "]}")
				.with(as("DOOR"))
				.with(csrf()))
			.andExpect(jsonPath("$.results[0].outcome").value("NOT_YET"))
			.andExpect(jsonPath("$.results[0].checkedInAt").doesNotExist());
		// A scanned pass: the card says so and offers no check-in; a post is refused.
		String pass = this.passes.pass(ana);
		assertThat(page(get("/admin/checkin/pass/" + pass), "DOOR"))
			.contains("Este evento es el " + day + ": las llegadas se registran a partir de ese día.")
			.doesNotContain("action=\"/admin/checkin/pass/" + pass + "\"");
		this.mvc.perform(post("/admin/checkin/pass/" + pass).with(as("DOOR")).with(csrf()))
			.andExpect(flash().attribute("notice",
					(Object) new Notice("admin.checkin.notYetRefused", notYetArgument(start), null, Notice.Kind.bad)));
		assertThat(new TestRegistrations(this.jdbc).checkedIn(ana)).isFalse();

		// The door page says so up front and offers neither check-in nor walk-in.
		assertThat(page(get(door), "DOOR"))
			.contains("Este evento es el " + day + ": las llegadas se registran a partir de ese día.")
			.contains("data-can-act=\"false\"")
			.doesNotContain(door + "/walk-in\"");
		assertThat(DoorSearches.results(this.mvc, event.slug(), "Ana", "DOOR", "es")).contains("Ana Temprana")
			.doesNotContain("action=\"" + door + "/" + ana + "\"");
		// Nor does a walk-in get in (checked in at once) before the day.
		assertThat(page(get(door + "/walk-in"), "DOOR"))
			.contains("Este evento es el " + day + ": no se puede registrar a nadie en la puerta antes de ese día.");
		this.mvc.perform(WalkInTests.walkIn(event, "Beto Antes", "beto.antes@example.org").with(as("DOOR")));
		assertThat(this.jdbc.sql("select count(*) from registration where email = 'beto.antes@example.org'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'CHECKED_IN' and registration_id = ?")
			.param(ana)
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * The first day begins at midnight where the event takes place, whatever the server's
	 * zone: in Kiritimati (UTC+14) an event at 23:30 tonight is on its day, one at 00:30
	 * tomorrow is not, however few hours away it is.
	 */
	@Test
	void theFirstDayBeginsAtMidnightWhereTheEventTakesPlace() throws Exception {
		LocalDate today = LocalDate.now(KIRITIMATI);
		Instant tonight = today.atTime(23, 30).atZone(KIRITIMATI).toInstant();
		Instant tomorrow = today.plusDays(1).atTime(0, 30).atZone(KIRITIMATI).toInstant();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		TestEvents.Created onItsDay = new TestEvents(this.jdbc).event().startsAt(tonight).create();
		zone(onItsDay, KIRITIMATI, tonight, tonight.plus(4, ChronoUnit.HOURS));
		TestEvents.Created nextDay = new TestEvents(this.jdbc).event().startsAt(tomorrow).create();
		zone(nextDay, KIRITIMATI, tomorrow, tomorrow.plus(4, ChronoUnit.HOURS));
		long tere = data.in(onItsDay).person("Tere Hoy").create().id();
		long mario = data.in(nextDay).person("Mario Mañana").create().id();

		this.mvc.perform(post("/admin/registrations/" + tere + "/checkin").with(as("ORGANIZER")).with(csrf()))
			.andExpect(flash().attribute("notice", Notice.ok("admin.checkin.done", "Tere Hoy")));
		this.mvc.perform(post("/admin/registrations/" + mario + "/checkin").with(as("ORGANIZER")).with(csrf()))
			.andExpect(flash().attribute("notice", (Object) new Notice("admin.checkin.notYetRefused",
					notYetArgument(tomorrow, KIRITIMATI), null, Notice.Kind.bad)));
		assertThat(new TestRegistrations(this.jdbc).checkedIn(tere)).isTrue();
		assertThat(new TestRegistrations(this.jdbc).checkedIn(mario)).isFalse();
		assertThat(page(get("/admin/events/" + onItsDay.slug() + "/checkin"), "DOOR"))
			.doesNotContain("las llegadas se registran a partir de ese día")
			.contains("data-can-act=\"true\"");
	}

	/**
	 * A door phone's arrival counts from when the phone saw it: one seen a second before
	 * midnight of the first day (in the event's zone) is refused, one seen at midnight is
	 * kept with that time.
	 */
	@Test
	void aDoorPhonesArrivalCountsFromMidnightOfTheFirstDayInTheEventsZone() throws Exception {
		LocalDate today = LocalDate.now(KIRITIMATI);
		Instant midnight = today.atStartOfDay(KIRITIMATI).toInstant();
		Instant start = today.atTime(LocalTime.of(1, 0)).atZone(KIRITIMATI).toInstant();
		TestEvents.Created event = new TestEvents(this.jdbc).event().startsAt(start).create();
		zone(event, KIRITIMATI, start, Instant.now().plus(6, ChronoUnit.HOURS));
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long early = data.in(event).person("Elsa Antes").create().id();
		long onTime = data.in(event).person("Omar Justo").create().id();

		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/checkin/sync")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch",
						"{\"actions\":[" + CheckInAfterTheEndTests.action(early, midnight.minusSeconds(1)) + ","
								+ CheckInAfterTheEndTests.action(onTime, midnight) + "]}")
				.with(as("DOOR"))
				.with(csrf()))
			.andExpect(jsonPath("$.results[0].outcome").value("NOT_YET"))
			.andExpect(jsonPath("$.results[1].outcome").value("DONE"))
			.andExpect(jsonPath("$.results[1].checkedInAt").value(midnight.toString()));
		assertThat(new TestRegistrations(this.jdbc).checkedIn(early)).isFalse();
		assertThat(new TestRegistrations(this.jdbc).checkedIn(onTime)).isTrue();
	}

	private String notYetArgument(Instant start) {
		return notYetArgument(start, ZoneId.of("Europe/Madrid"));
	}

	/** The date as the notice carries it, in the request's language (Spanish here). */
	private static String notYetArgument(Instant start, ZoneId zone) {
		return SPANISH_DATE.format(start.atZone(zone));
	}

	private void zone(TestEvents.Created event, ZoneId zone, Instant start, Instant end) {
		this.jdbc.sql("update event set time_zone = ?, starts_at = ?, ends_at = ? where id = ?")
			.params(zone.getId(), Timestamp.from(start), Timestamp.from(end), event.id())
			.update();
	}

	/** Posts as a staff member of {@code role}; the session the answer's notice is in. */
	private Cookie session(MockHttpServletRequestBuilder request, String role) throws Exception {
		Cookie session = this.mvc.perform(request.with(as(role)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private String page(MockHttpServletRequestBuilder request, String role) throws Exception {
		return this.mvc.perform(request.param("lang", "es").with(as(role)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static RequestPostProcessor as(String role) {
		return user(role.toLowerCase(Locale.ROOT) + "@win.test").roles(role);
	}

}
