package org.winformusic.events.registration;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.winformusic.events.event.EventQuestion;

/**
 * The question columns of one export (see {@link RegistrationAnswers#EXPORT_JOIN}): one
 * per question of the event, removed ones too. The exact export writes each answer as
 * stored, the same whoever downloads it: the text, {@code true}/{@code false} (as the
 * standard yes/no columns), or the chosen choices' ids in ascending order separated by
 * {@code ,} (the ids the list's {@code choice} filter takes; a choice keeps its id when
 * its wording changes or it is removed). The people export writes them in words.
 */
public final class ExportColumns {

	private final List<EventQuestion> questions;

	private final List<String> headers;

	private final BiFunction<EventQuestion, String, String> written;

	ExportColumns(List<EventQuestion> questions, List<String> headers,
			BiFunction<EventQuestion, String, String> written) {
		this.questions = questions;
		this.headers = headers;
		this.written = written;
	}

	public boolean isEmpty() {
		return this.questions.isEmpty();
	}

	/** The column headers: each question's label in the export's language. */
	public List<String> headers() {
		return this.headers;
	}

	/**
	 * One row's answers in column order, from the arrays of
	 * {@link RegistrationAnswers#EXPORT_JOIN}.
	 */
	public String[] values(ResultSet rs) throws SQLException {
		Map<Long, String> byQuestion = new HashMap<>();
		Array ids = rs.getArray("answer_questions");
		Array texts = rs.getArray("answer_values");
		if (ids != null && texts != null) {
			Object[] questionIds = (Object[]) ids.getArray();
			Object[] values = (Object[]) texts.getArray();
			for (int i = 0; i < questionIds.length; i++) {
				byQuestion.put(((Number) questionIds[i]).longValue(), (String) values[i]);
			}
		}
		String[] row = new String[this.questions.size()];
		for (int i = 0; i < row.length; i++) {
			EventQuestion question = this.questions.get(i);
			String value = byQuestion.get(question.id());
			if (value != null) {
				row[i] = this.written.apply(question, value);
			}
		}
		return row;
	}

	/**
	 * An answer as stored, chosen ids in ascending order (the join's are in any order).
	 */
	static String asStored(EventQuestion question, String value) {
		if (!question.kind().hasChoices()) {
			return value;
		}
		return Arrays.stream(value.split(","))
			.mapToLong(Long::parseLong)
			.sorted()
			.mapToObj(Long::toString)
			.collect(Collectors.joining(","));
	}

}
