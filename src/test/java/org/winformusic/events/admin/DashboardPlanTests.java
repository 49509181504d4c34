package org.winformusic.events.admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.winformusic.events.TestEvents;
import org.winformusic.events.StatementCounter;
import org.winformusic.events.registration.TallyTestAccess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event dashboard and {@code /admin} at a realistic size never read
 * {@code registration}: every statement the two pages prepare, explained by PostgreSQL
 * (as a generic plan, whatever its parameters), touches neither the table nor its
 * indexes, and {@code /admin} reads no seat rows either. A change that counts the rows
 * per view again fails here, whatever the speed of the machine.
 */
@AdminTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPlanTests {

	/** Registrations of the event under test; four other events hold 10 000 each. */
	static final int ROWS = 50_000;

	/** A plan node reading the table or one of its indexes, not a tally table. */
	private static final Pattern READS_REGISTRATION = Pattern.compile(" on registration\\b(?!_)");

	/** A plan node reading the registrations or the seat rows. */
	private static final Pattern READS_REGISTRATION_OR_SEATS = Pattern
		.compile(" on (?:registration|event_seat)\\b(?!_)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	TallyTestAccess compaction;

	@Autowired
	void compaction(ApplicationContext context) {
		this.compaction = new TallyTestAccess(context);
	}

	TestEvents.Created event;

	@BeforeAll
	void seed() {
		TestEvents data = new TestEvents(this.jdbc);
		this.event = data.event().capacity(100).create();
		List<Long> events = new ArrayList<>(List.of(this.event.id()));
		for (int i = 0; i < 4; i++) {
			events.add(data.event().capacity(10).create().id());
		}
		for (int e = 0; e < events.size(); e++) {
			this.jdbc
				.sql("""
						insert into registration (event_id, status, full_name, email, company, company_type, state, city,
						  association_interest, privacy_consent_version, privacy_consent_at, locale, created_at, updated_at,
						  checked_in_at, search_text, waitlist_seq)
						select :event, s.status,
						  'Persona ' || g, 'p' || g || '-' || :event || '@example.test', 'Discos',
						  (array['INDEPENDENT_LABEL','DISTRIBUTOR','PUBLISHER','MANAGEMENT','BOOKING_PROMOTER','OTHER'])[1 + g % 6],
						  (array['CMX','JAL','NLE','PUE','YUC','OAX','OUTSIDE_MX'])[1 + g % 7], 'Ciudad',
						  (array['YES','MAYBE','NO'])[1 + g % 3], '2026-01', now(), 'es',
						  now() - g * interval '1 minute', now(), case when g % 10 = 0 and s.status = 'CONFIRMED' then now() end,
						  'persona ' || g,
						  case when s.status = 'WAITLISTED' then g end
						from generate_series(1, :rows) g, lateral (select
						  (array['CONFIRMED','CONFIRMED','WAITLISTED','CANCELLED','PENDING','DECLINED'])[1 + g % 6] as status) s
						""")
				.param("event", events.get(e))
				.param("rows", (e == 0) ? ROWS : ROWS / 5)
				.update();
		}
		long question = data.question(this.event.id(), "ONE_CHOICE", "¿Qué te interesa?", "What interests you?", true,
				"Giras", "Touring", "Derechos", "Rights");
		this.jdbc.sql("""
				insert into registration_answer_choice (registration_id, question_id, choice_id)
				select r.id, :question, (select min(id) from event_question_choice where question_id = :question)
				  from registration r where r.event_id = :event
				""").param("question", question).param("event", this.event.id()).update();
		long group = data.question(this.event.id(), "YES_NO", "¿Vienes en grupo?", "Are you coming as a group?", false);
		this.jdbc.sql("""
				insert into registration_answer (registration_id, question_id, yes_no)
				select r.id, :question, r.id % 3 = 0 from registration r where r.event_id = :event and r.id % 4 <> 0
				""").param("question", group).param("event", this.event.id()).update();
		this.compaction.compact();
		// What autovacuum does within a minute of a bulk load (statistics).
		this.jdbc.sql("vacuum analyze registration").update();
		this.jdbc.sql("vacuum analyze registration_answer").update();
		this.jdbc.sql("vacuum analyze registration_tally").update();
		this.jdbc.sql("vacuum analyze registration_tally_delta").update();
	}

	@Test
	void theEventDashboardReadsTalliesNeverTheRegistrations() throws Exception {
		assertReadsNo(READS_REGISTRATION, "/admin/events/" + this.event.slug());
	}

	/** Nor the seat rows: the capacity of each event listed is a tally too (V24). */
	@Test
	void theEventListReadsTalliesNeverTheRegistrationsOrTheSeats() throws Exception {
		assertReadsNo(READS_REGISTRATION_OR_SEATS, "/admin");
	}

	private void assertReadsNo(Pattern reads, String page) throws Exception {
		List<String> statements;
		StatementCounter.start();
		try {
			this.mvc.perform(get(page).with(user("ops@win.test").roles("OPS"))).andExpect(status().isOk());
		}
		finally {
			statements = StatementCounter.stopAndList();
		}
		assertThat(statements).as("statements of %s", page).anyMatch((sql) -> sql.contains("registration_tally"));
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set plan_cache_mode = force_generic_plan");
			try {
				for (String sql : statements) {
					String plan = genericPlan(statement, sql);
					assertThat(reads.matcher(plan).find()).as("plan of %s on %s:%n%s", sql, page, plan).isFalse();
				}
			}
			finally {
				// The connection goes back to the pool other tests share.
				statement.execute("reset plan_cache_mode");
			}
		}
	}

	/** The plan PostgreSQL uses for the statement whatever its parameters. */
	private static String genericPlan(Statement statement, String sql) throws SQLException {
		int parameters = 0;
		StringBuilder numbered = new StringBuilder();
		boolean quoted = false;
		for (char c : sql.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			if (c == '?' && !quoted) {
				numbered.append('$').append(++parameters);
			}
			else {
				numbered.append(c);
			}
		}
		statement.execute("prepare plan_test as " + numbered);
		try {
			StringBuilder plan = new StringBuilder();
			String nulls = String.join(", ", java.util.Collections.nCopies(parameters, "null"));
			try (ResultSet rows = statement
				.executeQuery("explain execute plan_test" + ((parameters > 0) ? "(" + nulls + ")" : ""))) {
				while (rows.next()) {
					plan.append(rows.getString(1)).append('\n');
				}
			}
			return plan.toString();
		}
		finally {
			statement.execute("deallocate plan_test");
		}
	}

}
