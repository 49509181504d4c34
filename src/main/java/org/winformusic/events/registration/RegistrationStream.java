package org.winformusic.events.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every registration of one event that a {@link RegistrationQuery} selects, handed row by
 * row to the caller (the export). Rows stream from PostgreSQL through a cursor (a fetch
 * size inside a read-only transaction: PostgreSQL only streams with auto-commit off), so
 * the size of an export never depends on the heap.
 */
@Service
public class RegistrationStream {

	static final int FETCH_SIZE = 1000;

	/**
	 * How long the export waits for an answer of PostgreSQL, in place of a request's 10 s
	 * ({@code socketTimeout}): the first rows of a large event come after the whole sort,
	 * which a busy database may take longer over.
	 */
	static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

	// The columns of RegistrationView, in the order view reads them by position; the
	// waitlist position counted over the whole waitlist of the event before the filter
	// applies (Waitlist), once per export. An erased registration has no address: its
	// placeholder (RegistrationErasure) is not one to import anywhere.
	private static final String QUERY = """
			select r.id, r.event_id, r.status, r.full_name,
			       case when r.anonymized_at is null then r.email end as email, r.company, r.job_title, r.company_type,
			       r.state, r.city, r.phone, r.association_interest, r.referral_source, r.comments, r.locale,
			       r.news_opt_in, r.privacy_consent_version, r.privacy_consent_at, r.created_at, r.updated_at,
			       r.confirmed_at, r.cancelled_at, r.declined_at, r.checked_in_at,
			       w.position as waitlist_position, r.version%s
			from registration r
			left join %s w on w.id = r.id
			%s
			where r.event_id = :eventId and (%s)
			%s
			""";

	/**
	 * The plan PostgreSQL picks with fresh statistics, whatever they say: an event whose
	 * rows came after the last {@code analyze} (a new event filling up in a table of
	 * earlier ones, where autovacuum waits for a tenth of the table to change) is
	 * estimated at one row, and the planner then joins the waitlist's positions in a
	 * nested loop that counts the whole waitlist again for every registration: 40 000
	 * registrations, 4 000 waiting, took 115 s instead of half a second. With nested
	 * loops off it hashes the positions once; the answers, a lateral join, are still read
	 * per registration through their index. For this transaction only.
	 */
	private static final String NO_NESTED_LOOPS = "set local enable_nestloop = off";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	RegistrationStream(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Hands each registration of {@code eventId} that {@code query} selects, in its
	 * order, to {@code each}, with its answers to the event's own {@code questions} (from
	 * {@link RegistrationAnswers#exportColumns}; none when that is empty).
	 * @return how many registrations were handed over
	 * @throws IOException what {@code each} threw; the rows after it are not read
	 */
	@Transactional(readOnly = true)
	public long forEach(long eventId, RegistrationQuery query, ExportColumns questions, Row each) throws IOException {
		RegistrationFilterSql where = RegistrationFilterSql.of(eventId, query.filter(),
				RegionSpellings.of(this.jdbc, eventId, query.filter().state()), "r");
		boolean asked = !questions.isEmpty();
		String[] none = new String[0];
		long[] count = { 0 };
		try {
			// The transaction's connection; the pool sets its timeout back when it is
			// returned.
			DataSourceUtils.getConnection(this.dataSource)
				.setNetworkTimeout(Runnable::run, (int) SOCKET_TIMEOUT.toMillis());
			this.jdbc.sql(NO_NESTED_LOOPS).update();
			this.jdbc
				.sql(QUERY.formatted(asked ? ", answers.answer_questions, answers.answer_values" : "",
						Waitlist.positions(":eventId"), asked ? RegistrationAnswers.EXPORT_JOIN : "", where.condition(),
						query.sort().orderBy()))
				.withFetchSize(FETCH_SIZE)
				.param("eventId", eventId)
				.params(where.params())
				.query((ResultSet rs) -> {
					try {
						each.accept(view(rs), asked ? questions.values(rs) : none);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					count[0]++;
				});
			return count[0];
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set the export's socket timeout", ex);
		}
	}

	/**
	 * The row as a view, its columns read by position in {@link #QUERY}'s order (a lookup
	 * by name costs a map lookup per column and row), times parsed without a
	 * {@code Calendar} ({@code getTimestamp} builds one per value).
	 */
	private static RegistrationView view(ResultSet rs) throws SQLException {
		Number position = (Number) rs.getObject(25);
		return new RegistrationView(rs.getLong(1), rs.getLong(2), RegistrationStatus.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
				CompanyType.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
				AssociationInterest.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14), rs.getBoolean(16),
				rs.getString(17), instant(rs, 18), Locale.forLanguageTag(rs.getString(15)), instant(rs, 19),
				instant(rs, 20), instant(rs, 21), instant(rs, 22), instant(rs, 23), instant(rs, 24),
				(position != null) ? position.intValue() : null, rs.getInt(26));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	/** Takes one registration of a stream. */
	@FunctionalInterface
	public interface Row {

		/**
		 * @param answers the answers in the order of the questions' columns (null where
		 * not answered)
		 */
		void accept(RegistrationView registration, String[] answers) throws IOException;

	}

}
