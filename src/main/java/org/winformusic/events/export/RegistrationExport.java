package org.winformusic.events.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.winformusic.events.admin.RegistrationSort;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationAnswers.ExportColumns;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationFilterSql;

/**
 * Reads the registrations of one event and hands them, row by row, to a
 * {@link RowWriter}. Rows stream from PostgreSQL through a cursor (a fetch size inside a
 * read-only transaction: PostgreSQL only streams with auto-commit off), so the size of
 * the export never depends on the heap.
 */
@Service
class RegistrationExport {

	static final int FETCH_SIZE = 1000;

	/** ISO 8601 with the offset, to the second: {@code 2028-03-01T10:15:00-06:00}. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

	// The waitlist position is counted over the whole waitlist of the event, before the
	// filter applies, so a filtered export shows the same positions as the full one.
	private static final String QUERY = """
			select r.id, r.status, r.full_name, r.email, r.company, r.job_title, r.company_type, r.state,
			       r.city, r.phone, r.association_interest, r.referral_source, r.comments, r.locale,
			       r.news_opt_in, r.privacy_consent_version, r.privacy_consent_at, r.created_at,
			       r.confirmed_at, r.cancelled_at, r.checked_in_at, w.position as waitlist_position%s
			from registration r
			left join (select id, row_number() over (order by waitlist_seq, id) as position
			           from registration
			           where event_id = :eventId and status = 'WAITLISTED') w on w.id = r.id
			%s
			where r.event_id = :eventId and (%s)
			%s
			""";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final RegistrationAnswers answers;

	RegistrationExport(JdbcClient jdbc, MessageSource messages, RegistrationAnswers answers) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.answers = answers;
	}

	/**
	 * Writes the header (in {@code locale}) and every registration of {@code event} that
	 * matches {@code filter}, in the list page's {@code order}. The answers to the
	 * event's own questions follow the standard columns, one column per question in form
	 * order (removed questions too), headed by its label in {@code locale}.
	 * @return the number of registrations written
	 */
	@Transactional(readOnly = true)
	public long write(EventInfo event, RegistrationFilter filter, RegistrationSort order, Locale locale,
			RowWriter writer) throws IOException {
		RegistrationFilterSql where = RegistrationFilterSql.of(filter, "r");
		ZoneId zone = event.zone();
		long[] count = { 0 };
		ExportColumns questions = this.answers.exportColumns(event.id(), locale);
		boolean asked = !questions.isEmpty();
		try {
			List<String> headers = new ArrayList<>(headers(locale));
			headers.addAll(questions.headers());
			writer.header(headers);
			this.jdbc
				.sql(QUERY.formatted(asked ? ", answers.answer_questions, answers.answer_values" : "",
						asked ? RegistrationAnswers.EXPORT_JOIN : "", where.condition(), order.orderBy()))
				.withFetchSize(FETCH_SIZE)
				.param("eventId", event.id())
				.params(where.params())
				.query((ResultSet rs) -> {
					try {
						writer.row(asked ? concat(values(rs, zone), questions.values(rs)) : values(rs, zone));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					count[0]++;
				});
			writer.finish();
			return count[0];
		}
		catch (UncheckedIOException ex) {
			writer.abort();
			throw ex.getCause();
		}
		catch (IOException | RuntimeException ex) {
			writer.abort();
			throw ex;
		}
	}

	List<String> headers(Locale locale) {
		return Arrays.stream(ExportColumn.values())
			.map((c) -> this.messages.getMessage(c.messageKey(), null, locale))
			.toList();
	}

	private static String[] values(ResultSet rs, ZoneId zone) throws SQLException {
		long waitlistPosition = rs.getLong("waitlist_position");
		boolean waitlisted = !rs.wasNull();
		return new String[] { Long.toString(rs.getLong("id")), rs.getString("status"), rs.getString("full_name"),
				rs.getString("email"), rs.getString("company"), rs.getString("job_title"), rs.getString("company_type"),
				rs.getString("state"), rs.getString("city"), rs.getString("phone"),
				rs.getString("association_interest"), rs.getString("referral_source"), rs.getString("comments"),
				rs.getString("locale"), Boolean.toString(rs.getBoolean("news_opt_in")),
				rs.getString("privacy_consent_version"), time(rs, "privacy_consent_at", zone),
				time(rs, "created_at", zone), time(rs, "confirmed_at", zone), time(rs, "cancelled_at", zone),
				time(rs, "checked_in_at", zone), waitlisted ? Long.toString(waitlistPosition) : null };
	}

	private static String[] concat(String[] standard, String[] answers) {
		String[] row = Arrays.copyOf(standard, standard.length + answers.length);
		System.arraycopy(answers, 0, row, standard.length, answers.length);
		return row;
	}

	private static String time(ResultSet rs, String column, ZoneId zone) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? TIME.format(value.atZoneSameInstant(zone)) : null;
	}

}
