package org.winformusic.events.registration;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.winformusic.events.EventsApplication;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationResult.Outcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Capacity and the waitlist under concurrency, against the real PostgreSQL: confirmed
 * never exceeds capacity, no seat stays free while someone waits, the waitlist keeps the
 * order people joined it.
 */
@IntegrationTest
@Import(RecordedMessages.class)
class RegistrationConcurrencyTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	SelfService selfService;

	@Autowired
	RegistrationDirectory directory;

	@Autowired
	WaitlistPromoter promoter;

	@Autowired
	RecordedMessages messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void twoHundredConcurrentRegistrantsFillFiftySeatsAndQueueTheRestWithoutGaps() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(50).create();

		List<RegistrationResult> results = Race.race(200, (i) -> () -> this.registrations.register(event.slug(),
				TestForms.valid("person" + i + "@example.com"), SPANISH));

		assertThat(results).extracting(RegistrationResult::outcome).containsOnly(Outcome.CREATED);
		assertFilledAndQueued(event, 50, 150);
	}

	@Test
	void twoInstancesSharingTheDatabaseNeverOverbook() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(50).create();
		String url = ((HikariDataSource) this.dataSource).getJdbcUrl();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(EventsApplication.class)
			.profiles("test")
			.properties("spring.datasource.url=" + url, "spring.datasource.username=postgres", "server.port=0",
					"spring.datasource.hikari.maximum-pool-size=10",
					"spring.datasource.hikari.connection-timeout=30000")
			.run()) {
			PublicRegistrations other = second.getBean(PublicRegistrations.class);
			// Twice the seats, half to each instance: enough to race for the last seats
			// without queueing so many callers on the shared test pool (2 s timeout) that
			// a loaded CI machine runs out of connections, which says nothing of seats.
			List<RegistrationResult> results = Race.race(100, (i) -> () -> ((i % 2 == 0) ? this.registrations : other)
				.register(event.slug(), TestForms.valid("twin" + i + "@example.com"), SPANISH));
			assertThat(results).extracting(RegistrationResult::outcome).containsOnly(Outcome.CREATED);
		}
		assertFilledAndQueued(event, 50, 50);
	}

	@Test
	void twentyConcurrentAttemptsWithOneAddressInAnyLetterCaseCreateOneRegistration() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();

		String[] spellings = { "same.person@example.com", "Same.Person@Example.com", "SAME.PERSON@EXAMPLE.COM" };

		List<RegistrationResult> results = Race.race(20, (i) -> () -> this.registrations.register(event.slug(),
				TestForms.valid(spellings[i % spellings.length]), SPANISH));

		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isEqualTo(1);
		assertThat(results).filteredOn((r) -> r.outcome() == Outcome.CREATED).hasSize(1);
		List<RegistrationResult> duplicates = results.stream().filter((r) -> r.outcome() == Outcome.DUPLICATE).toList();
		assertThat(duplicates).hasSize(19);
		long id = results.stream()
			.filter((r) -> r.outcome() == Outcome.CREATED)
			.findFirst()
			.orElseThrow()
			.registrationId();
		assertThat(duplicates).extracting(RegistrationResult::registrationId).containsOnly(id);
		// Twenty taps at once: the first email carries the link, no other follows.
		assertThat(this.messages.about(id)).extracting(RegistrationMessage::type).containsExactly(Type.CONFIRMED);
	}

	@Test
	void cancellingAConfirmedRegistrationPromotesExactlyTheFirstWaitlisted() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(2).create();
		List<RegistrationResult> results = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			results
				.add(this.registrations.register(event.slug(), TestForms.valid("line" + i + "@example.com"), SPANISH));
		}
		assertThat(results).extracting(RegistrationResult::status)
			.containsExactly(RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
					RegistrationStatus.WAITLISTED, RegistrationStatus.WAITLISTED);

		this.selfService.cancelByToken(results.get(0).manageToken());

		assertThat(view(results.get(2)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(view(results.get(3)).waitlistPosition()).isEqualTo(1);
		assertThat(view(results.get(4)).waitlistPosition()).isEqualTo(2);
		assertThat(this.messages.about(results.get(2).registrationId())).extracting(RegistrationMessage::type)
			.containsExactly(Type.WAITLISTED, Type.PROMOTED);
		assertFilledAndQueued(event, 2, 2);
	}

	@Test
	void twoSimultaneousCancelsPromoteExactlyTwo() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(3).create();
		List<RegistrationResult> results = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			results
				.add(this.registrations.register(event.slug(), TestForms.valid("pair" + i + "@example.com"), SPANISH));
		}

		Race.race(2, (i) -> () -> this.staff.cancelByStaff(results.get(i).registrationId()));

		assertThat(view(results.get(3)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(view(results.get(4)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(view(results.get(5)).waitlistPosition()).isEqualTo(1);
		assertThat(view(results.get(6)).waitlistPosition()).isEqualTo(2);
		assertFilledAndQueued(event, 3, 2);
	}

	@Test
	void raisingCapacityPromotesTheWaitlistAndLoweringItKeepsHeldSeats() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		List<RegistrationResult> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results
				.add(this.registrations.register(event.slug(), TestForms.valid("grow" + i + "@example.com"), SPANISH));
		}

		this.staff.changeCapacity(event.id(), 3);

		assertThat(view(results.get(1)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(view(results.get(2)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(view(results.get(3)).waitlistPosition()).isEqualTo(1);
		assertFilledAndQueued(event, 3, 1);

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.staff.changeCapacity(event.id(), 2))
			.isInstanceOfSatisfying(RegistrationStateException.class, (ex) -> assertThat(ex.reason())
				.isEqualTo(RegistrationStateException.Reason.CAPACITY_BELOW_HELD_SEATS));
		assertFilledAndQueued(event, 3, 1);
	}

	/**
	 * {@code SKIP LOCKED}'s gap, closed without the sweep (an hour away in tests): a
	 * registrant who skipped the last seat while another registration held it, and so
	 * joined the waitlist, gets that seat as soon as the other registration fails and
	 * rolls back.
	 */
	@Test
	void aSeatSkippedWhileAFailingRegistrationHeldItGoesToWhoWaitedAsSoonAsThatOneRollsBack() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		try (Gate gate = new Gate()) {
			Future<RegistrationResult> failing = gate.held(event, "fails@gate.example");

			RegistrationResult waited = gate.meanwhile(event, "waits@example.com").get(30, TimeUnit.SECONDS);
			assertThat(waited.status()).isEqualTo(RegistrationStatus.WAITLISTED);
			gate.open();

			assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS))
				.hasStackTraceContaining("registration failed after claiming its seat");
			assertThat(view(waited).status()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(this.messages.about(waited.registrationId())).extracting(RegistrationMessage::type)
				.containsExactly(Type.WAITLISTED, Type.PROMOTED);
			assertFilledAndQueued(event, 1, 0);
		}
	}

	/**
	 * No event-wide lock: while one registration's transaction is held open after its
	 * statement claimed a seat (and fired the dashboard tallies' trigger), another
	 * registration for the same event gets the next seat and commits.
	 */
	@Test
	void aRegistrationHeldOpenMidwayDoesNotHoldUpAnotherForTheSameEvent() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(2).create();
		try (Gate gate = new Gate()) {
			Future<RegistrationResult> held = gate.held(event, "held@gate.example");

			Future<RegistrationResult> other = gate.meanwhile(event, "other@example.com");

			assertThat(other).as("a registration for the same event while another is held open")
				.succeedsWithin(Duration.ofSeconds(30))
				.extracting(RegistrationResult::status)
				.isEqualTo(RegistrationStatus.CONFIRMED);
			assertThat(held).as("the first registration, still held").isNotDone();
			gate.open();

			assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(RegistrationStatus.CONFIRMED);
			assertFilledAndQueued(event, 2, 0);
		}
	}

	/**
	 * A test trigger that holds a registration for an address at {@code gate.example}
	 * inside its registering statement, after its seat is claimed, until {@link #open}
	 * (advisory lock 4242, held by the test's own connection); one whose address starts
	 * with "fails" then fails, and its transaction rolls back.
	 */
	private final class Gate implements AutoCloseable {

		private final ExecutorService executor = Executors.newFixedThreadPool(2);

		private final Connection holder;

		Gate() throws Exception {
			RegistrationConcurrencyTests.this.jdbc.sql("""
					create function test_gate() returns trigger language plpgsql as $$
					begin
					    perform pg_advisory_xact_lock(4242);
					    if new.email like 'fails%' then
					        raise exception 'registration failed after claiming its seat';
					    end if;
					    return null;
					end $$""").update();
			RegistrationConcurrencyTests.this.jdbc.sql("""
					create trigger test_gate after insert on registration for each row
					when (new.email like '%@gate.example') execute function test_gate()""").update();
			this.holder = RegistrationConcurrencyTests.this.dataSource.getConnection();
			try (Statement statement = this.holder.createStatement()) {
				statement.execute("select pg_advisory_lock(4242)");
			}
		}

		/** Starts a registration and returns once it waits at the gate (at most 30 s). */
		Future<RegistrationResult> held(TestEvents.Created event, String email) throws InterruptedException {
			Future<RegistrationResult> registration = this.executor
				.submit(() -> RegistrationConcurrencyTests.this.registrations.register(event.slug(),
						TestForms.valid(email), SPANISH));
			for (int i = 0; i < 300; i++) {
				if (RegistrationConcurrencyTests.this.jdbc
					.sql("select count(*) from pg_locks where locktype = 'advisory' and objid = 4242 and not granted")
					.query(Integer.class)
					.single() == 1) {
					return registration;
				}
				Thread.sleep(100);
			}
			throw new AssertionError("The registration never reached the gate");
		}

		/** Starts a registration that the gate does not hold. */
		Future<RegistrationResult> meanwhile(TestEvents.Created event, String email) {
			return this.executor.submit(() -> RegistrationConcurrencyTests.this.registrations.register(event.slug(),
					TestForms.valid(email), SPANISH));
		}

		void open() throws Exception {
			try (Statement statement = this.holder.createStatement()) {
				statement.execute("select pg_advisory_unlock(4242)");
			}
		}

		/** Lets whatever the gate still holds go on, then removes it. */
		@Override
		public void close() throws Exception {
			try (Connection holder = this.holder; Statement statement = holder.createStatement()) {
				// The pool keeps the connection's session, and with it a lock not let go.
				statement.execute("select pg_advisory_unlock_all()");
			}
			this.executor.shutdown();
			this.executor.awaitTermination(30, TimeUnit.SECONDS);
			RegistrationConcurrencyTests.this.jdbc.sql("drop trigger test_gate on registration").update();
			RegistrationConcurrencyTests.this.jdbc.sql("drop function test_gate()").update();
		}

	}

	/**
	 * Issue 13's rule: while anyone is waiting, a newcomer joins the waitlist behind
	 * them, whatever staff cancel or add at the same moment. A registration "waited
	 * before" a newcomer when its own call had returned (committed) before the newcomer's
	 * began.
	 */
	@Test
	void whileSomeoneWaitsNewcomersQueueBehindThemThroughCancelsAndCapacityIncreases() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(6).create();
		List<Long> confirmedAtStart = new ArrayList<>();
		List<Timed> timed = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Instant started = Instant.now();
			RegistrationResult result = this.registrations.register(event.slug(),
					TestForms.valid("early" + i + "@example.com"), SPANISH);
			timed.add(new Timed(result, started, Instant.now()));
			if (result.status() == RegistrationStatus.CONFIRMED) {
				confirmedAtStart.add(result.registrationId());
			}
		}
		Object capacityLock = new Object();
		int[] capacity = { 6 };

		// 6 cancels, 4 capacity increases and 30 registrations, 10 at a time, in waves
		// so that some newcomers start after earlier ones have returned.
		for (int wave = 0; wave < 4; wave++) {
			int w = wave;
			List<Timed> results = Race.race(10, (i) -> () -> {
				if (i == 0 || (i == 5 && w < 2)) {
					int index = (w < 2) ? 2 * w + ((i == 5) ? 1 : 0) : 4 + (w - 2);
					this.staff.cancelByStaff(confirmedAtStart.get(index));
					return null;
				}
				if (i == 9) {
					synchronized (capacityLock) {
						this.staff.changeCapacity(event.id(), ++capacity[0]);
					}
					return null;
				}
				Instant started = Instant.now();
				RegistrationResult result = this.registrations.register(event.slug(),
						TestForms.valid("wave" + w + "-" + i + "@example.com"), SPANISH);
				return new Timed(result, started, Instant.now());
			});
			results.stream().filter(java.util.Objects::nonNull).forEach(timed::add);
		}
		this.promoter.promote(event.id());

		for (Timed waiter : timed) {
			if (waiter.result().status() != RegistrationStatus.WAITLISTED) {
				continue;
			}
			Instant promoted = confirmedAt(waiter);
			for (Timed newcomer : timed) {
				boolean cameLater = newcomer.started().isAfter(waiter.returned());
				if (cameLater && newcomer.result().status() == RegistrationStatus.CONFIRMED) {
					assertThat(promoted)
						.as("registration %d waited, yet %d, which came later, got a seat directly",
								waiter.result().registrationId(), newcomer.result().registrationId())
						.isNotNull()
						.isBefore(newcomer.returned());
				}
			}
		}
		assertThat(timed).filteredOn((t) -> t.result().status() == RegistrationStatus.WAITLISTED)
			.as("the rule was exercised")
			.isNotEmpty();
		int confirmed = count("select count(*) from registration where event_id = ? and status = 'CONFIRMED'",
				event.id());
		int waiting = count("select count(*) from registration where event_id = ? and status = 'WAITLISTED'",
				event.id());
		assertThat(confirmed).isEqualTo(capacity[0]);
		assertFilledAndQueued(event, capacity[0], waiting);
	}

	private Instant confirmedAt(Timed timed) {
		OffsetDateTime at = this.jdbc.sql("select confirmed_at from registration where id = ? and status = 'CONFIRMED'")
			.param(timed.result().registrationId())
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
		return (at != null) ? at.toInstant() : null;
	}

	private record Timed(RegistrationResult result, Instant started, Instant returned) {
	}

	private void assertFilledAndQueued(TestEvents.Created event, int confirmed, int waitlisted) {
		assertThat(count("select count(*) from registration where event_id = ? and status = 'CONFIRMED'", event.id()))
			.isEqualTo(confirmed);
		assertThat(count("select count(*) from event_seat where event_id = ?", event.id())).isEqualTo(confirmed);
		assertThat(count("select count(*) from event_seat where event_id = ? and registration_id is null", event.id()))
			.isZero();
		List<Integer> positions = this.jdbc
			.sql("select id from registration where event_id = ? and status = 'WAITLISTED' order by waitlist_seq")
			.param(event.id())
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> this.directory.find(id).orElseThrow().waitlistPosition())
			.toList();
		List<Integer> expected = new ArrayList<>();
		for (int i = 1; i <= waitlisted; i++) {
			expected.add(i);
		}
		assertThat(positions).containsExactlyElementsOf(expected);
	}

	private RegistrationView view(RegistrationResult result) {
		return this.directory.find(result.registrationId()).orElseThrow();
	}

	private int count(String sql, long eventId) {
		return this.jdbc.sql(sql).param(eventId).query(Integer.class).single();
	}

}
