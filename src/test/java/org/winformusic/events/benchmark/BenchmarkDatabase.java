package org.winformusic.events.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;

import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationFilter;

/**
 * The benchmark's PostgreSQL: an embedded server (zonky, real binaries, the same a fresh
 * machine gets from the build) with PostgreSQL's own defaults, so commits are durable as
 * in production; and the SQL that seeds each scenario.
 */
final class BenchmarkDatabase implements AutoCloseable {

	static final String DATABASE = "winevents";

	private static final String[] FIRST_NAMES = { "José", "María", "Sofía", "Andrés", "Jesús", "Iñaki", "Ramón",
			"Lucía", "Mónica", "Raúl", "Héctor", "Martín", "Adrián", "Verónica", "Begoña", "Ángel", "Óscar", "Inés",
			"Julián", "Renée", "Camila", "Valeria", "Fernanda", "Diego", "Alejandro", "Mariana", "Daniela", "Pablo",
			"Gabriela", "Ximena", "Itzel", "Joaquín", "Nicolás", "Paulina", "Tomás", "Zoé" };

	private static final String[] LAST_NAMES = { "García", "Hernández", "López", "Martínez", "González", "Pérez",
			"Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Díaz", "Reyes", "Morales", "Jiménez",
			"Gutiérrez", "Ruiz", "Álvarez", "Muñoz", "Peña", "Ibáñez", "Núñez", "Castañeda", "Zúñiga", "Ordóñez",
			"Villaseñor", "Méndez", "Chávez", "Domínguez", "Cárdenas", "Solís", "Ávila", "Mejía", "Montaño", "Acuña" };

	private static final String[] COMPANY_PREFIXES = { "Discos", "Sello", "Música", "Producciones", "Editorial",
			"Distribuidora", "Records", "Estudio", "Colectivo", "Agencia" };

	private static final String[] COMPANY_NAMES = { "Pantera", "Nopal", "Colibrí", "Ñandú", "Cóndor", "Jaguar",
			"Mariposa", "Tláloc", "Xóchitl", "Quetzal", "Sierra", "Océano", "Volcán", "Azteca", "Iguana", "Cenzontle",
			"Tepache", "Mezcal", "Ajolote", "Güero", "Marea", "Café Tacvba", "Pájaro", "Tormenta" };

	private static final String[] DOMAINS = { "gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com",
			"prodigy.net.mx" };

	private static final String[] CITIES = { "Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Querétaro",
			"Mérida", "Oaxaca de Juárez", "Tijuana", "León", "San Luis Potosí" };

	private final EmbeddedPostgres server;

	private BenchmarkDatabase(EmbeddedPostgres server) {
		this.server = server;
	}

	static BenchmarkDatabase start() throws IOException, SQLException {
		EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE);
		}
		return new BenchmarkDatabase(server);
	}

	/**
	 * The PostgreSQL server process (the postmaster); its backends are its children.
	 * Found as the parent of a backend: the process zonky started is {@code pg_ctl}, long
	 * gone.
	 */
	long pid() {
		// While the connection is open: a closed connection's backend exits at once, and
		// looking it up after that found nothing (a "db CPU" of 0 in some scenarios).
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
			rows.next();
			return ProcessHandle.of(rows.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	/** The URL the application gets in {@code SPRING_DATASOURCE_URL}. */
	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.server.getPort() + "/" + DATABASE;
	}

	/** A second, empty database on the same server; returns its JDBC URL. */
	String createDatabase(String name) throws SQLException {
		if (!name.matches("[a-z]+")) {
			throw new IllegalArgumentException(name);
		}
		try (Connection connection = this.server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		return "jdbc:postgresql://127.0.0.1:" + this.server.getPort() + "/" + name;
	}

	Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		properties.setProperty("reWriteBatchedInserts", "true");
		return DriverManager.getConnection(jdbcUrl(), properties);
	}

	long count(String sql, Object... parameters) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** A table's ordinary columns, in order, but the excluded ones. */
	List<String> columns(String table, String... excluded) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement("select column_name from"
						+ " information_schema.columns where table_schema = 'public' and table_name = ?"
						+ " and is_generated = 'NEVER' and identity_generation is null order by ordinal_position")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		columns.removeAll(List.of(excluded));
		return columns;
	}

	boolean tableExists(String table) throws SQLException {
		return count("select count(*) from information_schema.tables where table_schema = 'public' and table_name = ?",
				table) > 0;
	}

	/**
	 * A published event open for registration with {@code seats} seats: a copy of the
	 * seeded Mexico workshop (whatever columns later migrations add) under a new slug.
	 */
	long createEvent(String slug, int seats) throws SQLException {
		createEvents(slug, 1, seats);
		try (Connection connection = connect()) {
			BenchmarkMain.update(connection, "update event set slug = ? where slug = ?", slug, slug + "-1");
		}
		catch (Exception ex) {
			throw new SQLException(ex);
		}
		return count("select id from event where slug = ?", slug);
	}

	/**
	 * {@code count} events {@code <prefix>-1} to {@code <prefix>-<count>} with
	 * {@code seats} seats each. Many events of a realistic size rather than one huge one:
	 * availability is counted from an event's seat rows, so one event with hundreds of
	 * thousands of seats would measure that count, not registering.
	 */
	void createEvents(String prefix, int count, int seats) throws SQLException {
		try (Connection connection = connect()) {
			List<String> columns = new ArrayList<>();
			try (PreparedStatement statement = connection
				.prepareStatement("select column_name from information_schema.columns where table_schema = 'public'"
						+ " and table_name = 'event' and is_generated = 'NEVER' and identity_generation is null"
						+ " and column_name not in ('slug', 'published', 'registration_opens_at',"
						+ " 'registration_closes_at', 'created_at', 'updated_at')");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
			String copied = String.join(", ", columns);
			try (PreparedStatement insert = connection
				.prepareStatement("insert into event (slug, published, " + copied + ") select ? || '-' || g, true, "
						+ copied + " from event, generate_series(1, ?) g where slug = 'mexico-workshop'")) {
				insert.setString(1, prefix);
				insert.setInt(2, count);
				insert.executeUpdate();
			}
			try (PreparedStatement insert = connection.prepareStatement("insert into event_seat (event_id, seat_no)"
					+ " select e.id, g from event e, generate_series(1, ?) g where e.slug like ? || '-%'")) {
				insert.setInt(1, seats);
				insert.setString(2, prefix);
				insert.executeUpdate();
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze event");
				statement.execute("analyze event_seat");
			}
		}
	}

	/**
	 * {@code count} registrations with realistic Mexican names, companies with accents
	 * and {@code ñ}, varied statuses, types and states, loaded with COPY. Staff search
	 * reads {@code search_text}, written with the application's own normalizer.
	 */
	void seedRegistrations(long eventId, int count) throws SQLException, IOException {
		Instant now = Instant.now();
		CompanyType[] types = CompanyType.values();
		List<String> states = Regions.of("MX").codes();
		AssociationInterest[] interests = AssociationInterest.values();
		try (Connection connection = connect()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			int batch = 10_000;
			for (int from = 0; from < count; from += batch) {
				StringBuilder csv = new StringBuilder(batch * 300);
				for (int i = from; i < Math.min(count, from + batch); i++) {
					String first = FIRST_NAMES[i % FIRST_NAMES.length];
					String last = LAST_NAMES[(i / FIRST_NAMES.length) % LAST_NAMES.length];
					String second = LAST_NAMES[(i / 7) % LAST_NAMES.length];
					String fullName = first + " " + last + " " + second;
					String email = RegistrationFilter.searchable(first + "." + last).replace(' ', '.') + "." + i + "@"
							+ DOMAINS[i % DOMAINS.length];
					String company = COMPANY_PREFIXES[i % COMPANY_PREFIXES.length] + " "
							+ COMPANY_NAMES[(i / 3) % COMPANY_NAMES.length] + " " + (i % 997);
					String status = (i % 20 == 0) ? "WAITLISTED" : (i % 50 == 1) ? "CANCELLED" : "CONFIRMED";
					Instant created = now.minusSeconds(count - i);
					csv.append(eventId).append(',').append(status).append(',');
					csv.append(quote(fullName)).append(',').append(quote(email)).append(',').append(quote(company));
					csv.append(",Gerente de A&R,").append(types[i % types.length].name()).append(',');
					csv.append(states.get(i % states.size())).append(',').append(quote(CITIES[i % CITIES.length]));
					csv.append(",+52 55 5555 ").append(String.format("%04d", i % 10_000)).append(',');
					csv.append(interests[i % interests.length].name()).append(",Redes sociales,");
					csv.append((i % 9 == 0) ? quote("Necesito acceso para silla de ruedas, gracias.") : "");
					csv.append(",2026-01,").append(created).append(',').append(i % 2 == 0).append(',');
					csv.append((i % 4 == 0) ? "en" : "es").append(',').append(created).append(',').append(created);
					csv.append(',').append("CONFIRMED".equals(status) ? created.toString() : "");
					csv.append(',').append("CANCELLED".equals(status) ? created.toString() : "");
					csv.append(',').append("WAITLISTED".equals(status) ? Long.toString(i) : "");
					csv.append(',')
						.append(quote(RegistrationFilter.searchable(fullName + " " + email + " " + company)));
					csv.append('\n');
				}
				copy.copyIn("copy registration (event_id, status, full_name, email, company, job_title, company_type,"
						+ " state, city, phone, association_interest, referral_source, comments,"
						+ " privacy_consent_version, privacy_consent_at, news_opt_in, locale, created_at, updated_at,"
						+ " confirmed_at, cancelled_at, waitlist_seq, search_text) from stdin with (format csv)",
						new StringReader(csv.toString()));
			}
			try (Statement statement = connection.createStatement()) {
				// What autovacuum does within a minute of such a load (its insert
				// threshold): statistics, and the visibility map that lets index-only
				// scans skip the table.
				statement.execute("vacuum analyze registration");
			}
		}
	}

	private static String quote(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
