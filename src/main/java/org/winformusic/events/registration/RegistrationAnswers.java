package org.winformusic.events.registration;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.winformusic.events.event.EventQuestion;
import org.winformusic.events.event.EventQuestions;
import org.winformusic.events.event.QuestionKind;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers to an event's own questions as other features read them: the manage and
 * staff pages, the data download, the dashboard's breakdown of choice and yes/no
 * questions and the export's extra columns (the list's filters: {@link AnswerFilters}).
 * Answers are written with the registration they belong to (see
 * {@link PublicRegistrations}, {@link SelfService}).
 */
@Service
@Transactional(readOnly = true)
public class RegistrationAnswers {

	/**
	 * A lateral join giving each row of {@code registration r} its answers as two aligned
	 * arrays: {@code answer_questions} (question ids) and {@code answer_values} (the
	 * text, {@code true}/{@code false}, or chosen choice ids separated by commas). Read
	 * them with {@link ExportColumns#values}.
	 */
	public static final String EXPORT_JOIN = """
			left join lateral (
			    select array_agg(a.question_id) as answer_questions, array_agg(a.v) as answer_values
			      from (select question_id, coalesce(text_value, yes_no::text) as v
			              from registration_answer where registration_id = r.id
			            union all
			            select question_id, string_agg(choice_id::text, ',')
			              from registration_answer_choice where registration_id = r.id group by question_id) a
			) answers on true
			""";

	private final JdbcClient jdbc;

	private final EventQuestions questions;

	private final MessageSource messages;

	private final RegistrationTallies tallies;

	RegistrationAnswers(JdbcClient jdbc, EventQuestions questions, MessageSource messages,
			RegistrationTallies tallies) {
		this.jdbc = jdbc;
		this.questions = questions;
		this.messages = messages;
		this.tallies = tallies;
	}

	/**
	 * The registration's answers in the event's question order, in {@code locale}: every
	 * question the form asks (unanswered ones with a null value), and removed questions
	 * that were answered when {@code withRemoved}.
	 */
	public List<AnswerView> of(long registrationId, long eventId, Locale locale, boolean withRemoved) {
		Map<Long, List<String>> stored = formValues(registrationId);
		List<AnswerView> answers = new ArrayList<>();
		for (EventQuestion question : this.questions.all(eventId)) {
			List<String> values = stored.get(question.id());
			if (question.removed() && (values == null || !withRemoved)) {
				continue;
			}
			answers.add(new AnswerView(question.id(), question.label(locale),
					(values != null) ? display(question, values, locale) : null, question.removed()));
		}
		return answers;
	}

	/**
	 * The stored answers as the form posts them, by question id: the text,
	 * {@code true}/{@code false}, or the chosen choice ids.
	 */
	public Map<Long, List<String>> formValues(long registrationId) {
		Map<Long, List<String>> values = new LinkedHashMap<>();
		this.jdbc.sql("""
				select question_id, coalesce(text_value, yes_no::text) as v from registration_answer
				 where registration_id = :id
				union all
				select question_id, choice_id::text from registration_answer_choice where registration_id = :id
				""").param("id", registrationId).query((ResultSet rs) -> {
			values.computeIfAbsent(rs.getLong("question_id"), (k) -> new ArrayList<>()).add(rs.getString("v"));
		});
		return values;
	}

	/**
	 * How many of those who may come (pending, confirmed, waitlisted) chose each choice,
	 * for every choice question the form asks, and answered yes, no or nothing to each
	 * yes/no question, in form order (from {@link RegistrationTallies}); a choice removed
	 * from the form since is counted after the others, marked, while anyone still has it.
	 */
	public List<ChoiceBreakdown> breakdowns(long eventId, Locale locale) {
		List<EventQuestion> asked = this.questions.all(eventId)
			.stream()
			.filter((q) -> !q.removed() && (q.kind().hasChoices() || q.kind() == QuestionKind.YES_NO))
			.toList();
		if (asked.isEmpty()) {
			return List.of();
		}
		RegistrationTallies.Tally tally = this.tallies.of(eventId);
		long total = tally.mayCome();
		Map<Long, Long> counts = tally.byChoice();
		return asked.stream()
			.map((q) -> new ChoiceBreakdown(q.label(locale), total,
					(q.kind() == QuestionKind.YES_NO) ? yesNoCounts(q, tally, locale)
							: q.choices()
								.stream()
								.filter((c) -> !c.removed() || counts.getOrDefault(c.id(), 0L) > 0)
								.sorted(Comparator.comparing(EventQuestion.Choice::removed))
								.map((c) -> new ChoiceCount(choiceLabel(c, locale, this.messages),
										counts.getOrDefault(c.id(), 0L), total))
								.toList()))
			.toList();
	}

	/** Yes, no, and those who may come who gave neither (not asked, or left it blank). */
	private List<ChoiceCount> yesNoCounts(EventQuestion question, RegistrationTallies.Tally tally, Locale locale) {
		long total = tally.mayCome();
		long yes = tally.answered(question.id(), true);
		long no = tally.answered(question.id(), false);
		return List.of(new ChoiceCount(this.messages.getMessage("questions.answer.true", null, locale), yes, total),
				new ChoiceCount(this.messages.getMessage("questions.answer.false", null, locale), no, total),
				new ChoiceCount(this.messages.getMessage("questions.answer.none", null, locale),
						Math.max(0, total - yes - no), total));
	}

	/**
	 * The export's question columns for an event: every question, removed ones too, in
	 * form order, headed by its label in {@code locale}; the answers as stored, or in
	 * words in {@code locale} when {@code inWords}.
	 */
	public ExportColumns exportColumns(long eventId, Locale locale, boolean inWords) {
		List<EventQuestion> all = this.questions.all(eventId);
		return new ExportColumns(all, all.stream().map((q) -> q.label(locale)).toList(),
				inWords ? (q, value) -> inWords(q, value, locale) : ExportColumns::asStored);
	}

	/**
	 * A changed answer as the history shows it: the question's label and both answers in
	 * words (null when unanswered), from the values of its audit line
	 * ({@link ChangeDetails#answers}); empty when the event has no such question.
	 */
	public Optional<AnswerChange> changeInWords(long eventId, long questionId, String before, String after,
			Locale locale) {
		return this.questions.all(eventId)
			.stream()
			.filter((q) -> q.id() == questionId)
			.findFirst()
			.map((q) -> new AnswerChange(q.label(locale), answered(before) ? inWords(q, before, locale) : null,
					answered(after) ? inWords(q, after, locale) : null));
	}

	/** An audit line's value: "null" stands for no answer. */
	private static boolean answered(String value) {
		return value != null && !value.equals("null");
	}

	/**
	 * An answer stored as one value (the chosen choice ids separated by commas) in words.
	 */
	String inWords(EventQuestion question, String value, Locale locale) {
		return display(question, question.kind().hasChoices() ? List.of(value.split(",")) : List.of(value), locale);
	}

	private String display(EventQuestion question, List<String> values, Locale locale) {
		return switch (question.kind()) {
			case YES_NO -> this.messages.getMessage("questions.answer." + values.get(0), null, locale);
			case ONE_CHOICE, MANY_CHOICES -> {
				Map<String, EventQuestion.Choice> byId = question.choices()
					.stream()
					.collect(Collectors.toMap((c) -> Long.toString(c.id()), (c) -> c));
				yield values.stream()
					.map(byId::get)
					.filter((c) -> c != null)
					.sorted(Comparator.comparingInt(EventQuestion.Choice::position))
					.map((c) -> choiceLabel(c, locale, this.messages))
					.collect(Collectors.joining(", "));
			}
			default -> values.get(0);
		};
	}

	/**
	 * A choice's label; one removed from the form since is marked so ("Electrónica (ya no
	 * está en el formulario)").
	 */
	static String choiceLabel(EventQuestion.Choice choice, Locale locale, MessageSource messages) {
		return choice.removed()
				? choice.label(locale) + " " + messages.getMessage("questions.removedMark", null, locale)
				: choice.label(locale);
	}

	/**
	 * One answer as a page shows it.
	 *
	 * @param value the answer in words, or null when not answered
	 * @param removed whether the question was removed from the form since
	 */
	public record AnswerView(long questionId, String label, String value, boolean removed) {
	}

	/** A changed answer in words: the question, and the answer before and after it. */
	public record AnswerChange(String label, String before, String after) {
	}

	/**
	 * A choice question and how many of the {@code total} who may come chose each of its
	 * choices.
	 */
	public record ChoiceBreakdown(String label, long total, List<ChoiceCount> choices) {
	}

	public record ChoiceCount(String label, long count, long total) {

		public long percent() {
			return (this.total == 0) ? 0 : Math.round(100.0 * this.count / this.total);
		}

	}

}
