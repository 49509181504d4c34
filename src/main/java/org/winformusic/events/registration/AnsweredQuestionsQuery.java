package org.winformusic.events.registration;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.winformusic.events.event.AnsweredQuestions;
import org.winformusic.events.event.EventRegistrations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the event editor which questions and choices have answers and whether, and how
 * many, people registered for an event (both live here), and how many a move would tell.
 */
@Component
class AnsweredQuestionsQuery implements AnsweredQuestions, EventRegistrations {

	/** The statuses of {@link RegistrationStatus#active()}. */
	private static final List<String> ACTIVE = Arrays.stream(RegistrationStatus.values())
		.filter(RegistrationStatus::active)
		.map(RegistrationStatus::name)
		.toList();

	private final JdbcClient jdbc;

	AnsweredQuestionsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> answered(Collection<Long> questionIds) {
		if (questionIds.isEmpty()) {
			return Set.of();
		}
		long[] ids = questionIds.stream().mapToLong(Long::longValue).toArray();
		return new HashSet<>(this.jdbc.sql("""
				select question_id from registration_answer where question_id = any(:ids)
				union select question_id from registration_answer_choice where question_id = any(:ids)
				""").param("ids", ids).query(Long.class).list());
	}

	@Override
	public Map<Long, Long> chosen(Collection<Long> choiceIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (choiceIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				select choice_id, count(*) as n from registration_answer_choice where choice_id = any(:ids)
				 group by choice_id
				""").param("ids", choiceIds.stream().mapToLong(Long::longValue).toArray()).query((ResultSet rs) -> {
			counts.put(rs.getLong("choice_id"), rs.getLong("n"));
		});
		return counts;
	}

	@Override
	public boolean anyFor(long eventId) {
		return this.jdbc.sql("select exists (select 1 from registration where event_id = ?)")
			.param(eventId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public int activeFor(long eventId) {
		return this.jdbc.sql("select count(*) from registration where event_id = :event and status in (:active)")
			.param("event", eventId)
			.param("active", ACTIVE)
			.query(Integer.class)
			.single();
	}

	@Override
	public int toTellOfAMove(long eventId) {
		return this.jdbc.sql("select count(*) from registration where " + MovedEventNotices.TOLD)
			.param("event", eventId)
			.query(Integer.class)
			.single();
	}

}
