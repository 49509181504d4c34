package org.winformusic.events.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationStateException.Reason;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A freed seat goes to the first person waiting until the event ends (they may still come
 * for the rest of it); after its end nobody is promoted and nobody is told "a seat freed
 * up and it is yours": not after a cancel, not after a capacity increase, not by the
 * sweep, which does not even visit an ended event.
 */
@IntegrationTest
@Import(RecordedMessages.class)
class PromotionAfterTheEventTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	WaitlistPromoter promoter;

	@Autowired
	RecordedMessages recorded;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void afterTheEndAFreedSeatPromotesNobodyAndNoSeatIsYoursEmailIsQueued() {
		// Started six hours ago, ended two hours ago.
		TestEvents.Created event = this.events.event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		long seated = this.data.in(event).person("Sergio Sentado").create().id();
		long waiting = this.data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();

		// After the end staff no longer cancel (the registrations are the record); an
		// erasure still frees the seat.
		assertThatThrownBy(() -> this.staff.cancelByStaff(seated)).isInstanceOfSatisfying(
				RegistrationStateException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.EVENT_OVER));
		assertThat(this.data.status(seated)).isEqualTo("CONFIRMED");
		this.staff.cancelToErase(seated);
		assertNotPromoted(waiting);

		// Nor change the capacity: no seat is added for anyone to move up to.
		assertThatThrownBy(() -> this.staff.changeCapacity(event.id(), 3)).isInstanceOfSatisfying(
				RegistrationStateException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.EVENT_OVER));
		assertNotPromoted(waiting);

		this.promoter.sweep();
		assertThat(this.promoter.promote(event.id())).isEmpty();
		assertNotPromoted(waiting);
	}

	@Test
	void whileTheEventRunsAFreedSeatStillGoesToTheFirstPersonWaiting() {
		// Started an hour ago, ends in three.
		TestEvents.Created event = this.events.event()
			.startsAt(Instant.now().minus(1, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		long seated = this.data.in(event).person("Sergio Sentado").create().id();
		long waiting = this.data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();

		this.staff.cancelByStaff(seated);

		assertThat(this.data.status(waiting)).isEqualTo("CONFIRMED");
		assertThat(types(waiting)).containsExactly(RegistrationMessage.Type.PROMOTED);
		// The registration's history says how they got the seat, and that nobody on the
		// staff gave it.
		assertThat(this.jdbc.sql("select actor || ' ' || action from audit_log where registration_id = ?")
			.param(waiting)
			.query(String.class)
			.list()).containsExactly("system PROMOTED");
	}

	@Test
	void theSweepSkipsEndedEventsAndStillPromotesInOngoingOnes() {
		// Each with a free seat and someone waiting, as a rolled-back claim leaves it.
		TestEvents.Created over = this.events.event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		long waitingAfterTheEnd = this.data.in(over).person("Olga Tarde").status("WAITLISTED").create().id();
		TestEvents.Created running = this.events.event()
			.startsAt(Instant.now().minus(1, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		long waitingWhileItRuns = this.data.in(running).person("Rita Atiempo").status("WAITLISTED").create().id();

		List<Long> visited = this.promoter.sweep();

		assertThat(visited).as("events the sweep opened a transaction for")
			.contains(running.id())
			.doesNotContain(over.id());
		assertNotPromoted(waitingAfterTheEnd);
		assertThat(this.data.status(waitingWhileItRuns)).isEqualTo("CONFIRMED");
		assertThat(types(waitingWhileItRuns)).containsExactly(RegistrationMessage.Type.PROMOTED);
	}

	private void assertNotPromoted(long waiting) {
		assertThat(this.data.status(waiting)).isEqualTo("WAITLISTED");
		assertThat(types(waiting)).doesNotContain(RegistrationMessage.Type.PROMOTED);
		assertThat(this.jdbc.sql("select count(*) from outbox_message where registration_id = ? and kind = 'PROMOTED'")
			.param(waiting)
			.query(Long.class)
			.single()).isZero();
	}

	private List<RegistrationMessage.Type> types(long id) {
		return this.recorded.about(id).stream().map(RegistrationMessage::type).toList();
	}

}
