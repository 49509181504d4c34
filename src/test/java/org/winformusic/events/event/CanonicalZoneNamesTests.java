package org.winformusic.events.event;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * V52 (a Java migration, {@link CanonicalZoneNames}): an event saved with a legacy zone
 * name before the editor stored the zone's own name is shown with its city once it ran,
 * at the same hours; other events keep their zone.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CanonicalZoneNamesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Test
	void flywayRanItAsVersion52() {
		assertThat(this.jdbc.sql("select description from flyway_schema_history where version = '52' and success")
			.query(String.class)
			.list()).containsExactly("canonical zone names");
	}

	@Test
	void anEventSavedWithALegacyZoneNameIsShownWithItsCityAtTheSameHours() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created legacy = events.event().create();
		TestEvents.Created other = events.event().create();
		zone(legacy, "Mexico/General");
		zone(other, "America/Bogota");

		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			assertThat(CanonicalZoneNames.migrate(connection)).isEqualTo(1);
			connection.commit();
		}

		assertThat(zone(legacy)).isEqualTo("America/Mexico_City");
		assertThat(zone(other)).isEqualTo("America/Bogota");
		String page = this.mvc.perform(get("/events/" + legacy.slug()).header("Accept-Language", "es-MX"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("10:00–14:00")
			.contains("(hora de la Ciudad de México)")
			.doesNotContain("hora central");
	}

	private void zone(TestEvents.Created event, String zone) {
		this.jdbc.sql("update event set time_zone = ? where id = ?").params(zone, event.id()).update();
	}

	private String zone(TestEvents.Created event) {
		return this.jdbc.sql("select time_zone from event where id = ?").param(event.id()).query(String.class).single();
	}

}
