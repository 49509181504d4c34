package org.winformusic.events.admin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A staff action reads the registration it records as "before" under the row lock its
 * change takes, so a change committed by someone else in the meantime is the history's
 * from-value, not lost between the read and the change.
 */
@AdminTest
class StaffActionsUnderLockTests {

	@Autowired
	StaffActions actions;

	@Autowired
	StaffRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theHistorysFromStatusIsTheOneTheChangeMovedFromWhenAnotherChangeCommitsFirst() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().requiringApproval().capacity(3).create();
		long id = new TestRegistrations(this.jdbc).in(event)
			.person("Iris Carrera")
			.status("PENDING")
			.createdAt(AdminTest.REGISTERED)
			.create()
			.id();
		CountDownLatch approved = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// Another organizer approves: changed, not committed yet.
			Future<?> approval = threads
				.submit(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((tx) -> {
					this.registrations.approve(id);
					approved.countDown();
					awaitQuietly(commit);
				}));
			assertThat(approved.await(60, TimeUnit.SECONDS)).isTrue();
			// This organizer cancels meanwhile, and waits for the approval's row lock.
			Future<RegistrationView> cancel = threads.submit(asOrganizer(() -> this.actions.cancel(id)));
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(this::aChangeWaitsForARegistrationLock);
			commit.countDown();
			approval.get(60, TimeUnit.SECONDS);
			assertThat(cancel.get(60, TimeUnit.SECONDS).status()).isEqualTo(RegistrationStatus.CANCELLED);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
			threads.awaitTermination(10, TimeUnit.SECONDS);
		}

		assertThat(this.jdbc.sql("select details from audit_log where registration_id = ? and action = 'CANCELLED'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("status: CONFIRMED -> CANCELLED");
	}

	@Test
	void theLockForAChangeIsRefusedOutsideATransactionWhereItWouldHoldNothing() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(3).create();
		long id = new TestRegistrations(this.jdbc).in(event).person("Hugo Suelto").create().id();
		assertThatThrownBy(() -> this.registrations.lockForChange(id))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private boolean aChangeWaitsForARegistrationLock() {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity
				 where datname = current_database() and wait_event_type = 'Lock'
				   and query like '%from registration where id = % for update%'
				""").query(Long.class).single() > 0;
	}

	private static <T> Callable<T> asOrganizer(Callable<T> action) {
		return () -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("organizer@win.test", null,
						List.of(new SimpleGrantedAuthority(StaffRole.ORGANIZER.authority()))));
			try {
				return action.call();
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		};
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
