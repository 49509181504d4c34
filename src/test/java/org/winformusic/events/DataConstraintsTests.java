package org.winformusic.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules the data relies on hold in the database itself (V17), whoever writes: each
 * constraint refuses a row that breaks it, and lets the same row through once it is
 * right.
 */
@IntegrationTest
class DataConstraintsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRegionIsOneOfTheEventCountrysCodesWhenTheApplicationHasItsList() {
		TestEvents.Created mexico = events().event().create();
		refused(() -> registrations().in(mexico).state("ANT").create(), "registration_region_check");
		registrations().in(mexico).state("OUTSIDE_MX").create();

		TestEvents.Created colombia = events().event().country("CO").create();
		refused(() -> registrations().in(colombia).state("CMX").create(), "registration_region_check");
		registrations().in(colombia).state("ANT").create();

		long moved = registrations().in(mexico).status("PENDING").state("JAL").create().id();
		refused(() -> this.jdbc.sql("update registration set event_id = ? where id = ?")
			.params(colombia.id(), moved)
			.update(), "registration_region_check");

		TestEvents.Created peru = events().event().country("PE").create();
		assertThat(registrations().in(peru).state("Lima Metropolitana").create().id()).isPositive();
	}

	@Test
	void aRegistrationAndAMessageSpeakSpanishOrEnglish() {
		TestEvents.Created event = events().event().create();
		refused(() -> registrations().in(event).locale("fr").create(), "registration_locale_check");
		long id = registrations().in(event).locale("en").create().id();

		refused(() -> queue(id, "CONFIRMED", "es-MX"), "outbox_message_locale_check");
		queue(id, "CONFIRMED", "es");
	}

	@Test
	void anOutboxRowAsksForAKindOfMessageTheSenderKnows() {
		long id = registrations().in(events().event().create()).create().id();
		refused(() -> queue(id, "NEWSLETTER", "es"), "outbox_message_kind_check");
		queue(id, "LINK_REMINDER", "es");
	}

	@Test
	void aSeatHoldsOnlyARegistrationOfItsOwnEvent() {
		TestEvents.Created first = events().event().capacity(1).withoutSeats().create();
		TestEvents.Created second = events().event().capacity(1).create();
		long confirmed = registrations().in(first).create().id();

		refused(() -> this.jdbc.sql("update event_seat set registration_id = ? where event_id = ?")
			.params(confirmed, second.id())
			.update(), "event_seat_registration_event_fkey");
		assertThat(this.jdbc.sql("insert into event_seat (event_id, seat_no, registration_id) values (?, 1, ?)")
			.params(first.id(), confirmed)
			.update()).isOne();
	}

	@Test
	void onlyAWaitlistedRegistrationHasAPlaceInTheWaitlist() {
		TestEvents.Created event = events().event().capacity(1).create();
		long confirmed = registrations().in(event).create().id();
		refused(() -> this.jdbc.sql("update registration set waitlist_seq = nextval('waitlist_seq') where id = ?")
			.param(confirmed)
			.update(), "registration_waitlist_seq_check");
		refused(() -> this.jdbc.sql("update registration set status = 'WAITLISTED' where id = ?")
			.param(confirmed)
			.update(), "registration_waitlist_seq_check");

		long waiting = registrations().in(event).status("WAITLISTED").create().id();
		refused(() -> this.jdbc.sql("update registration set status = 'CANCELLED' where id = ?")
			.param(waiting)
			.update(), "registration_waitlist_seq_check");
		assertThat(this.jdbc.sql("update registration set status = 'CANCELLED', waitlist_seq = null where id = ?")
			.param(waiting)
			.update()).isOne();
	}

	private TestEvents events() {
		return new TestEvents(this.jdbc);
	}

	private TestRegistrations registrations() {
		return new TestRegistrations(this.jdbc);
	}

	private void queue(long registrationId, String kind, String locale) {
		this.jdbc.sql("""
				insert into outbox_message (registration_id, event_id, kind, locale, message_id, status, attempts,
				    next_attempt_at, created_at)
				select id, event_id, :kind, :locale, :messageId, 'SKIPPED', 0, now(), now()
				  from registration where id = :id
				""")
			.param("kind", kind)
			.param("locale", locale)
			.param("messageId", "<" + UUID.randomUUID() + "@constraints-test>")
			.param("id", registrationId)
			.update();
	}

	private static void refused(Runnable write, String constraint) {
		assertThatThrownBy(write::run).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining(constraint);
	}

}
