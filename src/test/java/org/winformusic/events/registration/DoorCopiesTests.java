package org.winformusic.events.registration;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestRegistrations.Registration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door code typed at the door without JavaScript ({@link DoorCopies#byCode}) finds
 * the registration the phone's copy would: of this event, neither declined nor erased, as
 * the registration stands when the code is typed.
 */
@IntegrationTest
class DoorCopiesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	DoorCopies copies;

	@Autowired
	CheckinPasses passes;

	@Autowired
	RegistrationErasure erasure;

	@Test
	void aDoorCodeFindsItsPersonAtItsOwnEventWhileNeitherDeclinedNorErased() {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created door = events.event().slugPrefix("door-code").withoutSeats().create();
		TestEvents.Created other = events.event().slugPrefix("door-code-other").withoutSeats().create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		Registration ana = data.in(door).person("Ana Código").create();
		Registration beto = data.in(door).person("Beto Código").create();
		Registration carla = data.in(other).person("Carla Otra").create();
		String code = this.passes.code(ana.id());

		assertThat(found(door, code)).isEqualTo("Ana Código");
		String typed = code.substring(0, 4).toLowerCase(Locale.ROOT) + "- " + code.substring(4);
		assertThat(found(door, typed)).isEqualTo("Ana Código");
		assertThat(found(door, this.passes.code(beto.id()))).isEqualTo("Beto Código");
		// Another event's code finds nobody here, and its own person there.
		assertThat(found(door, this.passes.code(carla.id()))).isNull();
		assertThat(found(other, this.passes.code(carla.id()))).isEqualTo("Carla Otra");
		// Someone who registers after the first code was typed.
		Registration dora = data.in(door).person("Dora Nueva").create();
		assertThat(found(door, this.passes.code(dora.id()))).isEqualTo("Dora Nueva");

		// Declined or erased after their code was first found: found no more.
		this.jdbc
			.sql("update registration set status = 'DECLINED', declined_at = now(), version = version + 1 where id = ?")
			.param(beto.id())
			.update();
		assertThat(found(door, this.passes.code(beto.id()))).isNull();
		this.erasure.anonymize(List.of(ana.id()), Instant.now());
		assertThat(found(door, code)).isNull();
		// Cancelled people stay in the copy: the door must read them as cancelled.
		this.jdbc.sql("update registration set status = 'CANCELLED', version = version + 1 where id = ?")
			.param(dora.id())
			.update();
		assertThat(found(door, this.passes.code(dora.id()))).isEqualTo("Dora Nueva");

		// The phone's copy carries the same codes as the badges and the door list.
		assertThat(this.copies.people(door.id())).hasSize(1)
			.allSatisfy((person) -> assertThat(person.code()).isEqualTo(this.passes.code(person.id())));
	}

	/**
	 * Ids come from one sequence, but a registration can commit after one with a higher
	 * id: its code is found once it has committed, however far the codes known by then
	 * reach.
	 */
	@Test
	void aRegistrationCommittedAfterOneWithAHigherIdIsFoundByItsCode() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().slugPrefix("door-late").withoutSeats().create();
		long late;
		try (Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			JdbcClient uncommitted = JdbcClient.create(new SingleConnectionDataSource(slow, true));
			late = new TestRegistrations(uncommitted).in(event).person("Lola Tardía").create().id();
			Registration early = new TestRegistrations(this.jdbc).in(event).person("Eva Temprana").create();
			assertThat(early.id()).isGreaterThan(late);
			assertThat(found(event, this.passes.code(early.id()))).isEqualTo("Eva Temprana");
			assertThat(found(event, this.passes.code(late))).isNull();
			slow.commit();
		}
		assertThat(found(event, this.passes.code(late))).isEqualTo("Lola Tardía");
	}

	private String found(TestEvents.Created event, String typed) {
		return this.copies.byCode(event.id(), typed).map(RegistrationRow::fullName).orElse(null);
	}

}
