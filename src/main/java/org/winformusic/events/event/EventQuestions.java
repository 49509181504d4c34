package org.winformusic.events.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.winformusic.events.event.QuestionRow.ChoiceRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions an event adds to its registration form ({@code event_question}) and their
 * choices. Read by the registration feature, staff pages and exports; written by the
 * event editor through {@link EventAdministration}. Nothing is deleted: a question or
 * choice taken out of the editor is marked removed, so its answers keep their meaning.
 */
@Service
@Transactional(readOnly = true)
public class EventQuestions {

	private final JdbcClient jdbc;

	private final AnsweredQuestions answered;

	EventQuestions(JdbcClient jdbc, AnsweredQuestions answered) {
		this.jdbc = jdbc;
		this.answered = answered;
	}

	/** Every question of the event, removed ones included, in form order. */
	public List<EventQuestion> all(long eventId) {
		Map<Long, List<EventQuestion.Choice>> choices = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.* from event_question_choice c join event_question q on q.id = c.question_id
				 where q.event_id = ? order by c.position, c.id
				""").param(eventId).query((ResultSet rs) -> {
			choices.computeIfAbsent(rs.getLong("question_id"), (id) -> new ArrayList<>())
				.add(new EventQuestion.Choice(rs.getLong("id"), rs.getInt("position"), rs.getString("label_es"),
						rs.getString("label_en"), rs.getTimestamp("removed_at") != null));
		});
		return this.jdbc.sql("select * from event_question where event_id = ? order by position, id")
			.param(eventId)
			.query((rs, n) -> question(rs, choices.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** The questions the form asks now, each with the choices it offers now. */
	public List<EventQuestion> live(long eventId) {
		return all(eventId).stream()
			.filter((q) -> !q.removed())
			.map((q) -> new EventQuestion(q.id(), q.eventId(), q.position(), q.kind(), q.labelEs(), q.labelEn(),
					q.helpEs(), q.helpEn(), q.required(), false, q.liveChoices()))
			.toList();
	}

	/** The event's live questions as editor rows. */
	List<QuestionRow> rows(long eventId) {
		return live(eventId).stream()
			.map((q) -> new QuestionRow(q.id(), q.kind().name(), q.labelEs(), q.labelEn(), nonNull(q.helpEs()),
					nonNull(q.helpEn()), q.required(),
					q.choices().stream().map((c) -> new ChoiceRow(c.id(), c.labelEs(), c.labelEn())).toList(), null))
			.toList();
	}

	/**
	 * Problems with the posted rows, for the event with this slug (if it exists): among
	 * them, a choice people chose that the rows leave out, unless the row confirms its
	 * removal.
	 */
	Map<String, String> check(String slug, List<QuestionRow> rows) {
		Map<Long, EventQuestion> stored = stored(eventId(slug));
		List<QuestionRow> present = QuestionRow.present(rows);
		return QuestionRules.check(present, stored, this.answered.answered(stored.keySet()), leaving(stored, present));
	}

	/**
	 * The choices people chose that the rows posted for the event with this slug leave
	 * out, by the index of their question's row (none for a new event): what the editor
	 * warns about before they leave the form.
	 */
	public Map<Integer, List<LeavingChoice>> leaving(String slug, List<QuestionRow> rows) {
		return leaving(stored(eventId(slug)), QuestionRow.present(rows));
	}

	private Map<Integer, List<LeavingChoice>> leaving(Map<Long, EventQuestion> stored, List<QuestionRow> rows) {
		Map<Integer, List<EventQuestion.Choice>> left = new LinkedHashMap<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			EventQuestion before = (rows.get(i).id() != null) ? stored.get(rows.get(i).id()) : null;
			if (before == null || !before.kind().hasChoices()) {
				continue;
			}
			Set<Long> kept = new HashSet<>();
			rows.get(i).choices().forEach((c) -> kept.add(c.id()));
			List<EventQuestion.Choice> gone = before.liveChoices()
				.stream()
				.filter((c) -> !kept.contains(c.id()))
				.toList();
			if (!gone.isEmpty()) {
				left.put(i, gone);
				gone.forEach((c) -> ids.add(c.id()));
			}
		}
		Map<Long, Long> chosen = this.answered.chosen(ids);
		Map<Integer, List<LeavingChoice>> leaving = new LinkedHashMap<>();
		left.forEach((row, choices) -> {
			List<LeavingChoice> answered = choices.stream()
				.filter((c) -> chosen.containsKey(c.id()))
				.map((c) -> new LeavingChoice(c, chosen.get(c.id())))
				.toList();
			if (!answered.isEmpty()) {
				leaving.put(row, answered);
			}
		});
		return leaving;
	}

	/**
	 * Stores the posted rows as the event's questions, in their order. Rows whose id is
	 * not a live question of this event are new questions; live questions left out are
	 * marked removed. The kind of an answered question never changes here.
	 */
	@Transactional
	void save(long eventId, List<QuestionRow> posted, Instant now) {
		Map<Long, EventQuestion> stored = stored(Optional.of(eventId));
		Set<Long> answered = this.answered.answered(stored.keySet());
		Set<Long> kept = new HashSet<>();
		int position = 0;
		for (QuestionRow row : QuestionRow.present(posted)) {
			position++;
			EventQuestion before = (row.id() != null) ? stored.get(row.id()) : null;
			QuestionKind kind = (before != null && answered.contains(before.id())) ? before.kind()
					: QuestionKind.of(row.kind());
			long id;
			if (before == null) {
				id = this.jdbc.sql("""
						insert into event_question (event_id, position, kind, label_es, label_en, help_es, help_en,
						    required)
						values (?, ?, ?, ?, ?, ?, ?, ?) returning id
						""")
					.params(eventId, position, kind.name(), strip(row.labelEs()), strip(row.labelEn()),
							blankToNull(row.helpEs()), blankToNull(row.helpEn()), Boolean.TRUE.equals(row.required()))
					.query(Long.class)
					.single();
			}
			else {
				id = before.id();
				this.jdbc.sql("""
						update event_question set position = ?, kind = ?, label_es = ?, label_en = ?, help_es = ?,
						    help_en = ?, required = ?
						 where id = ?
						""")
					.params(position, kind.name(), strip(row.labelEs()), strip(row.labelEn()),
							blankToNull(row.helpEs()), blankToNull(row.helpEn()), Boolean.TRUE.equals(row.required()),
							id)
					.update();
			}
			kept.add(id);
			saveChoices(id, kind.hasChoices() ? row.choices() : List.of(),
					(before != null) ? before.liveChoices() : List.of(), now);
		}
		for (Long id : stored.keySet()) {
			if (!kept.contains(id)) {
				this.jdbc.sql("update event_question set removed_at = ? where id = ?")
					.params(Timestamp.from(now), id)
					.update();
			}
		}
	}

	private void saveChoices(long questionId, List<ChoiceRow> posted, List<EventQuestion.Choice> live, Instant now) {
		Set<Long> liveIds = new HashSet<>();
		live.forEach((c) -> liveIds.add(c.id()));
		Set<Long> kept = new HashSet<>();
		int position = 0;
		for (ChoiceRow choice : posted) {
			position++;
			if (choice.id() != null && liveIds.contains(choice.id())) {
				this.jdbc.sql("update event_question_choice set position = ?, label_es = ?, label_en = ? where id = ?")
					.params(position, strip(choice.labelEs()), strip(choice.labelEn()), choice.id())
					.update();
				kept.add(choice.id());
			}
			else {
				this.jdbc.sql("""
						insert into event_question_choice (question_id, position, label_es, label_en)
						values (?, ?, ?, ?)
						""").params(questionId, position, strip(choice.labelEs()), strip(choice.labelEn())).update();
			}
		}
		for (Long id : liveIds) {
			if (!kept.contains(id)) {
				this.jdbc.sql("update event_question_choice set removed_at = ? where id = ?")
					.params(Timestamp.from(now), id)
					.update();
			}
		}
	}

	/** The live questions of the event, by id (empty for no event). */
	private Map<Long, EventQuestion> stored(Optional<Long> eventId) {
		Map<Long, EventQuestion> stored = new LinkedHashMap<>();
		eventId.ifPresent((id) -> live(id).forEach((q) -> stored.put(q.id(), q)));
		return stored;
	}

	private Optional<Long> eventId(String slug) {
		if (slug == null || slug.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from event where slug = ?").param(slug.strip()).query(Long.class).optional();
	}

	private static EventQuestion question(ResultSet rs, List<EventQuestion.Choice> choices) throws SQLException {
		return new EventQuestion(rs.getLong("id"), rs.getLong("event_id"), rs.getInt("position"),
				QuestionKind.valueOf(rs.getString("kind")), rs.getString("label_es"), rs.getString("label_en"),
				rs.getString("help_es"), rs.getString("help_en"), rs.getBoolean("required"),
				rs.getTimestamp("removed_at") != null, List.copyOf(choices));
	}

	/**
	 * A choice people chose, which the posted rows take off the form.
	 *
	 * @param people how many registrations chose it
	 */
	public record LeavingChoice(EventQuestion.Choice choice, long people) {

		public long id() {
			return this.choice.id();
		}

	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
