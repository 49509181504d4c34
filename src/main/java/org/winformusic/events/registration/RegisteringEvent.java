package org.winformusic.events.registration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the registering hot path needs of an event, read in one query: whether its form
 * takes registrations now, and the context its form is checked in.
 */
public record RegisteringEvent(long id, boolean published, boolean requiresApproval, Instant opensAt, Instant closesAt,
		Instant startsAt, String country, boolean hasQuestions) {

	static Optional<RegisteringEvent> find(JdbcClient jdbc, String slug) {
		if (slug == null || slug.length() > 80) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id, published, requires_approval, registration_opens_at, registration_closes_at, starts_at,
				       country,
				       exists (select 1 from event_question q where q.event_id = event.id and q.removed_at is null)
				           as has_questions
				  from event where slug = ?
				""")
			.param(slug)
			.query((rs, n) -> new RegisteringEvent(rs.getLong("id"), rs.getBoolean("published"),
					rs.getBoolean("requires_approval"),
					instant(rs.getObject("registration_opens_at", OffsetDateTime.class)),
					instant(rs.getObject("registration_closes_at", OffsetDateTime.class)),
					instant(rs.getObject("starts_at", OffsetDateTime.class)), rs.getString("country"),
					rs.getBoolean("has_questions")))
			.optional();
	}

	/** The same rule as {@code EventInfo.registrationWindow}: open and published. */
	public boolean open(Instant now) {
		if (!this.published || (this.opensAt != null && now.isBefore(this.opensAt))) {
			return false;
		}
		return now.isBefore((this.closesAt != null) ? this.closesAt : this.startsAt);
	}

	/** What the registration form of this event is checked against. */
	public FormContext formContext() {
		return new FormContext(this.id, this.country, this.hasQuestions, true);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
