package org.winformusic.events.print;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationFilterSql;
import org.winformusic.events.registration.RegistrationStatus;

/**
 * The people to print, chosen by the admin list's filter ({@link RegistrationFilterSql},
 * like the export), alphabetical as {@link Attendee#alphabetical()}. A printout has at
 * most a few hundred rows, so they are sorted here, where Spanish collation is at hand,
 * rather than by a database collation that may differ between servers.
 */
@Repository
@Transactional(readOnly = true)
class Attendees {

	private final JdbcClient jdbc;

	Attendees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The registrations of {@code eventId} matching {@code filter}; when the filter names
	 * no status, those in {@code statusesByDefault}.
	 */
	List<Attendee> find(long eventId, RegistrationFilter filter, Set<RegistrationStatus> statusesByDefault) {
		RegistrationFilterSql where = RegistrationFilterSql.of(filter, "r");
		Collection<String> statuses = (filter.status() != null) ? List.of(filter.status().name())
				: statusesByDefault.stream().map(Enum::name).toList();
		return this.jdbc.sql("""
				select r.id, r.full_name, r.company, r.job_title, r.status
				  from registration r
				 where r.event_id = :eventId and r.status in (:statuses) and (%s)
				""".formatted(where.condition()))
			.param("eventId", eventId)
			.param("statuses", statuses)
			.params(where.params())
			.query((rs, n) -> new Attendee(rs.getLong("id"), rs.getString("full_name"), rs.getString("company"),
					rs.getString("job_title"), RegistrationStatus.valueOf(rs.getString("status"))))
			.stream()
			.sorted(Attendee.alphabetical())
			.toList();
	}

}
