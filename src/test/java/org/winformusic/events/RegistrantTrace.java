package org.winformusic.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Remembers every registrant the test run writes, however it is written (the registration
 * form, a staff edit, a test's own SQL), so a test at the end of the run can look for
 * them in the application log ({@code SuiteLogHygieneTests}).
 * <p>
 * Each embedded test database gets, before Flyway runs, an event trigger that puts a row
 * trigger on {@code registration} as soon as a migration creates it; the row trigger
 * copies the email and the name of every inserted or renamed registration into
 * {@code test_trace.registrant}. That schema is outside {@code public}, so it is neither
 * in Flyway's schema nor in the "every text column of every table" dumps of the privacy
 * tests, and the copies survive erasure and anonymization. Names are kept to their first
 * 200 characters: a log line holding a name holds that prefix.
 */
public final class RegistrantTrace {

	private static final String INSTALL = """
			create schema test_trace;
			create table test_trace.registrant (email text, full_name text);
			create function test_trace.remember() returns trigger language plpgsql as $$
			begin
			  insert into test_trace.registrant (email, full_name) values (new.email, left(new.full_name, 200));
			  return null;
			end $$;
			create function test_trace.watch() returns event_trigger language plpgsql as $$
			begin
			  if exists (select 1 from pg_event_trigger_ddl_commands()
			             where command_tag = 'CREATE TABLE' and object_identity = 'public.registration') then
			    create trigger test_trace_registrant after insert or update of email, full_name
			      on public.registration for each row execute function test_trace.remember();
			  end if;
			end $$;
			create event trigger test_trace_registration on ddl_command_end when tag in ('CREATE TABLE')
			  execute function test_trace.watch();
			""";

	private static final List<String> databases = new ArrayList<>();

	private RegistrantTrace() {
	}

	/** Installs the trace in a new, empty database (a superuser connection to it). */
	static synchronized void install(String jdbcUrl) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(INSTALL);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not install the registrant trace", ex);
		}
		databases.add(jdbcUrl);
	}

	/** Whether any database of this run is traced (none with Testcontainers). */
	public static synchronized boolean active() {
		return !databases.isEmpty();
	}

	/**
	 * Hands every distinct (email, name) written in this run's databases to
	 * {@code registrant}; either may be null.
	 */
	public static synchronized void forEach(BiConsumer<String, String> registrant) {
		for (String url : databases) {
			try (Connection connection = DriverManager.getConnection(url, "postgres", "");
					Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("select distinct email, full_name from test_trace.registrant")) {
				while (rows.next()) {
					registrant.accept(rows.getString(1), rows.getString(2));
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not read the registrant trace of " + url, ex);
			}
		}
	}

}
