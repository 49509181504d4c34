package org.winformusic.events.shared;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway migration written in Java, for a change SQL cannot make the way the
 * application does (a value computed by the same Java method that writes new rows).
 * Subclasses are beans (Flyway runs them in version order with the SQL files), named for
 * what they do rather than {@code V48__...}; each runs in Flyway's transaction, on its
 * connection.
 */
public abstract class FlywayJavaMigration implements org.flywaydb.core.api.migration.JavaMigration {

	private final MigrationVersion version;

	private final String description;

	protected FlywayJavaMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public final MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public final String getDescription() {
		return this.description;
	}

	@Override
	public final Integer getChecksum() {
		return null;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public final void migrate(Context context) throws SQLException {
		change(context.getConnection());
	}

	/** The change, on Flyway's connection and in its transaction. */
	protected abstract void change(Connection connection) throws SQLException;

}
