package org.winformusic.events.registration;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is expected at an event: its confirmed registrations, and nobody else (a
 * waitlisted, pending, declined or cancelled registrant is not reminded to come).
 */
@Component
public class ExpectedAttendees {

	private final JdbcClient jdbc;

	ExpectedAttendees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The event reminder due to each confirmed registration of these events: at most
	 * {@code limit}, those with an id above {@code afterId}, by id.
	 */
	@Transactional(readOnly = true)
	public List<RegistrationMessage> reminders(List<Long> eventIds, long afterId, int limit) {
		if (eventIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, event_id, locale from registration where event_id = any(:events)"
					+ " and status = :confirmed and id > :after order by id limit :limit")
			.param("events", eventIds.stream().mapToLong(Long::longValue).toArray())
			.param("confirmed", RegistrationStatus.CONFIRMED.name())
			.param("after", afterId)
			.param("limit", limit)
			.query((rs, n) -> new RegistrationMessage(rs.getLong("id"), rs.getLong("event_id"), rs.getString("locale"),
					RegistrationMessage.Type.EVENT_REMINDER))
			.list();
	}

}
