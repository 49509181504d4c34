package org.winformusic.events.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.privacy.ErasureTestAccess;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CheckIns;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.Race;
import org.winformusic.events.registration.RegistrationAnswers.ChoiceBreakdown;
import org.winformusic.events.registration.RegistrationAnswers.ChoiceCount;
import org.winformusic.events.registration.RegistrationErasure;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.RegistrationValidator;
import org.winformusic.events.registration.TallyTestAccess;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.registration.StaffRegistrations;
import org.winformusic.events.registration.TestForms;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event dashboard and {@code /admin} count from tallies kept by triggers (V16), not
 * from the registrations: after every kind of change the application makes (concurrent
 * registrations, cancels, waitlist promotions, a capacity change, check-ins, staff and
 * self-service edits, answers to choice and yes/no questions, erasure, retention's
 * anonymizing) and the raw SQL a script or a bulk load runs, every number they show
 * equals a count over {@code registration}, before the deltas are folded and after.
 */
@AdminTest
class DashboardTalliesTests {

	private static final String MAY_COME = "('PENDING', 'CONFIRMED', 'WAITLISTED')";

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	SelfService selfService;

	@Autowired
	RegistrationValidator validator;

	@Autowired
	CheckIns checkIns;

	ErasureTestAccess personalData;

	@Autowired
	void personalData(ApplicationContext context) {
		this.personalData = new ErasureTestAccess(context);
	}

	@Autowired
	RegistrationErasure erasure;

	TallyTestAccess compaction;

	@Autowired
	void compaction(ApplicationContext context) {
		this.compaction = new TallyTestAccess(context);
	}

	@Autowired
	AdminQueries queries;

	TestEvents.Created event;

	/** An event that needs approval. */
	TestEvents.Created reviewed;

	List<Long> choices;

	long question;

	/** A yes/no question: a third answer yes, a third no, a third nothing. */
	long group;

	@Test
	void dashboardAndEventListEqualADirectCountAfterEveryKindOfChangeFoldedOrNot() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		this.event = events.event().capacity(5).create();
		this.question = events.question(this.event.id(), "MANY_CHOICES", "¿Qué te interesa?", "What interests you?",
				false, "Giras", "Touring", "Derechos", "Rights", "Distribución", "Distribution");
		this.choices = events.choiceIds(this.question);
		this.group = events.question(this.event.id(), "YES_NO", "¿Vienes en grupo?", "Are you coming as a group?",
				false);
		this.reviewed = events.event().requiringApproval().capacity(3).create();

		// 12 people race for 5 seats: 5 confirmed, 7 waitlisted, each with choices.
		List<RegistrationResult> raced = Race.race(12,
				(i) -> () -> this.registrations.register(this.event.slug(), form(i), SPANISH));
		Map<Long, String> tokens = new HashMap<>();
		raced.forEach((result) -> tokens.put(result.registrationId(), result.manageToken()));
		// Promotions after the race are done when it returns.
		List<Long> confirmed = ids("status = 'CONFIRMED'");
		List<Long> waiting = ids("status = 'WAITLISTED'");
		assertThat(confirmed).hasSize(5);
		assertThat(waiting).hasSize(7);
		List<Long> pending = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			pending.add(this.registrations
				.register(this.reviewed.slug(), TestForms.valid("revisar" + i + "@example.com"), SPANISH)
				.registrationId());
		}
		assertShowsWhatRegistrationsHold();

		// Staff: cancel (promotes the first waiting), capacity up (promotes two more),
		// confirm over capacity, move to the waitlist, approve and decline, check in and
		// undo, edit company type, state, interest and choices.
		this.staff.cancelByStaff(confirmed.get(0));
		this.staff.changeCapacity(this.event.id(), 7);
		this.staff.confirm(ids("status = 'WAITLISTED'").get(0), true);
		this.staff.moveToWaitlist(confirmed.get(1));
		this.staff.approve(pending.get(0));
		this.staff.decline(pending.get(1));
		// Arrivals on the event's day.
		events.onItsDay(this.event);
		this.checkIns.checkIn(confirmed.get(2));
		this.checkIns.checkIn(confirmed.get(3));
		this.checkIns.undoCheckIn(confirmed.get(3));
		this.staff.update(confirmed.get(4), TestForms.checkedEdit(this.validator,
				edited(confirmed.get(4), List.of(this.choices.get(2))), this.event.id()));
		// Self-service: an edit and a cancel through the manage link.
		this.selfService.updateByToken(tokens.get(waiting.get(5)),
				TestForms.checkedEdit(this.validator, edited(waiting.get(5), List.of()), this.event.id()));
		this.selfService.cancelByToken(tokens.get(waiting.get(6)));
		// Capacity down by one (a free seat removed; one is held by the approved).
		this.staff.changeCapacity(this.reviewed.id(), 2);
		// Erasure (cancels and blocks) and retention (anonymizes a confirmed one: its
		// answers go, its statistics stay).
		this.personalData.eraseByStaff(confirmed.get(2));
		this.erasure.anonymize(List.of(confirmed.get(4)), Instant.now());
		assertShowsWhatRegistrationsHold();

		// Concurrent staff changes of different people.
		List<Long> active = ids("status in " + MAY_COME);
		Race.race(active.size(), (i) -> () -> {
			long id = active.get(i);
			try {
				return switch (i % 3) {
					case 0 -> this.staff.cancelByStaff(id);
					case 1 -> this.staff.update(id, TestForms.checkedEdit(this.validator,
							edited(id, List.of(this.choices.get(i % 2))), this.event.id()));
					default -> this.checkIns.checkIn(id).registration();
				};
			}
			catch (RegistrationStateException ex) {
				// Refused (the person's status changed meanwhile): nothing changes.
				return null;
			}
		});
		// What scripts and bulk loads do: many rows per statement, spread over days and
		// around midnight in the event's time zone; a choice by SQL; a new registration
		// time; a deleted registration with a choice.
		bulkInsert(200);
		long scripted = ids("email like 'bulk-2@%'").get(0);
		this.jdbc
			.sql("insert into registration_answer_choice (registration_id, question_id, choice_id) values (?, ?, ?)")
			.params(scripted, this.question, this.choices.get(1))
			.update();
		this.jdbc.sql("insert into registration_answer (registration_id, question_id, yes_no) values (?, ?, true)")
			.params(scripted, this.group)
			.update();
		this.jdbc.sql("""
				insert into registration_answer (registration_id, question_id, yes_no)
				select id, ?, id % 2 = 0 from registration where email like 'bulk-1%'
				""").param(this.group).update();
		this.jdbc
			.sql("update registration_answer set yes_no = not yes_no where question_id = ? and registration_id in"
					+ " (select id from registration where email like 'bulk-1_@%')")
			.param(this.group)
			.update();
		this.jdbc
			.sql("delete from registration_answer where question_id = ? and registration_id in"
					+ " (select id from registration where email like 'bulk-10_@%')")
			.param(this.group)
			.update();
		// Answers that start and stop counting with their registration's status.
		this.jdbc.sql("update registration set status = 'CANCELLED' where email like 'bulk-12%' and status = 'PENDING'")
			.update();
		this.jdbc.sql("update registration set status = 'PENDING' where email like 'bulk-13%' and status = 'DECLINED'")
			.update();
		this.jdbc.sql("update registration set created_at = created_at - interval '3 days' where email like 'bulk-3%'")
			.update();
		this.jdbc.sql("update registration set status = 'CANCELLED' where email like 'bulk-4%'").update();
		this.jdbc.sql("delete from registration where id = ?").param(scripted).update();
		this.jdbc.sql("insert into event_seat (event_id, seat_no) select ?, 100 + g from generate_series(1, 4) g")
			.param(this.reviewed.id())
			.update();
		this.jdbc.sql("delete from event_seat where event_id = ? and seat_no > 102").param(this.reviewed.id()).update();

		assertThat(pendingDeltas()).as("deltas not folded yet").isPositive();
		assertShowsWhatRegistrationsHold();

		assertThat(this.compaction.compact()).isPositive();
		assertThat(pendingDeltas()).isZero();
		assertShowsWhatRegistrationsHold();

		// Folded tallies plus new deltas.
		this.staff.cancelByStaff(ids("status = 'CONFIRMED'").get(0));
		this.jdbc
			.sql("update registration set checked_in_at = now() where email like 'bulk-5%' and status = 'CONFIRMED'")
			.update();
		assertThat(pendingDeltas()).isPositive();
		assertShowsWhatRegistrationsHold();
	}

	private void assertShowsWhatRegistrationsHold() throws Exception {
		long id = this.event.id();
		Map<String, Object> dashboard = model("/admin/events/" + this.event.slug());
		assertThat(dashboard.get("counts")).isEqualTo(expectedCounts(id));
		assertThat(dashboard.get("breakdowns")).isEqualTo(expectedBreakdowns(id));
		@SuppressWarnings("unchecked")
		List<ChoiceBreakdown> choiceBreakdowns = (List<ChoiceBreakdown>) dashboard.get("choiceBreakdowns");
		assertThat(choiceBreakdowns).hasSize(2);
		assertThat(choiceBreakdowns.get(0).total()).isEqualTo(count("status in " + MAY_COME));
		assertThat(choiceBreakdowns.get(0).choices().stream().map(ChoiceCount::count).toList())
			.isEqualTo(expectedChoices());
		assertThat(choiceBreakdowns.get(1).label()).isEqualTo("¿Vienes en grupo?");
		assertThat(choiceBreakdowns.get(1).choices().stream().map(ChoiceCount::count).toList()).as("yes, no, no answer")
			.isEqualTo(expectedYesNo());
		ZoneId zone = ZoneId.of("America/Mexico_City");
		List<AdminQueries.DayCount> days = expectedDays(id, zone);
		assertThat(this.queries.perDay(id, zone)).isEqualTo(days);
		assertThat(((BarChart) dashboard.get("chart")).bars().stream().map(BarChart.Bar::count).toList())
			.isEqualTo(days.stream().map(AdminQueries.DayCount::count).toList());

		List<AdminQueries.EventSummary> listed = new ArrayList<>();
		for (int page = 0, pages = 1; page < pages; page++) {
			Page<?> events = (Page<?>) model("/admin?page=" + page).get("events");
			events.forEach((e) -> listed.add((AdminQueries.EventSummary) e));
			pages = events.getTotalPages();
		}
		// This test's events only: the waitlist sweep may change another test's at any
		// moment.
		List<AdminQueries.EventSummary> ours = listed.stream()
			.filter((e) -> e.id() == id || e.id() == this.reviewed.id())
			.toList();
		assertThat(ours).hasSize(2);
		for (AdminQueries.EventSummary summary : ours) {
			assertThat(summary.counts()).as(summary.slug()).isEqualTo(expectedCounts(summary.id()));
		}
		// Every event's capacity, the seeded one's included (its seats were counted into
		// the tally by the migration, V24).
		assertThat(listed).anyMatch((e) -> e.slug().equals("mexico-workshop"));
		for (AdminQueries.EventSummary summary : listed) {
			assertThat(summary.capacity()).as(summary.slug())
				.isEqualTo(this.jdbc.sql("select count(*) from event_seat where event_id = ?")
					.param(summary.id())
					.query(Integer.class)
					.single());
		}
	}

	private Map<String, Object> model(String path) throws Exception {
		return this.mvc.perform(get(path).with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel();
	}

	/** What the dashboard counted before tallies, straight from the rows. */
	private AdminQueries.Counts expectedCounts(long eventId) {
		return this.jdbc.sql("""
				select count(*) filter (where status = 'CONFIRMED'), count(*) filter (where status = 'WAITLISTED'),
				       count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'CANCELLED'),
				       count(*) filter (where status = 'DECLINED'),
				       count(*) filter (where checked_in_at is not null and status = 'CONFIRMED')
				  from registration where event_id = ?
				""")
			.param(eventId)
			.query((rs, n) -> new AdminQueries.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.single();
	}

	private AdminQueries.Breakdowns expectedBreakdowns(long eventId) {
		long total = count("status in " + MAY_COME);
		List<AdminQueries.Share> types = new ArrayList<>();
		for (CompanyType type : CompanyType.values()) {
			types.add(new AdminQueries.Share(type.name(),
					count("status in " + MAY_COME + " and company_type = '" + type.name() + "'"), total));
		}
		List<AdminQueries.Share> interests = new ArrayList<>();
		for (AssociationInterest interest : AssociationInterest.values()) {
			interests.add(new AdminQueries.Share(interest.name(),
					count("status in " + MAY_COME + " and association_interest = '" + interest.name() + "'"), total));
		}
		List<AdminQueries.Share> states = this.jdbc
			.sql("select state, count(*) from registration where event_id = ? and status in " + MAY_COME
					+ " group by state order by count(*) desc, state collate \"C\"")
			.param(eventId)
			.query((rs, n) -> new AdminQueries.Share(rs.getString(1), rs.getLong(2), total))
			.list();
		return new AdminQueries.Breakdowns(total, types, states, interests);
	}

	private List<Long> expectedChoices() {
		return this.choices.stream()
			.map((choice) -> this.jdbc
				.sql("select count(*) from registration_answer_choice a"
						+ " join registration r on r.id = a.registration_id where a.choice_id = ? and r.status in "
						+ MAY_COME)
				.param(choice)
				.query(Long.class)
				.single())
			.toList();
	}

	/** Yes, no and no answer among those who may come, straight from the rows. */
	private List<Long> expectedYesNo() {
		List<Long> counts = new ArrayList<>();
		for (boolean yes : new boolean[] { true, false }) {
			counts.add(count("status in " + MAY_COME + " and id in (select registration_id from registration_answer"
					+ " where question_id = " + this.group + " and yes_no = " + yes + ")"));
		}
		counts.add(count("status in " + MAY_COME + " and id not in (select registration_id from registration_answer"
				+ " where question_id = " + this.group + ")"));
		return counts;
	}

	private List<AdminQueries.DayCount> expectedDays(long eventId, ZoneId zone) {
		List<AdminQueries.DayCount> rows = this.jdbc
			.sql("select (created_at at time zone ?)::date, count(*) from registration where event_id = ?"
					+ " group by 1 order by 1")
			.params(zone.getId(), eventId)
			.query((rs, n) -> new AdminQueries.DayCount(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)))
			.list();
		List<AdminQueries.DayCount> days = new ArrayList<>();
		if (rows.isEmpty()) {
			return days;
		}
		java.time.LocalDate last = rows.get(rows.size() - 1).day();
		java.time.LocalDate first = rows.get(0).day();
		if (first.isBefore(last.minusDays(AdminQueries.MAX_CHART_DAYS - 1))) {
			first = last.minusDays(AdminQueries.MAX_CHART_DAYS - 1);
		}
		for (java.time.LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			java.time.LocalDate d = day;
			days.add(new AdminQueries.DayCount(day,
					rows.stream().filter((r) -> r.day().equals(d)).mapToLong(AdminQueries.DayCount::count).sum()));
		}
		return days;
	}

	private long count(String condition) {
		return this.jdbc.sql("select count(*) from registration where event_id = ? and " + condition)
			.param(this.event.id())
			.query(Long.class)
			.single();
	}

	private List<Long> ids(String condition) {
		return this.jdbc.sql("select id from registration where event_id = ? and " + condition + " order by id")
			.param(this.event.id())
			.query(Long.class)
			.list();
	}

	private long pendingDeltas() {
		return this.jdbc.sql("select count(*) from registration_tally_delta where event_id = ?")
			.param(this.event.id())
			.query(Long.class)
			.single();
	}

	private RegistrationForm form(int i) {
		List<String> chosen = (i % 3 == 0) ? List.of(this.choices.get(0).toString())
				: List.of(this.choices.get(0).toString(), this.choices.get(1).toString());
		String[] types = { "INDEPENDENT_LABEL", "DISTRIBUTOR", "PUBLISHER", "MANAGEMENT" };
		String[] states = { "CMX", "JAL", "NLE" };
		String[] interests = { "YES", "MAYBE", "NO" };
		return new RegistrationForm("Persona " + i, "carrera" + i + "@example.com", "Discos " + i, null,
				types[i % types.length], states[i % states.length], "Ciudad", null, interests[i % interests.length],
				null, null, true, false, null)
			.withAnswers((i % 3 == 2) ? Map.of(this.question, chosen)
					: Map.of(this.question, chosen, this.group, List.of(Boolean.toString(i % 3 == 0))));
	}

	/** The registration's details with another company type, state and interest. */
	private RegistrationForm edited(long id, List<Long> chosen) {
		String email = this.jdbc.sql("select email from registration where id = ?")
			.param(id)
			.query(String.class)
			.single();
		return new RegistrationForm("Persona editada", email, "Editora " + id, null, "PUBLISHER", "YUC", "Mérida", null,
				"NO", null, null, true, false, null)
			.withAnswers(Map.of(this.question, chosen.stream().map(String::valueOf).toList(), this.group,
					List.of(Boolean.toString(chosen.isEmpty()))));
	}

	private void bulkInsert(int rows) {
		this.jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, company_type, state, city,
				  association_interest, privacy_consent_version, privacy_consent_at, locale, created_at, updated_at,
				  confirmed_at, search_text)
				select :event, (array['CONFIRMED', 'CANCELLED', 'PENDING', 'DECLINED'])[1 + g % 4], 'Carga ' || g,
				  'bulk-' || g || '@example.test', 'Discos', (array['OTHER', 'DISTRIBUTOR'])[1 + g % 2],
				  (array['OAX', 'PUE', 'OUTSIDE_MX'])[1 + g % 3], 'Ciudad', (array['YES', 'NO'])[1 + g % 2], 'v1',
				  now(), 'es', timestamptz '2026-11-01 05:53Z' + g * interval '17 minutes', now(), now(), 'carga ' || g
				from generate_series(1, :rows) g
				""").param("event", this.event.id()).param("rows", rows).update();
	}

}
