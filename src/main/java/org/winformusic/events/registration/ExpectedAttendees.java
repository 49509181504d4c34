package org.winformusic.events.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is expected at an event: its confirmed registrations, and nobody else (a
 * waitlisted, pending, declined or cancelled registrant is not reminded to come, nor
 * someone who has arrived).
 */
@Component
public class ExpectedAttendees {

	private final JdbcClient jdbc;

	ExpectedAttendees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The event reminder due to each confirmed registration of these events that got its
	 * seat before the instant given with its event (when the reminder window opened: a
	 * seat given later came with its own email, with all the reminder says, moments
	 * before) and has not arrived yet: at most {@code limit}, those with an id above
	 * {@code afterId}, by id.
	 */
	@Transactional(readOnly = true)
	public List<RegistrationMessage> reminders(Map<Long, Instant> seatedBefore, long afterId, int limit) {
		if (seatedBefore.isEmpty()) {
			return List.of();
		}
		List<Map.Entry<Long, Instant>> events = List.copyOf(seatedBefore.entrySet());
		return this.jdbc.sql("""
				select r.id, r.event_id, r.locale
				  from registration r
				  join unnest(:events, cast(:seatedBefore as timestamptz[])) as e(id, seated_before)
				    on e.id = r.event_id
				 where r.status = :confirmed and r.confirmed_at < e.seated_before and r.checked_in_at is null
				   and r.id > :after
				 order by r.id limit :limit
				""")
			.param("events", events.stream().mapToLong(Map.Entry::getKey).toArray())
			.param("seatedBefore", events.stream().map((e) -> e.getValue().toString()).toArray(String[]::new))
			.param("confirmed", RegistrationStatus.CONFIRMED.name())
			.param("after", afterId)
			.param("limit", limit)
			.query((rs, n) -> new RegistrationMessage(rs.getLong("id"), rs.getLong("event_id"), rs.getString("locale"),
					RegistrationMessage.Type.EVENT_REMINDER))
			.list();
	}

}
