package org.winformusic.events.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One question as the event editor shows and posts it ({@code questions[0].labelEs},
 * ...). {@code id} is the stored question's, null for a new one; {@code kind} is a
 * {@link QuestionKind} name as posted. {@code removalConfirmed} is what the "remove them
 * anyway" box posts: the ids, separated by commas, of the choices people chose that staff
 * confirmed taking off the form ({@link #confirmedRemovals}).
 */
public record QuestionRow(Long id, String kind, String labelEs, String labelEn, String helpEs, String helpEn,
		Boolean required, List<ChoiceRow> choices, String removalConfirmed) {

	public QuestionRow {
		choices = (choices == null) ? List.of() : choices.stream().filter(Objects::nonNull).toList();
	}

	/** A new, empty short-text question. */
	public static QuestionRow blank() {
		return new QuestionRow(null, QuestionKind.SHORT_TEXT.name(), "", "", "", "", false, new ArrayList<>(), null);
	}

	/** The rows as posted, without the gaps an edited index sequence leaves. */
	static List<QuestionRow> present(List<QuestionRow> rows) {
		return (rows == null) ? List.of() : rows.stream().filter(Objects::nonNull).toList();
	}

	/** The same questions as new ones (for a copied event): no ids. */
	static List<QuestionRow> copies(List<QuestionRow> rows) {
		return present(rows).stream()
			.map((q) -> new QuestionRow(null, q.kind(), q.labelEs(), q.labelEn(), q.helpEs(), q.helpEn(), q.required(),
					q.choices().stream().map((c) -> new ChoiceRow(null, c.labelEs(), c.labelEn())).toList(), null))
			.toList();
	}

	/** This row with another list of choices. */
	public QuestionRow withChoices(List<ChoiceRow> list) {
		return new QuestionRow(this.id, this.kind, this.labelEs, this.labelEn, this.helpEs, this.helpEn, this.required,
				list, this.removalConfirmed);
	}

	/** The choice ids in {@code removalConfirmed}; a part that is no id is ignored. */
	public Set<Long> confirmedRemovals() {
		Set<Long> ids = new HashSet<>();
		if (this.removalConfirmed != null) {
			for (String part : this.removalConfirmed.split(",")) {
				if (part.strip().matches("\\d{1,18}")) {
					ids.add(Long.valueOf(part.strip()));
				}
			}
		}
		return ids;
	}

	/** One choice of a question, in both languages; {@code id} null for a new one. */
	public record ChoiceRow(Long id, String labelEs, String labelEn) {

		public static ChoiceRow blank() {
			return new ChoiceRow(null, "", "");
		}

	}

}
