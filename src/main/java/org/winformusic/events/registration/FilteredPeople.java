package org.winformusic.events.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyone of an event that an admin list filter selects, unpaged and unsorted, for the
 * printouts (badges, door list). The condition is the list's and the export's
 * ({@link RegistrationFilterSql}), so a printout holds the rows the list shows, less the
 * erased ones: a row of "—" greets nobody at the door.
 */
@Component
@Transactional(readOnly = true)
public class FilteredPeople {

	private final JdbcClient jdbc;

	FilteredPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Everyone of {@code eventId} the filter selects, in no particular order (a printout
	 * sorts its few hundred rows by name itself); when the filter names no status, those
	 * in {@code statusesByDefault}.
	 */
	public List<Person> find(long eventId, RegistrationFilter filter, Set<RegistrationStatus> statusesByDefault) {
		RegistrationFilterSql where = RegistrationFilterSql.of(eventId, filter,
				RegionSpellings.of(this.jdbc, eventId, filter.state()), "r");
		Collection<String> statuses = (filter.status() != null) ? List.of(filter.status().name())
				: statusesByDefault.stream().map(Enum::name).toList();
		return this.jdbc.sql("""
				select r.id, r.full_name, r.company, r.job_title, r.status, r.checked_in_at
				  from registration r
				 where r.event_id = :eventId and r.status in (:statuses) and r.anonymized_at is null and (%s)
				""".formatted(where.condition()))
			.param("eventId", eventId)
			.param("statuses", statuses)
			.params(where.params())
			.query((rs, n) -> new Person(rs.getLong("id"), rs.getString("full_name"), rs.getString("company"),
					rs.getString("job_title"), RegistrationStatus.valueOf(rs.getString("status")),
					checkedInAt(rs.getTimestamp("checked_in_at"))))
			.list();
	}

	private static Instant checkedInAt(Timestamp at) {
		return (at != null) ? at.toInstant() : null;
	}

	/**
	 * Someone on a badge or a door list, and when they checked in (null while they have
	 * not).
	 */
	public record Person(long id, String fullName, String company, String jobTitle, RegistrationStatus status,
			Instant checkedInAt) {

	}

}
