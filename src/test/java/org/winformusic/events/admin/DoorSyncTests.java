package org.winformusic.events.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.CheckinPasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The door phone's copy and the batch it sends back after a stretch offline. */
@AdminTest
class DoorSyncTests {

	/** The door copy expires the morning after the event, so the event's day is fixed. */
	private static final Instant MAY_FIRST = Instant.parse("2028-05-01T16:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinPasses passes;

	@Autowired
	Clock clock;

	TestEvents events;

	TestRegistrations data;

	TestEvents.Created event;

	TestRegistrations.Registration ana;

	TestRegistrations.Registration luis;

	TestEvents.Created today;

	@BeforeEach
	void seed() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
		this.event = this.events.event().startsAt(MAY_FIRST).capacity(5).create();
		this.ana = this.data.in(this.event).person("Ana Núñez").createdAt(AdminTest.REGISTERED).create();
		this.luis = this.data.in(this.event).person("Luis Ortega").createdAt(AdminTest.REGISTERED).create();
	}

	@Test
	void theCopyHoldsOnlyWhatTheDoorNeedsAndIsNeverCached() throws Exception {
		String body = this.mvc.perform(get(copyUrl()).with(user("o@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.people[0].name").value("Ana Núñez"))
			.andExpect(jsonPath("$.people[0].code").value(this.passes.code(this.ana.id())))
			.andExpect(jsonPath("$.people[0].status").value("CONFIRMED"))
			.andExpect(jsonPath("$.expiresAt").value("2028-05-02T08:00:00Z"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(this.ana.email()).doesNotContain(this.passes.pass(this.ana.id()));
		this.mvc.perform(get(copyUrl()))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(302, 401, 403));
	}

	/**
	 * The phone lists and groups people as the printed door list does: by family name
	 * (particles aside, the last two of three names), Spanish order, Ñ after N.
	 */
	@Test
	void theCopyListsPeopleInThePrintedDoorListsOrderWithItsLetters() throws Exception {
		for (String name : new String[] { "José Ñandú Pérez", "Ana Zapata", "Juan de la Fuente", "Beto Ávila" }) {
			this.data.in(this.event).person(name).create();
		}
		this.mvc.perform(get(copyUrl()).with(user("o@win.test").roles("OPS")))
			.andExpect(jsonPath("$.people[*].name").value(org.hamcrest.Matchers.contains("Beto Ávila",
					"Juan de la Fuente", "Ana Núñez", "José Ñandú Pérez", "Luis Ortega", "Ana Zapata")))
			.andExpect(jsonPath("$.people[*].initial")
				.value(org.hamcrest.Matchers.contains("A", "F", "N", "Ñ", "O", "Z")));
	}

	/**
	 * A double given name is no family name: the door volunteer looks for "Ana María
	 * Rodríguez" under R, on the phone's letters as on paper, and finds her there.
	 */
	@Test
	void theCopyFilesADoubleGivenNameUnderTheFamilyName() throws Exception {
		for (String name : new String[] { "Ana María Rodríguez", "José Luis Pérez López", "María de los Ángeles Cruz",
				"Juan Pérez López" }) {
			this.data.in(this.event).person(name).create();
		}
		this.mvc.perform(get(copyUrl()).with(user("o@win.test").roles("OPS")))
			.andExpect(jsonPath("$.people[*].name").value(org.hamcrest.Matchers.contains("María de los Ángeles Cruz",
					"Ana Núñez", "Luis Ortega", "José Luis Pérez López", "Juan Pérez López", "Ana María Rodríguez")))
			.andExpect(jsonPath("$.people[*].initial")
				.value(org.hamcrest.Matchers.contains("C", "N", "O", "P", "P", "R")));
	}

	@Test
	void theFirstArrivalTimeIsKeptAndADuplicateIsAnsweredIdempotently() throws Exception {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		TestRegistrations.Registration jorge = today("Jorge Ruiz");
		TestRegistrations.Registration rosa = today("Rosa Leal");
		Instant phoneB = now.minus(21, ChronoUnit.SECONDS);
		// Phone A, online, checks Jorge in now; phone B, offline, saw him 21 s earlier
		// and syncs later. Each check-in carries the key its phone gave it.
		sync("a@win.test", action(jorge.id(), "in", now, "phone-a-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		// B's earlier time is kept, and with it B's check-in: B is told DONE.
		sync("b@win.test", action(jorge.id(), "in", phoneB, "phone-b-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"))
			.andExpect(jsonPath("$.results[0].checkedInAt").value(phoneB.toString()));
		// A's check-in is no longer the one kept: sent again, it is a repeat.
		sync("a@win.test", action(jorge.id(), "in", now, "phone-a-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("ALREADY"))
			.andExpect(jsonPath("$.results[0].checkedInAt").value(phoneB.toString()));
		// B's answer was lost and B sends the same check-in again: still B's.
		sync("b@win.test", action(jorge.id(), "in", phoneB, "phone-b-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		// The same second from a third tap, or a phone without keys: a repeat.
		sync("a@win.test", action(jorge.id(), "in", phoneB, "phone-a-2") + "," + action(jorge.id(), "in", phoneB))
			.andExpect(jsonPath("$.results[0].outcome").value("ALREADY"))
			.andExpect(jsonPath("$.results[1].outcome").value("ALREADY"));
		assertThat(checkedInAt(jorge.id())).isEqualTo(phoneB);
		// The copy says whose check-in each arrival is, so phone A learns it was a
		// repeat.
		this.mvc.perform(get(doorUrl(this.today.slug())).with(user("o@win.test").roles("OPS")))
			.andExpect(jsonPath("$.arrivalKeys['" + jorge.id() + "']").value("phone-b-1"));
		// The audit says who recorded the arrival kept: A first, then B with an earlier
		// time.
		assertThat(auditActors(jorge.id())).containsExactly("CHECKED_IN a@win.test", "CHECK_IN_EARLIER b@win.test");
		// A phone clock in the future counts as now, not as a later arrival.
		sync("a@win.test", action(rosa.id(), "in", now.plus(3, ChronoUnit.HOURS), "phone-a-3"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		assertThat(checkedInAt(rosa.id())).isBefore(now.plus(1, ChronoUnit.HOURS));
	}

	/**
	 * Six phones send their check-ins of one person at the same moment, each with its own
	 * key and time: the earliest time is kept with its phone's key, whichever commits
	 * first; that phone is told DONE, and the audit names one first arrival.
	 */
	@Test
	void sixPhonesCheckingInOnePersonAtOnceKeepTheEarliestArrival() throws Exception {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		TestRegistrations.Registration jorge = today("Jorge Ruiz");
		List<String> answers = org.winformusic.events.registration.Race.race(6,
				(i) -> () -> sync("phone" + i + "@win.test",
						action(jorge.id(), "in", now.minusSeconds(10 + i), "phone-" + i))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(checkedInAt(jorge.id())).isEqualTo(now.minusSeconds(15));
		this.mvc.perform(get(doorUrl(this.today.slug())).with(user("o@win.test").roles("OPS")))
			.andExpect(jsonPath("$.arrivalKeys['" + jorge.id() + "']").value("phone-5"));
		assertThat(answers.get(5)).contains("\"outcome\":\"DONE\"");
		assertThat(auditActors(jorge.id())).filteredOn((line) -> line.startsWith("CHECKED_IN ")).hasSize(1);
	}

	/**
	 * A phone clock hours behind (or in another zone) would date an arrival before the
	 * event's doors open: more than two hours before the start is taken as now, and never
	 * replaces a time already kept.
	 */
	@Test
	void aPhoneTimeMoreThanTwoHoursBeforeTheStartIsTakenAsNow() throws Exception {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant start = now.plus(30, ChronoUnit.MINUTES);
		TestRegistrations.Registration jorge = today("Jorge Ruiz");
		TestRegistrations.Registration rosa = today("Rosa Leal");
		sync("a@win.test", action(jorge.id(), "in", start.minus(3, ChronoUnit.HOURS), "k1"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		assertThat(checkedInAt(jorge.id())).isAfterOrEqualTo(now);
		sync("b@win.test", action(jorge.id(), "in", start.minus(150, ChronoUnit.MINUTES), "k2"))
			.andExpect(jsonPath("$.results[0].outcome").value("ALREADY"));
		assertThat(checkedInAt(jorge.id())).isAfterOrEqualTo(now);
		// An hour and a half before the start: doors may be open, the phone's time
		// stands.
		Instant early = start.minus(90, ChronoUnit.MINUTES);
		sync("a@win.test", action(rosa.id(), "in", early, "k3"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		assertThat(checkedInAt(rosa.id())).isEqualTo(early);
	}

	/**
	 * An undo names the arrival it undoes: the check-in's key when the phone recorded it,
	 * the time its copy showed otherwise. Sent again after its answer was lost, it does
	 * not erase the arrival another phone recorded meanwhile (the person came after all);
	 * the phone is told who is in, as for a repeat.
	 */
	@Test
	void anUndoSentAgainAfterItsAnswerWasLostLeavesAnArrivalRecordedSince() throws Exception {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		TestRegistrations.Registration jorge = today("Jorge Ruiz");
		TestRegistrations.Registration rosa = today("Rosa Leal");
		sync("a@win.test", action(jorge.id(), "in", now.minusSeconds(60), "phone-a-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		String undo = undo(jorge.id(), now.minusSeconds(50), "phone-a-1", now.minusSeconds(60));
		sync("a@win.test", undo).andExpect(jsonPath("$.results[0].outcome").value("UNDONE"));
		// Jorge arrives for real at phone B; then phone A's undo comes again.
		sync("b@win.test", action(jorge.id(), "in", now.minusSeconds(10), "phone-b-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		sync("a@win.test", undo).andExpect(jsonPath("$.results[0].outcome").value("ALREADY"))
			.andExpect(jsonPath("$.results[0].checkedInAt").value(now.minusSeconds(10).toString()));
		assertThat(checkedInAt(jorge.id())).isEqualTo(now.minusSeconds(10));
		assertThat(auditActors(jorge.id())).containsExactly("CHECKED_IN a@win.test", "CHECK_IN_UNDONE a@win.test",
				"CHECKED_IN b@win.test");

		// An arrival recorded on a page (no key): undone by the time the copy showed.
		this.jdbc.sql("update registration set checked_in_at = ? where id = ?")
			.params(java.sql.Timestamp.from(now.minusSeconds(30)), rosa.id())
			.update();
		sync("a@win.test", undo(rosa.id(), now, null, now.minusSeconds(20)))
			.andExpect(jsonPath("$.results[0].outcome").value("ALREADY"));
		assertThat(checkedInAt(rosa.id())).isEqualTo(now.minusSeconds(30));
		sync("a@win.test", undo(rosa.id(), now, null, now.minusSeconds(30)))
			.andExpect(jsonPath("$.results[0].outcome").value("UNDONE"));
		assertThat(checkedInAt(rosa.id())).isNull();
	}

	/**
	 * A check-in that reaches the server again after its undo was applied (a second tab
	 * of the door page, a retry after a lost answer, a browser without Web Locks) records
	 * nothing: it is answered UNDONE, the person is not in on any phone's copy, and the
	 * audit has one arrival and its undo. So is one whose undo got there first. A new tap
	 * (a new key) records the arrival as any, and an undo on the door page also stops
	 * that check-in from coming back.
	 */
	@Test
	void aCheckInSentAgainAfterItsUndoIsAnsweredUndoneAndRecordsNothing() throws Exception {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		TestRegistrations.Registration jorge = today("Jorge Ruiz");
		TestRegistrations.Registration rosa = today("Rosa Leal");
		String checkIn = action(jorge.id(), "in", now.minusSeconds(60), "phone-a-1");
		String undo = undo(jorge.id(), now.minusSeconds(50), "phone-a-1", now.minusSeconds(60));
		sync("a@win.test", checkIn).andExpect(jsonPath("$.results[0].outcome").value("DONE"));
		sync("a@win.test", undo).andExpect(jsonPath("$.results[0].outcome").value("UNDONE"));

		// The other tab sends the same check-in again, alone and with its undo.
		sync("a@win.test", checkIn).andExpect(jsonPath("$.results[0].outcome").value("UNDONE"))
			.andExpect(jsonPath("$.results[0].status").value("CONFIRMED"))
			.andExpect(jsonPath("$.results[0].checkedInAt").doesNotExist());
		sync("a@win.test", checkIn + "," + undo).andExpect(jsonPath("$.results[0].outcome").value("UNDONE"))
			.andExpect(jsonPath("$.results[1].outcome").value("UNDONE"));
		assertThat(checkedInAt(jorge.id())).isNull();
		this.mvc.perform(get(doorUrl(this.today.slug())).with(user("o@win.test").roles("OPS")))
			.andExpect(jsonPath("$.people[?(@.id == " + jorge.id() + ")].checkedInAt")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath("$.arrivalKeys['" + jorge.id() + "']").doesNotExist());
		assertThat(auditActors(jorge.id())).containsExactly("CHECKED_IN a@win.test", "CHECK_IN_UNDONE a@win.test");

		// Jorge comes back: a new tap, a new key.
		sync("b@win.test", action(jorge.id(), "in", now.minusSeconds(10), "phone-b-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("DONE"))
			.andExpect(jsonPath("$.results[0].checkedInAt").value(now.minusSeconds(10).toString()));
		assertThat(checkedInAt(jorge.id())).isEqualTo(now.minusSeconds(10));
		// Undone on the door page (no script), then phone B's check-in comes again.
		this.mvc
			.perform(post("/admin/events/" + this.today.slug() + "/checkin/" + jorge.id() + "/undo").with(csrf())
				.with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		sync("b@win.test", action(jorge.id(), "in", now.minusSeconds(10), "phone-b-1"))
			.andExpect(jsonPath("$.results[0].outcome").value("UNDONE"));
		assertThat(checkedInAt(jorge.id())).isNull();

		// An undo that overtook its check-in on the way: the check-in comes after it.
		sync("a@win.test", undo(rosa.id(), now.minusSeconds(20), "phone-a-2", now.minusSeconds(30)))
			.andExpect(jsonPath("$.results[0].outcome").value("UNDONE"));
		sync("a@win.test", action(rosa.id(), "in", now.minusSeconds(30), "phone-a-2"))
			.andExpect(jsonPath("$.results[0].outcome").value("UNDONE"));
		assertThat(checkedInAt(rosa.id())).isNull();
		assertThat(auditActors(rosa.id())).isEmpty();
	}

	@Test
	void aBatchChecksInAndUndoesInOrder() throws Exception {
		onItsDay();
		Instant now = this.clock.instant();
		sync(action(this.ana.id(), "in", now) + "," + action(this.luis.id(), "in", now) + ","
				+ action(this.luis.id(), "undo", now))
			.andExpect(jsonPath("$.results[2].outcome").value("UNDONE"));
		assertThat(checkedInAt(this.ana.id())).isNotNull();
		assertThat(checkedInAt(this.luis.id())).isNull();
	}

	@Test
	void aCheckInOfARegistrationCancelledMeanwhileIsReportedNotAccepted() throws Exception {
		this.jdbc.sql("update registration set status = 'CANCELLED' where id = ?").param(this.luis.id()).update();
		sync(action(this.luis.id(), "in", this.clock.instant()))
			.andExpect(jsonPath("$.results[0].outcome").value("NOT_CONFIRMED"))
			.andExpect(jsonPath("$.results[0].status").value("CANCELLED"));
		assertThat(checkedInAt(this.luis.id())).isNull();
		// Someone else's registration, or another event's, is not touched either.
		TestEvents.Created other = this.events.event().startsAt(MAY_FIRST).capacity(2).create();
		TestRegistrations.Registration stranger = this.data.in(other)
			.person("Otra Persona")
			.createdAt(AdminTest.REGISTERED)
			.create();
		sync(action(stranger.id(), "in", this.clock.instant()))
			.andExpect(jsonPath("$.results[0].outcome").value("UNKNOWN"));
		assertThat(checkedInAt(stranger.id())).isNull();
	}

	@Test
	void onlyStaffWhoMayActCanSyncAndOnlyWithTheCsrfToken() throws Exception {
		String body = "{\"actions\":[" + action(this.ana.id(), "in", this.clock.instant()) + "]}";
		this.mvc
			.perform(post(syncUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch", body)
				.with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(syncUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch", body)
				.with(csrf())
				.with(user("o@win.test").roles("OPS")))
			.andExpect(status().isForbidden());
		this.mvc.perform(
				post(syncUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("batch", body).with(csrf()))
			.andExpect(status().is(not(200)));
		assertThat(checkedInAt(this.ana.id())).isNull();
		this.mvc
			.perform(post(syncUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("batch", "{\"actions\":\"nope\"}")
				.with(csrf())
				.with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void theDoorPageIsInstallableAndLogoutClearsThePhonesCopy() throws Exception {
		this.mvc.perform(get(doorUrl() + "?lang=es").with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(content().string(containsString("rel=\"manifest\"")))
			.andExpect(content().string(containsString("data-copy-url=")));
		this.mvc.perform(get(doorUrl() + "/manifest.webmanifest").with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(jsonPath("$.start_url").value(doorUrl()))
			.andExpect(jsonPath("$.display").value("standalone"))
			.andExpect(jsonPath("$.short_name").value("Entrada WIN"));
		this.mvc
			.perform(get(doorUrl() + "/manifest.webmanifest").param("lang", "en")
				.with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(jsonPath("$.short_name").value("WIN door"));
		this.mvc.perform(post("/admin/logout").with(csrf()).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(header().string("Clear-Site-Data", "\"storage\""));
	}

	@Test
	void theDoorSaysLoudlyThatSomeoneIsAlreadyInAndCanUndoIt() throws Exception {
		this.jdbc.sql("update registration set checked_in_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.parse("2028-05-01T17:55:00Z")), this.ana.id())
			.update();
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "ana", "ORGANIZER", "es"))
			.contains("YA ENTRÓ a las 11:55")
			.contains("/checkin/" + this.ana.id() + "/undo");
		this.mvc
			.perform(post(doorUrl() + "/" + this.ana.id() + "/undo").with(csrf())
				.with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		assertThat(checkedInAt(this.ana.id())).isNull();
	}

	@Test
	void aFreshCheckInReadsAsDoneAndOnlyALaterLookReadsAsAlreadyIn() throws Exception {
		onItsDay();
		String done = "class=\"door__alert door__alert--done\"";
		String repeat = "class=\"door__alert door__alert--in\"";
		// Without JavaScript: the form post, then the list it redirects to (the flash
		// travels in the session).
		Cookie session = checkInByPost(doorUrl() + "/" + this.ana.id() + "?q=ana");
		this.mvc.perform(get(doorUrl() + "?lang=es").cookie(session).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(content().string(containsString(done)))
			.andExpect(content().string(matchesPattern("(?s).*Llegada registrada a las \\d\\d:\\d\\d.*")))
			.andExpect(content().string(not(containsString(repeat))));
		// A new search (the form's post, in the same session) is a later look.
		this.mvc
			.perform(post(doorUrl()).param("q", "ana")
				.cookie(session)
				.with(csrf())
				.with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(doorUrl() + "?lang=es").cookie(session).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(content().string(containsString(repeat)))
			.andExpect(content().string(not(containsString(done))));

		// The card a scanned pass opens: the same.
		String card = "/admin/checkin/pass/" + this.passes.pass(this.luis.id());
		session = checkInByPost(card);
		this.mvc.perform(get(card + "?lang=es").cookie(session).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(content().string(containsString(done)))
			.andExpect(content().string(not(containsString("YA ENTRÓ"))));
		this.mvc.perform(get(card + "?lang=es").cookie(session).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(content().string(containsString("YA ENTRÓ a las")))
			.andExpect(content().string(not(containsString(done))));
	}

	@Test
	void theSearchWithoutJavaScriptFindsADoorCodeInAnyCaseWithDashesOrSpaces() throws Exception {
		onItsDay();
		String code = this.passes.code(this.luis.id());
		String dashed = code.substring(0, 4) + "-" + code.substring(4);
		String spaced = code.substring(0, 4) + " " + code.substring(4);
		for (String typed : new String[] { code, code.toLowerCase(java.util.Locale.ROOT), dashed,
				spaced.toLowerCase(java.util.Locale.ROOT) }) {
			assertThat(DoorSearches.results(this.mvc, this.event.slug(), typed, "ORGANIZER", "es"))
				.contains("Luis Ortega")
				.contains("/checkin/" + this.luis.id() + "\"")
				.doesNotContain("Ana Núñez")
				.doesNotContain(">Nadie coincide.<");
		}
	}

	private Cookie checkInByPost(String url) throws Exception {
		Cookie session = this.mvc.perform(post(url).with(csrf()).with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	@Test
	void aCancelledPassOffersTheSamePersonsNewerConfirmedRegistration() throws Exception {
		onItsDay();
		TestRegistrations.Registration old = this.data.in(this.event)
			.person("Ana Núñez")
			.email(this.ana.email())
			.company("Discos")
			.status("CANCELLED")
			.createdAt(Instant.parse("2026-10-01T15:00:00Z"))
			.create();
		this.mvc
			.perform(get("/admin/checkin/pass/" + this.passes.pass(old.id()) + "?lang=es")
				.with(user("o@win.test").roles("ORGANIZER")))
			.andExpect(content().string(containsString("a la organización")))
			.andExpect(content().string(containsString("otro registro confirmado")))
			.andExpect(content().string(containsString("/checkin/" + this.ana.id() + "\"")));
		this.mvc.perform(get(copyUrl()).with(user("o@win.test").roles("OPS")))
			.andExpect(jsonPath("$.people[?(@.id == " + old.id() + ")].activeId")
				.value(org.hamcrest.Matchers.hasItem(Math.toIntExact(this.ana.id()))));
		// The server's search (a phone without JavaScript, or its door code typed) offers
		// it
		// too.
		for (String typed : java.util.List.of(this.passes.code(old.id()), "Ana Núñez")) {
			assertThat(DoorSearches.results(this.mvc, this.event.slug(), typed, "ORGANIZER", "es")).contains(
					"Esta misma persona tiene otro registro confirmado para este evento.",
					"Registrar la llegada con el registro confirmado", "/checkin/" + this.ana.id() + "\"");
		}
	}

	private String doorUrl() {
		return "/admin/events/" + this.event.slug() + "/checkin";
	}

	private String copyUrl() {
		return doorUrl() + "/door.json";
	}

	private String syncUrl() {
		return doorUrl() + "/sync";
	}

	private static String action(long id, String type, Instant at) {
		return "{\"id\":" + id + ",\"type\":\"" + type + "\",\"at\":\"" + at + "\"}";
	}

	private static String action(long id, String type, Instant at, String key) {
		return "{\"id\":" + id + ",\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"key\":\"" + key + "\"}";
	}

	/** An undo of the arrival the phone saw: its key (null for none) and time. */
	private static String undo(long id, Instant at, String key, Instant seen) {
		return "{\"id\":" + id + ",\"type\":\"undo\",\"at\":\"" + at + "\""
				+ ((key != null) ? ",\"key\":\"" + key + "\"" : "") + ",\"seen\":\"" + seen + "\"}";
	}

	private org.springframework.test.web.servlet.ResultActions sync(String actions) throws Exception {
		return sync(syncUrl(), "o@win.test", actions);
	}

	/** A phone of the volunteer {@code who} syncs with today's event. */
	private org.springframework.test.web.servlet.ResultActions sync(String who, String actions) throws Exception {
		return sync("/admin/events/" + this.today.slug() + "/checkin/sync", who, actions);
	}

	private org.springframework.test.web.servlet.ResultActions sync(String url, String who, String actions)
			throws Exception {
		MockHttpServletRequestBuilder request = post(url).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("batch", "{\"actions\":[" + actions + "]}")
			.with(csrf())
			.with(user(who).roles("ORGANIZER"));
		return this.mvc.perform(request).andExpect(status().isOk());
	}

	/**
	 * The seeded event, moved to today (started an hour ago): arrivals are recorded from
	 * midnight of its first day in its zone on.
	 */
	private void onItsDay() {
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant().minus(1, ChronoUnit.HOURS)),
					java.sql.Timestamp.from(this.clock.instant().plus(3, ChronoUnit.HOURS)), this.event.id())
			.update();
	}

	/**
	 * An event starting half an hour from now, with someone registered. Its zone is one
	 * where it is about midday now, so that its first day has begun and times up to two
	 * hours before its start fall on that day (arrivals count from its midnight).
	 */
	private TestRegistrations.Registration today(String name) {
		if (this.today == null) {
			this.today = this.events.event().startsAt(this.clock.instant().plus(30, ChronoUnit.MINUTES)).create();
			int offset = Math.max(-12,
					Math.min(14, 12 - this.clock.instant().atZone(java.time.ZoneOffset.UTC).getHour()));
			String zone = (offset == 0) ? "Etc/UTC" : "Etc/GMT" + ((offset > 0) ? "-" : "+") + Math.abs(offset);
			this.jdbc.sql("update event set time_zone = ? where id = ?").params(zone, this.today.id()).update();
		}
		return this.data.in(this.today).person(name).createdAt(AdminTest.REGISTERED).create();
	}

	private static String doorUrl(String slug) {
		return "/admin/events/" + slug + "/checkin/door.json";
	}

	private java.util.List<String> auditActors(long id) {
		return this.jdbc.sql("select action || ' ' || actor from audit_log where registration_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

	private Instant checkedInAt(long id) {
		return this.jdbc.sql("select checked_in_at from registration where id = ?")
			.param(id)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
	}

}
