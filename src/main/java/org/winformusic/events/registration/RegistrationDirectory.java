package org.winformusic.events.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to single registrations for other features (emails, admin pages). */
@Service
@Transactional(readOnly = true)
public class RegistrationDirectory {

	/**
	 * All columns of {@link RegistrationView}, the waitlist position as {@link Waitlist}
	 * counts it (the CASE runs the count only for a waitlisted registration).
	 */
	static final String SELECT_VIEW = """
			select r.*,
			       case when r.status = 'WAITLISTED' then
			            (select p.position from %s p where p.id = r.id)
			       end as waitlist_position
			  from registration r
			""".formatted(Waitlist.positions("r.event_id"));

	private final JdbcClient jdbc;

	RegistrationDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<RegistrationView> find(long id) {
		return this.jdbc.sql(SELECT_VIEW + " where r.id = ?").param(id).query(RegistrationDirectory::view).optional();
	}

	/**
	 * Several registrations in one query (the outbox sender's batch); missing ids are
	 * absent.
	 */
	public Map<Long, RegistrationView> findAll(Collection<Long> ids) {
		Map<Long, RegistrationView> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		long[] array = ids.stream().mapToLong(Long::longValue).distinct().toArray();
		this.jdbc.sql(SELECT_VIEW + " where r.id = any(?)")
			.param(array)
			.query(RegistrationDirectory::view)
			.list()
			.forEach((view) -> found.put(view.id(), view));
		return found;
	}

	static RegistrationView view(ResultSet rs, int row) throws SQLException {
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

}
