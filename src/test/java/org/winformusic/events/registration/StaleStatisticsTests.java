package org.winformusic.events.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics PostgreSQL gathered before an event filled up (a new event in a table of
 * earlier ones: autovacuum analyzes only after a tenth of the table changed) do not turn
 * a pass over the event's rows into one pass per row. The bounds below only tell a hang
 * from a run; the database, not the clock, is what they are about.
 */
@IntegrationTest
class StaleStatisticsTests {

	static final int ROWS = 40_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationStream stream;

	@Autowired
	RegistrationAnswers answers;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * Under the stale statistics the planner took the event for one row and read the
	 * whole waitlist again for each registration: 40 000 registrations with 4 000 waiting
	 * took about two minutes instead of a second.
	 */
	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void anEventFilledSinceTheLastAnalyzeExportsEveryRowWithItsWaitlistPosition() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		long earlier = events.id(events.event().slugPrefix("earlier").withoutSeats().create().slug());
		long eventId = events.id(events.event().slugPrefix("stale-stats").withoutSeats().create().slug());
		try {
			// Statistics that know an earlier event's rows and none of this one's.
			insertRegistrations(earlier);
			this.jdbc.sql("analyze registration").update();
			insertRegistrations(eventId);
			List<Integer> positions = new ArrayList<>();

			long exported = this.stream.forEach(eventId, RegistrationQuery.ALL,
					this.answers.exportColumns(eventId, Locale.ENGLISH, false), (registration, answers) -> {
						if (registration.waitlistPosition() != null) {
							positions.add(registration.waitlistPosition());
						}
					});

			assertThat(exported).isEqualTo(ROWS);
			// In order of registration, which is the waitlist's order here.
			assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, ROWS / 10).boxed().toList());
		}
		finally {
			this.jdbc.sql("delete from registration where event_id in (?, ?)").params(earlier, eventId).update();
		}
	}

	/**
	 * Statistics taken while the table's pages held no live rows (an earlier event's
	 * registrations deleted, then an analyze before the vacuum): the keys that refer to a
	 * registration from a seat or an audit entry (V56) had PostgreSQL read the event's
	 * registrations again for each deleted one, and deleting 100 000 ran for hours. Told
	 * by the rows PostgreSQL read (this transaction's statistics); the statement timeout
	 * keeps a regression from hanging the run (without V56 it is what fails).
	 */
	@Test
	void anEventsRegistrationsDeleteUnderStatisticsOfAnEmptyTable() {
		TestEvents events = new TestEvents(this.jdbc);
		TestRegistrations registrations = new TestRegistrations(this.jdbc);
		String rehearsal = events.event().slugPrefix("rehearsal").withoutSeats().create().slug();
		String slug = events.event().slugPrefix("empty-stats").withoutSeats().create().slug();
		long eventId = events.id(slug);
		// Statistics of a table whose pages hold no live rows: an earlier event's rows
		// deleted, then analyzed before the vacuum.
		registrations.confirmedCrowd(rehearsal, ROWS);
		this.jdbc.sql("delete from registration where event_id = ?").param(events.id(rehearsal)).update();
		this.jdbc.sql("analyze registration").update();
		registrations.confirmedCrowd(slug, ROWS);
		try {
			this.transactions.executeWithoutResult((transaction) -> {
				this.jdbc.sql("set local statement_timeout = '60s'").update();
				long before = registrationRowsReadInThisTransaction();

				assertThat(this.jdbc.sql("delete from registration where event_id = ?").param(eventId).update())
					.isEqualTo(ROWS);
				assertThat(registrationRowsReadInThisTransaction() - before)
					.as("registration rows read to delete %d of them", ROWS)
					.isLessThan(10L * ROWS);
			});
		}
		finally {
			this.jdbc.sql("delete from registration where event_id = ?").param(eventId).update();
			// Fresh statistics for the tests after this one.
			this.jdbc.sql("analyze registration").update();
		}
	}

	private long registrationRowsReadInThisTransaction() {
		return this.jdbc.sql("""
				select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
				  from pg_stat_xact_user_tables where relid = 'registration'::regclass
				""").query(Long.class).single();
	}

	/** {@value #ROWS} registrations, one in ten waiting, in order of arrival. */
	private void insertRegistrations(long eventId) {
		this.jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, job_title, company_type,
				    state, city, phone, association_interest, referral_source, comments,
				    privacy_consent_version, privacy_consent_at, news_opt_in, locale, created_at, updated_at,
				    confirmed_at, waitlist_seq, search_text)
				select :eventId, case when g % 10 = 0 then 'WAITLISTED' else 'CONFIRMED' end,
				    'Persona ' || g, 'persona' || g || '@example.org', 'Discos Ñandú', null, 'INDEPENDENT_LABEL',
				    'CMX', 'Ciudad de México', null, 'YES', null, null, '2028-01', now(), false, 'es',
				    now() + g * interval '1 millisecond', now(),
				    case when g % 10 = 0 then null else now() end,
				    case when g % 10 = 0 then nextval('waitlist_seq') end, 'persona' || g
				from generate_series(1, :rows) g
				""").param("eventId", eventId).param("rows", ROWS).update();
	}

}
