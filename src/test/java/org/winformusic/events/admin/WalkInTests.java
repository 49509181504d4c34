package org.winformusic.events.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.registration.CheckinPasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adding someone who turns up without a registration at the door: confirmed into a free
 * seat and checked in at once, or (the event full) the waitlist for the door, an extra
 * seat for an admin; never a second registration for an address.
 */
@AdminTest
class WalkInTests {

	static final String DOOR = "door.walkins@win.test";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinPasses passes;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void aDoorVolunteerAddsAWalkInWhoIsConfirmedCheckedInCountedAndEmailedInTheirLanguage() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(3).create();
		String door = "/admin/events/" + event.slug() + "/checkin";
		Cookie session = login(TestStaff.create(this.jdbc, DOOR, "Puerta", StaffRole.DOOR));
		this.mvc.perform(get(door).cookie(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + door + "/walk-in\"")))
			.andExpect(content().string(containsString("Add a walk-in")))
			.andExpect(content().string(containsString("Needs a connection")));
		this.mvc.perform(get(door + "/walk-in").cookie(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"fullName\"")))
			.andExpect(content().string(containsString("The person was told about the privacy notice and agrees.")))
			.andExpect(content().string(not(containsString("name=\"newsOptIn\""))));
		String email = TestRegistrations.uniqueEmail("lucia.walkin");

		this.mvc.perform(walkIn(event, "Lucía Llegada", email).param("language", "en").cookie(session))
			.andExpect(redirectedUrl(door));

		long id = registrationOf(event, email);
		assertThat(this.data.status(id)).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql("select checked_in_at is not null from registration where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc
			.sql("select privacy_consent_version is not null and locale = 'en' from registration" + " where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from event_seat where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("select action from audit_log where registration_id = ? and actor = ? order by id")
			.params(id, DOOR)
			.query(String.class)
			.list()).containsExactly("REGISTERED_AT_DOOR", "CHECKED_IN");
		assertThat(this.jdbc.sql("select kind || ' ' || locale from outbox_message where registration_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("CONFIRMED en");
		this.mvc.perform(get(door).cookie(session).header("Accept-Language", "en"))
			.andExpect(content()
				.string(containsString("Lucía Llegada was added and checked in. Door code: " + this.passes.code(id))))
			.andExpect(content().string(containsString("Checked in: 1 of 1 confirmed")));
	}

	/**
	 * A double tap on a slow connection: the first tap's redirect is never followed (its
	 * notice waits in the session), the second answers "already registered". The next
	 * person's page must name that person, and show their card as an arrival just
	 * recorded, not as someone already in.
	 */
	@Test
	void afterADoubleTapTheNextWalkInsNoticeNamesTheNextPerson() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(5).create();
		String door = "/admin/events/" + event.slug() + "/checkin";
		Cookie session = login(TestStaff.create(this.jdbc, DOOR, "Puerta", StaffRole.DOOR));
		String amparo = TestRegistrations.uniqueEmail("amparo");
		this.mvc.perform(walkIn(event, "Amparo Dávila", amparo).cookie(session)).andExpect(redirectedUrl(door));
		this.mvc.perform(walkIn(event, "Amparo Dávila", amparo).cookie(session)).andExpect(status().isOk());

		String nellie = TestRegistrations.uniqueEmail("nellie");
		this.mvc.perform(walkIn(event, "Nellie Campobello", nellie).cookie(session)).andExpect(redirectedUrl(door));

		String page = this.mvc.perform(get(door).cookie(session).header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		long id = registrationOf(event, nellie);
		assertThat(page)
			.contains("Listo: se registró a Nellie Campobello y se marcó su llegada. Código de entrada: "
					+ this.passes.code(id))
			.doesNotContain("se registró a Amparo");
		String card = page.substring(page.indexOf("<strong>Nellie Campobello</strong>"));
		assertThat(card.substring(0, card.indexOf("</li>"))).contains("Llegada registrada a las")
			.doesNotContain("YA ENTRÓ");
	}

	@Test
	void whenTheEventIsFullTheDoorMayAddToTheWaitlistButNotBeyondCapacity() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(1).create();
		this.data.in(event).person("Ana Sentada").createdAt(AdminTest.REGISTERED).create();
		String email = TestRegistrations.uniqueEmail("sin.lugar");

		this.mvc.perform(walkIn(event, "Beto Sinlugar", email).with(as("DOOR")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No seats left")))
			.andExpect(content().string(containsString("value=\"WAITLIST\"")))
			.andExpect(content().string(not(containsString("value=\"ADD_SEAT\""))))
			.andExpect(content().string(containsString("value=\"Beto Sinlugar\"")));
		assertThat(count(event, email)).isZero();
		this.mvc.perform(walkIn(event, "Beto Sinlugar", email).param("whenFull", "ADD_SEAT").with(as("DOOR")))
			.andExpect(status().isForbidden());
		assertThat(count(event, email)).isZero();

		this.mvc.perform(walkIn(event, "Beto Sinlugar", email).param("whenFull", "WAITLIST").with(as("DOOR")))
			.andExpect(redirectedUrl("/admin/events/" + event.slug() + "/checkin"));

		long id = registrationOf(event, email);
		assertThat(this.data.status(id)).isEqualTo("WAITLISTED");
		assertThat(this.jdbc.sql("select checked_in_at is null from registration where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.data.auditRows(id, "REGISTERED_AT_DOOR")).isOne();
		assertThat(this.data.auditRows(id, "CHECKED_IN")).isZero();
		assertThat(this.jdbc.sql("select kind from outbox_message where registration_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("WAITLISTED");
		assertThat(seats(event)).isEqualTo(1);
	}

	@Test
	void anAdminMaySeatAWalkInBeyondCapacity() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(1).create();
		this.data.in(event).person("Ana Sentada").createdAt(AdminTest.REGISTERED).create();
		String email = TestRegistrations.uniqueEmail("sobre.cupo");
		this.mvc.perform(walkIn(event, "Carla Cupo", email).with(as("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"ADD_SEAT\"")));

		this.mvc.perform(walkIn(event, "Carla Cupo", email).param("whenFull", "ADD_SEAT").with(as("ADMIN")))
			.andExpect(redirectedUrl("/admin/events/" + event.slug() + "/checkin"));

		long id = registrationOf(event, email);
		assertThat(this.data.status(id)).isEqualTo("CONFIRMED");
		assertThat(seats(event)).isEqualTo(2);
		assertThat(this.data.auditRows(id, "CONFIRMED_OVER_CAPACITY")).isOne();
		assertThat(this.data.auditRows(id, "CHECKED_IN")).isOne();
	}

	@Test
	void anAddressAlreadyRegisteredShowsThatRegistrationAndAddsNothing() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(5).create();
		TestRegistrations.Registration ana = this.data.in(event)
			.person("Ana Registrada")
			.createdAt(AdminTest.REGISTERED)
			.create();

		this.mvc
			.perform(
					walkIn(event, "Ana R.", ana.email().toUpperCase()).with(as("DOOR")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Registrada is already registered for this event")))
			.andExpect(content().string(containsString("Status: Confirmed")))
			.andExpect(content().string(containsString(this.passes.code(ana.id()))))
			.andExpect(content()
				.string(containsString("action=\"/admin/events/" + event.slug() + "/checkin/" + ana.id() + "\"")))
			.andExpect(content().string(containsString("This address is already registered for this event")));

		assertThat(this.jdbc.sql("select count(*) from registration where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.data.auditRows(ana.id(), "CHECKED_IN")).isZero();
	}

	@Test
	void withoutConsentTheStaffMessageIsNextToTheCheckbox() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(5).create();
		String email = TestRegistrations.uniqueEmail("sin.consentimiento");

		this.mvc.perform(withoutConsent(event, "Dora Duda", email).with(as("DOOR")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span class=\"field-error\" id=\"privacyConsent-error\">"
					+ "Tell the person about the privacy notice, then tick this box once they agree.</span>")));

		assertThat(count(event, email)).isZero();
	}

	@Test
	void twoSubmitsOfTheSameAddressAtOnceMakeOneRegistration() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(5).create();
		String email = TestRegistrations.uniqueEmail("doble.envio");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<MvcResult>> submits = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				submits.add(pool.submit(() -> {
					start.await();
					return this.mvc.perform(walkIn(event, "Eva Doble", email).with(as("DOOR"))).andReturn();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<MvcResult> submit : submits) {
				statuses.add(submit.get(60, TimeUnit.SECONDS).getResponse().getStatus());
			}
			// One was added (redirect), the other shown the registration it made.
			assertThat(statuses).containsExactlyInAnyOrder(302, 200);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count(event, email)).isOne();
		assertThat(seats(event)).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from event_seat where event_id = ? and registration_id is not null")
			.param(event.id())
			.query(Long.class)
			.single()).isOne();
	}

	/**
	 * Several taps or phones adding one person for the last seat: one takes it, and every
	 * other is shown that registration, never "no seats left" for the person who just
	 * took the seat.
	 */
	@Test
	void concurrentSubmitsOfOneAddressForTheLastSeatAreAllShownTheRegistrationTheyMade() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(1).create();
		String email = TestRegistrations.uniqueEmail("ultimo.lugar");
		List<MvcResult> results = org.winformusic.events.registration.Race.race(8,
				(i) -> () -> this.mvc
					.perform(walkIn(event, "Úrsula Última", email).with(as("DOOR")).header("Accept-Language", "en"))
					.andReturn());
		assertThat(results).extracting((r) -> r.getResponse().getStatus()).containsOnlyOnce(302);
		for (MvcResult result : results) {
			if (result.getResponse().getStatus() == 200) {
				assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
					.contains("Already registered")
					.doesNotContain("No seats left");
			}
		}
		assertThat(count(event, email)).isOne();
	}

	@Test
	void nobodyIsAddedToAnEventThatHasEnded() throws Exception {
		TestEvents.Created event = this.events.event()
			.onItsDay()
			.startsAt(Instant.now().minus(Duration.ofDays(2)))
			.capacity(5)
			.create();
		String email = TestRegistrations.uniqueEmail("tarde");
		String closed = "This event has ended: nobody can be added at the door any more.";
		this.mvc
			.perform(get("/admin/events/" + event.slug() + "/checkin/walk-in").with(as("DOOR"))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(closed)))
			.andExpect(content().string(not(containsString("name=\"fullName\""))));
		this.mvc.perform(walkIn(event, "Fede Tarde", email).with(as("DOOR")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(closed)));
		assertThat(count(event, email)).isZero();
	}

	@Test
	void opsDoNotAddWalkIns() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(5).create();
		String email = TestRegistrations.uniqueEmail("ops");
		this.mvc.perform(get("/admin/events/" + event.slug() + "/checkin/walk-in").with(as("OPS")))
			.andExpect(status().isForbidden());
		this.mvc.perform(walkIn(event, "Olga Ops", email).with(as("OPS"))).andExpect(status().isForbidden());
		assertThat(count(event, email)).isZero();
	}

	private Cookie login(String email) throws Exception {
		return this.mvc
			.perform(post("/admin/login").with(csrf()).param("username", email).param("password", TestStaff.PASSWORD))
			.andExpect(redirectedUrl("/admin"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	/** A walk-in posted with every field the form asks, consent included. */
	static MockHttpServletRequestBuilder walkIn(TestEvents.Created event, String fullName, String email) {
		return withoutConsent(event, fullName, email).param("privacyConsent", "true");
	}

	private static MockHttpServletRequestBuilder withoutConsent(TestEvents.Created event, String fullName,
			String email) {
		return post("/admin/events/" + event.slug() + "/checkin/walk-in").with(csrf())
			.param("fullName", fullName)
			.param("email", email)
			.param("company", "Sello Independiente")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "CMX")
			.param("city", "Ciudad de México")
			.param("associationInterest", "MAYBE");
	}

	static RequestPostProcessor as(String role) {
		return user(role.equals("DOOR") ? DOOR : role.toLowerCase() + "@win.test").roles(role);
	}

	private long registrationOf(TestEvents.Created event, String email) {
		return this.jdbc.sql("select id from registration where event_id = ? and lower(email) = lower(?)")
			.params(event.id(), email)
			.query(Long.class)
			.single();
	}

	private long count(TestEvents.Created event, String email) {
		return this.jdbc.sql("select count(*) from registration where event_id = ? and lower(email) = lower(?)")
			.params(event.id(), email)
			.query(Long.class)
			.single();
	}

	private int seats(TestEvents.Created event) {
		return this.jdbc.sql("select count(*) from event_seat where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single();
	}

}
