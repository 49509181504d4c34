package org.winformusic.events.registration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding the tally deltas is safe on several instances at once: runs that overlap take
 * disjoint deltas, each delta is folded exactly once, and reads stay exact while a fold
 * is in flight.
 */
@IntegrationTest
class RegistrationTallyCompactionTests {

	private static final ZoneId ZONE = ZoneId.of("America/Mexico_City");

	@Autowired
	RegistrationTallyCompaction compaction;

	@Autowired
	RegistrationTallies tallies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void fourCompactionsRacingFoldEveryDeltaExactlyOnce() throws Exception {
		// No seats: the waitlist sweep leaves these registrations alone.
		long event = new TestEvents(this.jdbc).event().capacity(0).create().id();
		registerOneByOne(event, 400);
		// Status changes: each statement adds deltas of its own.
		this.jdbcTemplate.batchUpdate("update registration set status = 'CANCELLED', waitlist_seq = null where id = ?",
				ids(event, "id % 3 = 0").stream().map((id) -> new Object[] { id }).toList());
		assertThat(deltas(event)).isGreaterThan(2_000);

		List<Integer> folded = Race.race(4, (i) -> () -> {
			int total = 0;
			int moved;
			do {
				moved = this.compaction.foldBatch(37);
				total += moved;
			}
			while (moved > 0);
			return total;
		});

		// Other tests' deltas fold too, so the runs' sum is no exact figure; a delta
		// folded twice or not at all shows in the tallies.
		assertThat(folded.stream().mapToLong(Integer::longValue).sum()).isGreaterThan(2_000);
		assertThat(deltas(event)).isZero();
		assertTalliesEqualTheRows(event);
	}

	@Test
	void aFoldInFlightIsSkippedByAnotherAndReadsStayExactMeanwhile() throws Exception {
		long first = new TestEvents(this.jdbc).event().capacity(0).create().id();
		long second = new TestEvents(this.jdbc).event().capacity(0).create().id();
		// Nothing else pending: the fold in flight holds only the first event's groups.
		this.compaction.compact();
		registerOneByOne(first, 30);
		CountDownLatch folding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// One instance folds everything pending and holds its transaction open.
			Future<Integer> held = pool.submit(() -> this.transactions.execute((tx) -> {
				int moved = this.compaction.foldBatch(1_000_000);
				folding.countDown();
				await(release);
				return moved;
			}));
			await(folding);
			registerOneByOne(second, 20);
			long secondDeltas = deltas(second);
			assertThat(secondDeltas).isPositive();

			// Another instance folds meanwhile: only what the first does not hold,
			// without
			// waiting for it.
			int moved = pool.submit(this.compaction::compact).get(60, TimeUnit.SECONDS);
			assertThat(moved).isGreaterThanOrEqualTo((int) secondDeltas);
			assertThat(deltas(second)).isZero();
			assertThat(deltas(first)).as("held by the fold in flight, still visible as deltas").isPositive();
			assertTalliesEqualTheRows(first);
			assertTalliesEqualTheRows(second);

			release.countDown();
			assertThat(held.get(60, TimeUnit.SECONDS)).isPositive();
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(deltas(first)).isZero();
		assertThat(deltas(second)).isZero();
		assertTalliesEqualTheRows(first);
		assertTalliesEqualTheRows(second);
	}

	private void assertTalliesEqualTheRows(long event) {
		RegistrationTallies.Tally tally = this.tallies.of(event);
		Map<RegistrationStatus, Long> byStatus = new HashMap<>();
		this.jdbc.sql("select status, count(*) as n from registration where event_id = ? group by status")
			.param(event)
			.query((rs) -> {
				byStatus.put(RegistrationStatus.valueOf(rs.getString("status")), rs.getLong("n"));
			});
		assertThat(tally.byStatus()).isEqualTo(byStatus);
		Map<String, Long> byState = new HashMap<>();
		this.jdbc
			.sql("select state, count(*) as n from registration where event_id = ?"
					+ " and status in ('PENDING', 'CONFIRMED', 'WAITLISTED') group by state")
			.param(event)
			.query((rs) -> {
				byState.put(rs.getString("state"), rs.getLong("n"));
			});
		assertThat(tally.byState()).isEqualTo(byState);
		Map<LocalDate, Long> perDay = new HashMap<>();
		this.jdbc
			.sql("select (created_at at time zone ?)::date as day, count(*) as n from registration where event_id = ?"
					+ " group by 1")
			.params(ZONE.getId(), event)
			.query((rs) -> {
				perDay.put(rs.getObject("day", LocalDate.class), rs.getLong("n"));
			});
		assertThat(this.tallies.perDay(event, ZONE)).isEqualTo(perDay);
	}

	/** One statement per registration, as the registration POST does, over many days. */
	private void registerOneByOne(long event, int count) {
		String[] states = { "CMX", "JAL", "NLE", "OUTSIDE_MX" };
		this.jdbcTemplate.batchUpdate("""
				insert into registration (event_id, status, full_name, email, company, company_type, state, city,
				  association_interest, privacy_consent_version, privacy_consent_at, locale, created_at, updated_at,
				  search_text, waitlist_seq)
				values (?, ?, 'Persona', ?, 'Discos', 'OTHER', ?, 'Ciudad', 'YES', 'v1', now(), 'es',
				  timestamptz '2026-10-01 00:00Z' + ? * interval '97 minutes', now(), 'persona', ?)
				""",
				java.util.stream.IntStream.range(0, count)
					.mapToObj((i) -> new Object[] { event, (i % 5 == 0) ? "PENDING" : "WAITLISTED",
							"compactar-" + event + "-" + i + "@example.test", states[i % states.length], i,
							(i % 5 == 0) ? null : i })
					.toList());
	}

	private List<Long> ids(long event, String condition) {
		return this.jdbc.sql("select id from registration where event_id = ? and " + condition)
			.param(event)
			.query(Long.class)
			.list();
	}

	private long deltas(long event) {
		return this.jdbc.sql("select count(*) from registration_tally_delta where event_id = ?")
			.param(event)
			.query(Long.class)
			.single();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).as("the other side went on").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
