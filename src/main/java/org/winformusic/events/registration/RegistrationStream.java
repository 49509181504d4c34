package org.winformusic.events.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.winformusic.events.registration.RegistrationAnswers.ExportColumns;

/**
 * Every registration of one event that a {@link RegistrationQuery} selects, handed row by
 * row to the caller (the export). Rows stream from PostgreSQL through a cursor (a fetch
 * size inside a read-only transaction: PostgreSQL only streams with auto-commit off), so
 * the size of an export never depends on the heap.
 */
@Service
public class RegistrationStream {

	static final int FETCH_SIZE = 1000;

	// The columns of RegistrationView; the waitlist position counted over the whole
	// waitlist of the event before the filter applies (Waitlist), once per export.
	private static final String QUERY = """
			select r.id, r.event_id, r.status, r.full_name, r.email, r.company, r.job_title, r.company_type,
			       r.state, r.city, r.phone, r.association_interest, r.referral_source, r.comments, r.locale,
			       r.news_opt_in, r.privacy_consent_version, r.privacy_consent_at, r.created_at, r.updated_at,
			       r.confirmed_at, r.cancelled_at, r.declined_at, r.checked_in_at,
			       w.position as waitlist_position%s
			from registration r
			left join %s w on w.id = r.id
			%s
			where r.event_id = :eventId and (%s)
			%s
			""";

	private final JdbcClient jdbc;

	RegistrationStream(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		RegistrationFilterSql where = RegistrationFilterSql.of(eventId, query.filter(), "r");
		boolean asked = !questions.isEmpty();
		String[] none = new String[0];
		long[] count = { 0 };
		try {
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
	}

	private static RegistrationView view(ResultSet rs) throws SQLException {
		Number position = (Number) rs.getObject("waitlist_position");
		return new RegistrationView(rs.getLong("id"), rs.getLong("event_id"),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getString("full_name"), rs.getString("email"),
				rs.getString("company"), rs.getString("job_title"), CompanyType.valueOf(rs.getString("company_type")),
				rs.getString("state"), rs.getString("city"), rs.getString("phone"),
				AssociationInterest.valueOf(rs.getString("association_interest")), rs.getString("referral_source"),
				rs.getString("comments"), rs.getBoolean("news_opt_in"), rs.getString("privacy_consent_version"),
				instant(rs, "privacy_consent_at"), Locale.forLanguageTag(rs.getString("locale")),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "confirmed_at"),
				instant(rs, "cancelled_at"), instant(rs, "declined_at"), instant(rs, "checked_in_at"),
				(position != null) ? position.intValue() : null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
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
