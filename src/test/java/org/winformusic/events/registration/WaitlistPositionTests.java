package org.winformusic.events.registration;

import java.io.IOException;
import java.sql.Connection;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestRegistrations.Registration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waitlisted person has one place in the waitlist, whoever asks: the manage page and
 * the emails (the directory, through the entity's formula) and the export (the stream)
 * count it by the one rule of {@link Waitlist}, over the whole waitlist of the event,
 * whatever the export's filter.
 */
@IntegrationTest
class WaitlistPositionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationDirectory directory;

	@Autowired
	RegistrationStream stream;

	@Autowired
	RegistrationAnswers answers;

	@Autowired
	DataSource dataSource;

	@Test
	void theDirectoryAndTheExportGiveEveryoneTheSamePlace() throws IOException {
		TestEvents.Created event = new TestEvents(this.jdbc).event().slugPrefix("waitlist").withoutSeats().create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		Registration seated = data.in(event).person("Sentada").create();
		List<Registration> waiting = List.of(data.in(event).person("Primera").status("WAITLISTED").create(),
				data.in(event).person("Segunda").status("WAITLISTED").create(),
				data.in(event).person("Tercera").status("WAITLISTED").create());
		this.jdbc.sql("update registration set status = 'CANCELLED', waitlist_seq = null where id = ?")
			.param(waiting.get(0).id())
			.update();

		assertThat(positions(event, RegistrationQuery.ALL)).containsExactly(Map.entry(seated.id(), -1),
				Map.entry(waiting.get(0).id(), -1), Map.entry(waiting.get(1).id(), 1),
				Map.entry(waiting.get(2).id(), 2));
		assertThat(this.directory.find(waiting.get(2).id()).orElseThrow().waitlistPosition()).isEqualTo(2);
		assertThat(this.directory.findAll(List.of(seated.id(), waiting.get(1).id(), waiting.get(2).id())))
			.satisfies((found) -> {
				assertThat(found.get(seated.id()).waitlistPosition()).isNull();
				assertThat(found.get(waiting.get(1).id()).waitlistPosition()).isEqualTo(1);
				assertThat(found.get(waiting.get(2).id()).waitlistPosition()).isEqualTo(2);
			});
		RegistrationQuery onlyTheLast = new RegistrationQuery(
				new RegistrationFilter("tercera", null, null, null, null, null), RegistrationSort.DEFAULT);
		assertThat(positions(event, onlyTheLast)).containsExactly(Map.entry(waiting.get(2).id(), 2));
	}

	/**
	 * The export waits longer than a request for PostgreSQL's answers (the first rows of
	 * a large event come after the whole sort), and the pool's connections keep the
	 * request's timeout.
	 */
	@Test
	void theExportWaitsLongerForTheDatabaseThanARequestAndThePoolKeepsTheRequestsTimeout() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().slugPrefix("timeout").withoutSeats().create();
		new TestRegistrations(this.jdbc).in(event).person("Una").create();
		int before;
		try (Connection connection = this.dataSource.getConnection()) {
			before = connection.getNetworkTimeout();
		}
		List<Integer> during = new java.util.ArrayList<>();
		this.stream.forEach(event.id(), RegistrationQuery.ALL,
				this.answers.exportColumns(event.id(), java.util.Locale.ENGLISH, false),
				(registration, answers) -> during.add(readTimeout(DataSourceUtils.getConnection(this.dataSource))));
		assertThat(during).containsExactly((int) RegistrationStream.SOCKET_TIMEOUT.toMillis());
		for (int i = 0; i < 3; i++) {
			try (Connection connection = this.dataSource.getConnection()) {
				assertThat(connection.getNetworkTimeout()).isEqualTo(before);
			}
		}
	}

	private static int readTimeout(Connection connection) {
		try {
			return connection.getNetworkTimeout();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<Long, Integer> positions(TestEvents.Created event, RegistrationQuery query) throws IOException {
		Map<Long, Integer> positions = new LinkedHashMap<>();
		this.stream.forEach(event.id(), query, this.answers.exportColumns(event.id(), java.util.Locale.ENGLISH, false),
				(registration, answers) -> positions.put(registration.id(),
						(registration.waitlistPosition() != null) ? registration.waitlistPosition() : -1));
		return positions;
	}

}
