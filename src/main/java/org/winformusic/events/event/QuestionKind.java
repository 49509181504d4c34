package org.winformusic.events.event;

/** The kinds of question an event can add to its registration form. */
public enum QuestionKind {

	SHORT_TEXT, LONG_TEXT, ONE_CHOICE, MANY_CHOICES, YES_NO;

	/** Whether answers pick from the question's choices. */
	public boolean hasChoices() {
		return this == ONE_CHOICE || this == MANY_CHOICES;
	}

	/** The kind with this name, or null. */
	public static QuestionKind of(String name) {
		for (QuestionKind kind : values()) {
			if (kind.name().equals(name)) {
				return kind;
			}
		}
		return null;
	}

}
