package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.print.PdfPages;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationList;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationSearch;
import org.winformusic.events.registration.RegistrationSort;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A check-in belongs to a confirmed seat, and an arrival is never taken away as a side
 * effect: the person cannot cancel once checked in, staff cannot cancel, decline or move
 * them until they undo the check-in. Whichever way a checked-in person then leaves
 * CONFIRMED (after an undone check-in, or an erasure), the registrations list's "checked
 * in" filter, the dashboard's "arrived", the door phone's copy, the CSV export and the
 * printed door list all stop counting them, and the registration's history still says
 * they had arrived.
 */
@AdminTest
class CheckInFollowsTheSeatTests {

	private static final String CHECKED_IN_CONFIRMED = "registration_checked_in_confirmed_check";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ManageTokens tokens;

	@Autowired
	AdminQueries queries;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	RegistrationSearch search;

	@Autowired
	MessageSource messages;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void aRegistrantWhoArrivedCannotCancelAndIsStillCountedAsCheckedInEverywhere() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(3).create();
		long stays = arrived(event, "Rita Quedada");
		long came = arrived(event, "Ana Llegada");

		this.mvc.perform(post("/r/" + this.tokens.issue(came) + "/cancel").with(csrf()))
			.andExpect(status().isConflict());

		assertThat(this.data.status(came)).isEqualTo("CONFIRMED");
		assertCheckedInEverywhereAre(event, List.of(stays, came), "Llegada");
	}

	@Test
	void staffCannotCancelDeclineOrMoveSomeoneWhoArrivedUntilTheCheckInIsUndoneWhichTheHistoryRecords()
			throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(2).create();
		long stays = arrived(event, "Rita Quedada");
		long came = arrived(event, "Carla Llegada");
		// Someone waits: a move to the waitlist would not be refused for a free seat.
		this.data.in(event).person("Wen Espera").status("WAITLISTED").createdAt(AdminTest.REGISTERED).create();
		String arrivedAt = arrivalTime(event, came);

		String detail = page("/admin/registrations/" + came + "?lang=es");
		assertThat(detail).contains(message("ux.detail.arrivedHint"))
			.doesNotContain("/confirm-action/cancel\"", "/confirm-action/decline\"", "/confirm-action/waitlist\"")
			.contains("/confirm-action/undo-checkin\"");
		for (String action : new String[] { "cancel", "decline", "waitlist" }) {
			Notice notice = act(came, action);
			assertThat(notice.kind()).as(action).isEqualTo(Notice.Kind.warn);
			assertThat(notice.key()).as(action).isEqualTo("admin.action.arrived");
		}
		assertThat(this.data.status(came)).isEqualTo("CONFIRMED");
		assertCheckedInEverywhereAre(event, List.of(stays, came), "Llegada");
		assertThat(this.jdbc.sql("select count(*) from audit_log where registration_id = ? and action <> 'CHECKED_IN'")
			.param(came)
			.query(Long.class)
			.single()).isZero();

		// A mistaken check-in is undone on purpose: the history says when they had
		// arrived; then the registration is cancelled like any other.
		assertThat(act(came, "undo-checkin").kind()).isEqualTo(Notice.Kind.ok);
		assertThat(
				this.jdbc.sql("select details from audit_log where registration_id = ? and action = 'CHECK_IN_UNDONE'")
					.param(came)
					.query(String.class)
					.single())
			.contains("checkedInAt=");
		assertThat(page("/admin/registrations/" + came + "?lang=es"))
			.containsPattern("Había llegado el \\S+ \\d+ de \\S+ de \\d{4}, " + arrivedAt)
			.contains("Registró la llegada de la persona", "Deshizo la llegada de la persona")
			.doesNotContain("checkedInAt", "Confirmado → Confirmado");
		assertThat(act(came, "cancel").kind()).isEqualTo(Notice.Kind.ok);
		assertThat(this.data.status(came)).isEqualTo("CANCELLED");
		assertCheckedInEverywhereAre(event, List.of(stays), "Quedada", "Llegada");
		assertThat(this.data.auditRows(came, "CHECKED_IN")).isOne();
	}

	@Test
	void theAuditLogSaysWhenTheyHadArrivedInTheEventsZoneLikeTheRestOfItsRow() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(3).create();
		long id = this.data.in(event).person("Lola Log").status("CANCELLED").create().id();
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id, registration_id, details)
				values (now(), 'arrival@words.test', 'CANCELLED', ?, ?,
				        'status: CONFIRMED -> CANCELLED' || chr(10) || 'checkedInAt=2028-03-01T16:55:00Z')
				""").params(event.id(), id).update();
		assertThat(page("/admin/audit?lang=es&actor=arrival@words.test"))
			.contains("Situación: Confirmado → Cancelado", "Había llegado el miércoles 1 de marzo de 2028, 10:55",
					"hora de la Ciudad de México")
			.doesNotContain("checkedInAt")
			.doesNotContain("16:55");
		assertThat(page("/admin/audit?lang=en&actor=arrival@words.test"))
			.contains("Had checked in on Wednesday 1 March 2028, 10:55", "Mexico City time");
	}

	@Test
	void staffErasureOfSomeoneWhoArrivedTakesTheCheckInAwayWithTheSeat() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(3).create();
		long stays = arrived(event, "Rita Quedada");
		long erased = arrived(event, "Berta Borrada");

		this.mvc.perform(post("/admin/privacy/registrations/" + erased + "/erase").with(as("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(this.data.status(erased)).isEqualTo("CANCELLED");
		assertCheckedInEverywhereAre(event, List.of(stays), "Quedada", "Borrada");
		assertThat(this.data.auditRows(erased, "CHECKED_IN")).isOne();
	}

	/**
	 * V26 clears the check-ins that rows left behind before: cancelled, declined,
	 * waitlisted and pending ones (an old bug let the last two be checked in), and keeps
	 * the tallies right. Run in a transaction that is rolled back, so no other test's
	 * rows change.
	 */
	@Test
	void theMigrationClearsTheCheckInsOfRegistrationsThatHoldNoSeat() throws Exception {
		String migration = new ClassPathResource("db/migration/V26__check_in_belongs_to_a_seat.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		TestEvents.Created event = this.events.event().onItsDay().capacity(2).create();
		Instant in = AdminTest.REGISTERED.plus(Duration.ofDays(1));
		long confirmed = this.data.in(event).person("Rita Quedada").checkedInAt(in).create().id();
		withOldCheckIns(event, in, () -> {
			assertThat(checkedInListed(event)).hasSize(5);
			assertThat(this.queries.counts(event.id()).checkedIn()).isOne();

			this.jdbc.sql(migration).update();

			// The list's filter now counts whom the dashboard counted all along.
			assertThat(checkedInListed(event)).containsExactly(confirmed);
			assertThat(this.queries.counts(event.id()).checkedIn()).isOne();
			assertThat(this.jdbc
				.sql("select count(*) from registration where status <> 'CONFIRMED'" + " and checked_in_at is not null")
				.query(Long.class)
				.single()).isZero();
		});
	}

	/**
	 * The database keeps the rule too: a check-in only while CONFIRMED, whatever writes
	 * the row (a bug, a script, a hand-written statement).
	 */
	@Test
	void theDatabaseRefusesACheckInOnARegistrationThatHoldsNoSeat() {
		TestEvents.Created event = this.events.event().onItsDay().capacity(2).create();
		long pending = this.data.in(event).person("Pia Pendiente").status("PENDING").create().id();
		long seated = this.data.in(event).person("Rita Quedada").checkedInAt(AdminTest.REGISTERED).create().id();

		assertThatThrownBy(() -> this.jdbc.sql("update registration set checked_in_at = now() where id = ?")
			.param(pending)
			.update()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(CHECKED_IN_CONFIRMED);
		assertThatThrownBy(
				() -> this.jdbc.sql("update registration set status = 'CANCELLED', cancelled_at = now() where id = ?")
					.param(seated)
					.update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining(CHECKED_IN_CONFIRMED);
		assertThatThrownBy(() -> this.data.in(event)
			.person("Walter Espera")
			.status("WAITLISTED")
			.checkedInAt(AdminTest.REGISTERED)
			.create()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(CHECKED_IN_CONFIRMED);
		assertThat(this.data.status(seated)).isEqualTo("CONFIRMED");
	}

	/**
	 * V29 migrates a database that still holds check-ins outside CONFIRMED: it clears
	 * them as V26 did, then adds the constraint. Run in a transaction that is rolled
	 * back.
	 */
	@Test
	void theConstraintsMigrationFirstClearsTheCheckInsThatWouldBreakIt() throws Exception {
		String migration = new ClassPathResource("db/migration/V29__checked_in_only_while_confirmed.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		TestEvents.Created event = this.events.event().onItsDay().capacity(2).create();
		Instant in = AdminTest.REGISTERED.plus(Duration.ofDays(1));
		long confirmed = this.data.in(event).person("Rita Quedada").checkedInAt(in).create().id();
		withOldCheckIns(event, in, () -> {
			this.jdbc.sql(migration).update();

			assertThat(checkedInListed(event)).containsExactly(confirmed);
			assertThat(this.jdbc.sql("select count(*) from pg_constraint where conname = ?")
				.param(CHECKED_IN_CONFIRMED)
				.query(Long.class)
				.single()).isOne();
		});
	}

	/**
	 * Runs {@code check} in a transaction that is rolled back, over the rows as they were
	 * before V29 made the database refuse them: a checked-in cancelled, declined,
	 * waitlisted and pending registration of the event.
	 */
	private void withOldCheckIns(TestEvents.Created event, Instant in, Runnable check) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((tx) -> {
			tx.setRollbackOnly();
			this.jdbc.sql("alter table registration drop constraint " + CHECKED_IN_CONFIRMED).update();
			for (String status : new String[] { "CANCELLED", "DECLINED", "WAITLISTED", "PENDING" }) {
				this.data.in(event).person("Old " + status).status(status).checkedInAt(in).create();
			}
			check.run();
		});
	}

	/**
	 * Who each view counts as checked in: the list's filter, the dashboard, the door
	 * phone's copy, the CSV export and the door list (whose rows are "Family names, Given
	 * names", so they are found by family name).
	 */
	private void assertCheckedInEverywhereAre(TestEvents.Created event, List<Long> ids, String expectedFamilyName,
			String... goneFamilyNames) throws Exception {
		String slug = "/admin/events/" + event.slug();
		RegistrationList listed = (RegistrationList) this.mvc
			.perform(get(slug + "/registrations?checkedIn=true").with(as("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("page");
		assertThat(listed.content().stream().map(RegistrationRow::id).toList()).isEqualTo(ids);
		AdminQueries.Counts counts = (AdminQueries.Counts) this.mvc.perform(get(slug).with(as("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("counts");
		assertThat(counts.checkedIn()).as("the dashboard's arrived").isEqualTo(ids.size());

		String door = page(slug + "/checkin/door.json");
		String csv = page(slug + "/registrations.csv?checkedIn=true");
		String doorList = pdfText(slug + "/door-list.pdf?checkedIn=true&lang=es");
		assertThat(csv).contains(expectedFamilyName);
		assertThat(doorList).contains(expectedFamilyName);
		for (String gone : goneFamilyNames) {
			assertThat(csv).doesNotContain(gone);
			assertThat(doorList).doesNotContain(gone);
		}
		assertThat(this.jdbc.sql("select id from registration where event_id = ? and checked_in_at is not null")
			.param(event.id())
			.query(Long.class)
			.list()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(door.split("\"checkedInAt\":\"").length - 1).as("arrivals on the door phone's copy")
			.isEqualTo(ids.size());
	}

	/** The list's "checked in" filter, as the list page and the exports run it. */
	private List<Long> checkedInListed(TestEvents.Created event) {
		RegistrationQuery query = new RegistrationQuery(new RegistrationFilter(null, null, null, null, null, true),
				RegistrationSort.DEFAULT);
		return this.search.search(event.id(), query, 0, 50).getContent().stream().map(RegistrationRow::id).toList();
	}

	/** A confirmed registration checked in at the door by staff. */
	private long arrived(TestEvents.Created event, String name) throws Exception {
		long id = this.data.in(event).person(name).createdAt(AdminTest.REGISTERED).create().id();
		this.mvc.perform(post("/admin/registrations/" + id + "/checkin").with(as("ORGANIZER")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.data.auditRows(id, "CHECKED_IN")).isOne();
		return id;
	}

	/** "10:55": when they arrived, in the event's time zone. */
	private String arrivalTime(TestEvents.Created event, long id) {
		Instant at = this.jdbc.sql("select checked_in_at from registration where id = ?")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant();
		ZoneId zone = ZoneId.of(this.jdbc.sql("select time_zone from event where id = ?")
			.param(event.id())
			.query(String.class)
			.single());
		return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
	}

	private Notice act(long id, String action) throws Exception {
		return (Notice) this.mvc
			.perform(post("/admin/registrations/" + id + "/" + action).with(as("ORGANIZER")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("notice");
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag("es"))
			.replace("&", "&amp;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(as("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String pdfText(String path) throws Exception {
		byte[] pdf = this.mvc.perform(get(path).with(as("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return PdfPages.text(pdf);
	}

	private static RequestPostProcessor as(String role) {
		return user(role.toLowerCase() + "@win.test").roles(role);
	}

}
