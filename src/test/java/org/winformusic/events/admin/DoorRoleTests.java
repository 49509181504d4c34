package org.winformusic.events.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.MovableClock;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.registration.CheckinPasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The door volunteer's account (DOOR): created on the users page like any other, it opens
 * the events' door pages and nothing else, so a borrowed or lost phone at the entrance
 * exports nobody's contact data.
 */
@AdminTest
class DoorRoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinPasses passes;

	@Autowired
	MovableClock clock;

	TestEvents.Created event;

	TestRegistrations.Registration ana;

	String door;

	@BeforeEach
	void setUp() {
		this.event = new TestEvents(this.jdbc).event().onItsDay().capacity(5).create();
		this.ana = new TestRegistrations(this.jdbc).in(this.event)
			.person("Ana Entrada")
			.createdAt(AdminTest.REGISTERED)
			.create();
		this.door = TestStaff.create(this.jdbc, "door.volunteer@win.test", "Voluntaria", StaffRole.DOOR);
	}

	@Test
	void theUsersPageOffersTheDoorRoleInWordsAndExplainsEveryRole() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		this.mvc.perform(get("/admin/users").cookie(admin).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Door (check-in only)</option>")))
			.andExpect(content().string(containsString("Everything, including staff accounts")))
			.andExpect(content().string(containsString("Reviews and manages registrations")))
			// OPS reads and exports but is refused the admins' pages, so it does not
			// claim "every page".
			.andExpect(content().string(containsString(
					"and exports (also with an API token); changes nothing. No staff accounts, audit log or data requests.")))
			.andExpect(content().string(containsString("the events&#39; door check-in pages only")))
			.andExpect(content().string(not(containsString(">DOOR<"))));
		this.mvc.perform(get("/admin/users").cookie(admin).param("lang", "es"))
			.andExpect(content().string(containsString(">Entrada (solo registro de asistentes)</option>")))
			.andExpect(content().string(containsString("Para quien apoya en la entrada")))
			.andExpect(content().string(containsString(
					"no cambia nada. No ve las cuentas del equipo, la bitácora ni las solicitudes de datos.")));

		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", "new.door@win.test")
				.param("displayName", "Nueva Puerta")
				.param("role", "DOOR"))
			.andReturn();
		assertThat(OneTimePasswords.shown(created)).isNotBlank();
		assertThat(this.jdbc.sql("select role from staff_user where email = 'new.door@win.test'")
			.query(String.class)
			.single()).isEqualTo("DOOR");
		// The audit log names the role in words too.
		this.mvc.perform(get("/admin/audit").cookie(admin).param("lang", "en"))
			.andExpect(content().string(containsString("Door (check-in only)")))
			.andExpect(content().string(not(containsString("role=DOOR"))));
	}

	@Test
	void aDoorVolunteerLandsOnTheEventsDoorPagesAndSeesNothingElse() throws Exception {
		Cookie session = login(this.door, TestStaff.PASSWORD);
		this.mvc.perform(get("/admin").cookie(session).param("lang", "en"))
			.andExpect(status().isOk())
			// Each event's door page (other tests' events may fill the first page).
			.andExpect(content().string(matchesPattern("(?s).*href=\"/admin/events/[^\"/]+/checkin\".*")))
			.andExpect(content().string(not(containsString("/registrations"))))
			.andExpect(content().string(not(containsString("href=\"/admin/outbox\""))))
			.andExpect(content().string(not(containsString("Ana Entrada"))));
		this.mvc.perform(get("/admin/profile").cookie(session).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Door (check-in only)")))
			.andExpect(content().string(not(containsString("/admin/profile/tokens"))));
		for (String page : new String[] { "/admin/events/" + this.event.slug(),
				"/admin/events/" + this.event.slug() + "/registrations",
				"/admin/events/" + this.event.slug() + "/registrations.csv",
				"/admin/events/" + this.event.slug() + "/people.xlsx", "/admin/registrations/" + this.ana.id(),
				"/admin/outbox", "/admin/events/new", "/admin/profile/tokens", "/admin/audit" }) {
			this.mvc.perform(get(page).cookie(session).accept(MediaType.TEXT_HTML))
				.andExpect(status().isForbidden())
				.andExpect(content().string(not(containsString("Ana Entrada"))));
		}
	}

	@Test
	void theLandingListsTodaysEventsFirstThenTheComingOnesSoonestFirstThenThePastOnesLatestFirst() throws Exception {
		Instant now = this.clock.instant();
		ZoneId mexico = ZoneId.of("America/Mexico_City");
		ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
		LocalDate todayInMexico = LocalDate.ofInstant(now, mexico);
		// Each lasts four hours. Ended an hour ago where it is mid-afternoon now: today's
		// there at any hour of the run (just after midnight, yesterday's is not).
		int offset = Math.max(-12, Math.min(14, 15 - now.atZone(java.time.ZoneOffset.UTC).getHour()));
		ZoneId afternoon = ZoneId
			.of((offset == 0) ? "Etc/UTC" : "Etc/GMT" + ((offset > 0) ? "-" : "+") + Math.abs(offset));
		String endedAnHourAgo = doorEvent(now.minus(Duration.ofHours(5)), afternoon);
		String running = doorEvent(now.minus(Duration.ofHours(1)), mexico);
		// Today where it takes place, though already tomorrow in UTC and in Mexico City.
		String tonightInHonolulu = doorEvent(
				LocalDate.ofInstant(now, honolulu).atTime(23, 0).atZone(honolulu).toInstant(), honolulu);
		String tomorrow = doorEvent(todayInMexico.plusDays(1).atTime(10, 0).atZone(mexico).toInstant(), mexico);
		String nextWeek = doorEvent(now.plus(Duration.ofDays(7)), mexico);
		String endedLongerAgo = doorEvent(now.minus(Duration.ofHours(9)), mexico);
		String lastWeek = doorEvent(now.minus(Duration.ofDays(7)), mexico);
		String lastYear = doorEvent(now.minus(Duration.ofDays(365)), mexico);

		List<String> landing = doorLanding(login(this.door, TestStaff.PASSWORD));

		assertThat(landing).containsSubsequence(endedAnHourAgo, running, tonightInHonolulu, tomorrow, nextWeek,
				endedLongerAgo, lastWeek, lastYear);
	}

	/** A test event starting at {@code start} in {@code zone}; its slug. */
	private String doorEvent(Instant start, ZoneId zone) {
		TestEvents.Created created = new TestEvents(this.jdbc).event().slugPrefix("door").startsAt(start).create();
		this.jdbc.sql("update event set time_zone = ? where id = ?").params(zone.getId(), created.id()).update();
		return created.slug();
	}

	/** The slugs of the door pages the landing links, every page of it, in order. */
	private List<String> doorLanding(Cookie session) throws Exception {
		List<String> slugs = new ArrayList<>();
		Pattern link = Pattern.compile("href=\"/admin/events/([^\"/]+)/checkin\"");
		int pages = 1;
		for (int page = 0; page < pages; page++) {
			MvcResult result = this.mvc.perform(get("/admin").cookie(session).param("page", String.valueOf(page)))
				.andExpect(status().isOk())
				.andReturn();
			pages = ((Page<?>) result.getModelAndView().getModel().get("events")).getTotalPages();
			Matcher found = link.matcher(result.getResponse().getContentAsString());
			while (found.find()) {
				slugs.add(found.group(1));
			}
		}
		return slugs;
	}

	@Test
	void aDoorVolunteerSearchesChecksInUndoesAndScansAPass() throws Exception {
		Cookie session = login(this.door, TestStaff.PASSWORD);
		String checkin = "/admin/events/" + this.event.slug() + "/checkin";

		MvcResult searched = this.mvc.perform(post(checkin).cookie(session).with(csrf()).param("q", "Ana"))
			.andExpect(redirectedUrl(checkin))
			.andReturn();
		this.mvc.perform(get(checkin).cookie(session).flashAttrs(searched.getFlashMap()).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Entrada")))
			.andExpect(content().string(containsString("action=\"" + checkin + "/" + this.ana.id() + "\"")))
			.andExpect(content().string(containsString("data-can-act=\"true\"")));

		this.mvc.perform(post(checkin + "/" + this.ana.id()).cookie(session).with(csrf()))
			.andExpect(redirectedUrl(checkin));
		assertThat(checkedIn()).isTrue();
		this.mvc.perform(post(checkin + "/" + this.ana.id() + "/undo").cookie(session).with(csrf()))
			.andExpect(redirectedUrl(checkin));
		assertThat(checkedIn()).isFalse();

		// The phone's offline copy, and its batch sent back.
		this.mvc.perform(get(checkin + "/door.json").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Entrada")));
		this.mvc
			.perform(post(checkin + "/sync").cookie(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch",
						"{\"actions\":[{\"id\":" + this.ana.id() + ",\"type\":\"in\",\"at\":\"" + this.clock.instant()
								+ "\"}]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		assertThat(checkedIn()).isTrue();
		this.mvc.perform(post(checkin + "/" + this.ana.id() + "/undo").cookie(session).with(csrf()))
			.andExpect(redirectedUrl(checkin));

		// A scanned pass leads staff to the person's card, without a link to the record.
		String pass = this.passes.pass(this.ana.id());
		this.mvc.perform(get("/p/" + pass).cookie(session)).andExpect(redirectedUrl("/admin/checkin/pass/" + pass));
		this.mvc.perform(get("/admin/checkin/pass/" + pass).cookie(session).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Entrada")))
			.andExpect(content().string(containsString("action=\"/admin/checkin/pass/" + pass + "\"")))
			.andExpect(content().string(not(containsString("/admin/registrations/"))));
		this.mvc.perform(post("/admin/checkin/pass/" + pass).cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/checkin/pass/" + pass));
		assertThat(checkedIn()).isTrue();

		// Nothing else changed hands: no decline, no token.
		this.mvc.perform(post("/admin/registrations/" + this.ana.id() + "/decline").cookie(session).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/profile/tokens").cookie(session)
				.with(csrf())
				.param("name", "door phone")
				.param("role", "DOOR"))
			.andExpect(status().isForbidden());
		assertThat(new TestRegistrations(this.jdbc).status(this.ana.id())).isEqualTo("CONFIRMED");
		assertThat(this.jdbc
			.sql("select count(*) from api_token t join staff_user u on u.id = t.owner_user_id" + " where u.email = ?")
			.param(this.door)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void noApiTokenCarriesTheDoorRole() {
		assertThat(StaffRole.DOOR.grantable()).isEmpty();
		assertThat(StaffRole.ADMIN.grantable()).containsExactly(StaffRole.ADMIN, StaffRole.ORGANIZER, StaffRole.OPS);
		assertThat(StaffRole.OPS.grantable()).containsExactly(StaffRole.OPS);
		long owner = this.jdbc.sql("select id from staff_user where email = ?")
			.param(this.door)
			.query(Long.class)
			.single();
		String insert = "insert into api_token (name, token_hash, owner_user_id, role, created_at)"
				+ " values ('phone', sha256(?::bytea), ?, ?, now())";
		// The same row with a role tokens may have goes in: the role is what is refused.
		assertThat(this.jdbc.sql(insert).params("door-ops-token", owner, "OPS").update()).isOne();
		assertThatThrownBy(() -> this.jdbc.sql(insert).params("door-door-token", owner, "DOOR").update())
			.isInstanceOf(DataIntegrityViolationException.class);
		this.jdbc.sql("delete from api_token where owner_user_id = ?").param(owner).update();
	}

	private boolean checkedIn() {
		return this.jdbc.sql("select checked_in_at is not null from registration where id = ?")
			.param(this.ana.id())
			.query(Boolean.class)
			.single();
	}

	private Cookie login(String email, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

}
