package org.winformusic.events.registration.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.StatementCounter;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guards the hot path the benchmark measures: the SQL statements one successful
 * registration POST prepares, counted at the JDBC level. If this fails, a change added
 * round trips to every registration: make sure that is worth it, then raise the number.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StatementCounter.Installed.class)
@TestPropertySource(properties = { "app.rate-limit-per-ip=1000", "app.waitlist-sweep-millis=3600000" })
class SqlStatementCountTests {

	/**
	 * Rate-limit upsert, the event's window, the registering statement, and the
	 * confirmation's outbox row (one insert: the email is composed when it is sent).
	 */
	static final int STATEMENTS_PER_REGISTRATION = 4;

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Test
	void oneRegistrationPostExecutesAtMostFourStatementsIncludingItsEmail() throws Throwable {
		TestEvents.Created event = new TestEvents(JdbcClient.create(this.dataSource)).event().capacity(10).create();
		register(event.slug(), "warm-up@example.com");

		StatementCounter.start();
		register(event.slug(), "counted@example.com");
		int statements = StatementCounter.stop();

		assertThat(statements).as("SQL statements of one registration POST")
			.isPositive()
			.isLessThanOrEqualTo(STATEMENTS_PER_REGISTRATION);
	}

	/**
	 * A registration that joins the waitlist of a full event checks once, after it
	 * committed, whether a seat is free next to someone waiting (it may have skipped one
	 * that another transaction held): one statement when none is, not a promotion
	 * transaction that every waitlisted registration of the event would queue for.
	 */
	@Test
	void aRegistrationThatJoinsTheWaitlistAddsOneStatement() throws Throwable {
		TestEvents.Created event = new TestEvents(JdbcClient.create(this.dataSource)).event().capacity(1).create();
		register(event.slug(), "seated@example.com");
		register(event.slug(), "first-waiting@example.com");

		List<String> statements = prepared(() -> register(event.slug(), "waiting@example.com"));

		assertThat(statements).as("SQL statements of a registration POST that joins the waitlist")
			.hasSizeLessThanOrEqualTo(STATEMENTS_PER_REGISTRATION + 1);
		assertThat(JdbcClient.create(this.dataSource)
			.sql("select status from registration where event_id = ? and lower(email) = 'waiting@example.com'")
			.param(event.id())
			.query(String.class)
			.single()).isEqualTo("WAITLISTED");
	}

	/**
	 * The manage page, which follows every registration, reads in one transaction: one
	 * connection from the pool, not one per read.
	 */
	@Test
	void theManagePageTakesOneConnection() throws Throwable {
		TestEvents.Created event = new TestEvents(JdbcClient.create(this.dataSource)).event().capacity(10).create();
		String manage = this.mvc.perform(TestRegistrations.formPost(event.slug(), "Ana Pérez", "manage@example.com"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(manage)).andExpect(status().isOk());

		StatementCounter.start();
		String page;
		try {
			page = this.mvc.perform(get(manage))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(StatementCounter.connections()).as("connections taken by a view of the manage page")
				.isEqualTo(1);
		}
		finally {
			StatementCounter.stop();
		}
		assertThat(page).contains("Ana Pérez").contains("data:image/svg+xml;base64,");
	}

	/**
	 * A view of the blank form that was rendered before reads only what it depends on
	 * (the event's row and its seats), also after a seat was taken that leaves the event
	 * not full: the page itself is kept, see {@code BlankFormPageTests}. Statements on
	 * Spring Session's tables are not counted: in this context, spring-security-test's
	 * {@code csrf()} of the other test keeps every request's CSRF token in an HTTP
	 * session (the application keeps it in a cookie).
	 */
	@Test
	void aRepeatViewOfTheBlankFormExecutesOnlyItsVersionQueries() throws Throwable {
		TestEvents.Created event = new TestEvents(JdbcClient.create(this.dataSource)).event().capacity(10).create();
		this.mvc.perform(get("/events/" + event.slug() + "/register")).andExpect(status().isOk());
		register(event.slug(), "seat-taken@example.com");

		List<String> statements = prepared(
				() -> this.mvc.perform(get("/events/" + event.slug() + "/register")).andExpect(status().isOk()));

		assertThat(statements).filteredOn((sql) -> !sql.toLowerCase(Locale.ROOT).contains("spring_session"))
			.as("SQL statements of a repeat view of the form")
			.hasSize(2)
			.anySatisfy((sql) -> assertThat(sql).contains("from event\n"))
			.anySatisfy((sql) -> assertThat(sql).contains("from event_seat"));
	}

	/**
	 * The bulk action's preview reads the selected registrations in a fixed number of
	 * statements, not one or two per selected row (up to 500 may be selected).
	 */
	@Test
	void aBulkPreviewOfThirtyRegistrationsRunsNoMoreStatementsThanOfThree() throws Throwable {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		TestEvents.Created event = new TestEvents(jdbc).event().capacity(50).create();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(String.valueOf(new TestRegistrations(jdbc).in(event).person("Bulk " + i).create().id()));
		}

		// A first preview loads the event's facts into their cache.
		bulkPreviewStatements(event, ids.subList(0, 1));
		int three = bulkPreviewStatements(event, ids.subList(0, 3));
		int thirty = bulkPreviewStatements(event, ids);

		assertThat(thirty).as("statements of a preview of 30 against 3").isPositive().isEqualTo(three);
	}

	/**
	 * A resend's preview names the email each waiting person would get (the withdrawn
	 * seat's for those who held one), read from the outbox once for all of them.
	 */
	@Test
	void aBulkResendPreviewOfThirtyWaitingRegistrationsRunsNoMoreStatementsThanOfThree() throws Throwable {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		TestEvents.Created event = new TestEvents(jdbc).event().capacity(1).create();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(String.valueOf(
					new TestRegistrations(jdbc).in(event).person("Espera " + i).status("WAITLISTED").create().id()));
		}

		bulkPreviewStatements(event, "RESEND", ids.subList(0, 1));
		int three = bulkPreviewStatements(event, "RESEND", ids.subList(0, 3));
		int thirty = bulkPreviewStatements(event, "RESEND", ids);

		assertThat(thirty).as("statements of a resend preview of 30 waiting against 3").isPositive().isEqualTo(three);
	}

	private int bulkPreviewStatements(TestEvents.Created event, List<String> ids) throws Throwable {
		return bulkPreviewStatements(event, "APPROVE", ids);
	}

	private int bulkPreviewStatements(TestEvents.Created event, String action, List<String> ids) throws Throwable {
		return (int) prepared(() -> this.mvc
			.perform(post("/admin/events/" + event.slug() + "/registrations/bulk").param("action", action)
				.param("ids", ids.toArray(String[]::new))
				.with(user("organizer@example.org").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().isOk())).stream()
			.filter((sql) -> !sql.toLowerCase(Locale.ROOT).contains("spring_session"))
			.count();
	}

	/**
	 * The SQL of the statements this thread prepares while {@code work} runs (the
	 * application's scheduled jobs run on threads of their own).
	 */
	private static List<String> prepared(Executable work) throws Throwable {
		StatementCounter.start();
		try {
			work.execute();
		}
		catch (Throwable ex) {
			StatementCounter.stop();
			throw ex;
		}
		return StatementCounter.stopAndList();
	}

	private void register(String slug, String email) throws Exception {
		this.mvc.perform(TestRegistrations.formPost(slug, "Ana Pérez", email)).andExpect(status().is3xxRedirection());
	}

}
