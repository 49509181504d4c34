package org.winformusic.events.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.winformusic.events.shared.FlywayJavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V52: events saved before the editor stored a zone's own name keep a legacy
 * one ("Mexico/General", "US/Eastern"), which the pages name vaguely or misleadingly
 * ("(hora central)" for Mexico City, which readers take for the US's). Each is renamed to
 * the zone it stands for ({@link LegacyZones}, the same table the editor uses). The clock
 * is the same, so no time moves and nobody is told anything. Written in Java, a bean
 * Flyway runs in its order (after {@code V49__*.sql}).
 */
@Component
class CanonicalZoneNames extends FlywayJavaMigration {

	CanonicalZoneNames() {
		super("52", "canonical zone names");
	}

	@Override
	protected void change(Connection connection) throws SQLException {
		migrate(connection);
	}

	/**
	 * Renames the legacy zones of events on {@code connection}, in its transaction.
	 * @return how many events were renamed
	 */
	static int migrate(Connection connection) throws SQLException {
		List<String> legacy = new ArrayList<>();
		List<String> canonical = new ArrayList<>();
		LegacyZones.all().forEach((name, zone) -> {
			legacy.add(name);
			canonical.add(zone);
		});
		try (PreparedStatement update = connection.prepareStatement("""
				update event e set time_zone = z.canonical
				  from unnest(?::text[], ?::text[]) as z(legacy, canonical)
				 where e.time_zone = z.legacy
				""")) {
			update.setArray(1, connection.createArrayOf("text", legacy.toArray()));
			update.setArray(2, connection.createArrayOf("text", canonical.toArray()));
			return update.executeUpdate();
		}
	}

}
