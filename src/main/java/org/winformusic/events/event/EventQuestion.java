package org.winformusic.events.event;

import java.util.List;
import java.util.Locale;

/**
 * A question of an event's registration form, as other features read it: the form, the
 * answer checks, staff pages and exports. {@code removed} questions no longer appear on
 * the form; their answers stay until the registrations are anonymized.
 */
public record EventQuestion(long id, long eventId, int position, QuestionKind kind, String labelEs, String labelEn,
		String helpEs, String helpEn, boolean required, boolean removed, List<Choice> choices) {

	/** The label in the reader's language (Spanish unless English). */
	public String label(Locale locale) {
		return english(locale) ? this.labelEn : this.labelEs;
	}

	/** The help text in the reader's language, or null. */
	public String help(Locale locale) {
		String help = english(locale) ? this.helpEn : this.helpEs;
		return (help == null || help.isBlank()) ? null : help;
	}

	/** The choices still offered on the form. */
	public List<Choice> liveChoices() {
		return this.choices.stream().filter((c) -> !c.removed()).toList();
	}

	/** The form field this question's answer is posted as, e.g. {@code q12}. */
	public String fieldName() {
		return "q" + this.id;
	}

	static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	/** One choice of a question. */
	public record Choice(long id, int position, String labelEs, String labelEn, boolean removed) {

		public String label(Locale locale) {
			return english(locale) ? this.labelEn : this.labelEs;
		}

	}

}
