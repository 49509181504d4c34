package org.winformusic.events.event.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.winformusic.events.event.EventForm;
import org.winformusic.events.event.PartnerRow;
import org.winformusic.events.event.SpeakerRow;

/**
 * A row button pressed in the event editor, applied to the form as typed: the form comes
 * back with the row added, removed or moved, and names the control that gets the focus
 * (the new row's first field, the moved row's button, the row that took a removed one's
 * place, or the add button when none is left).
 */
final class EditorRows {

	private EditorRows() {
	}

	/** The form after the button, and the id of the control to focus (null: none). */
	record Change(EventForm form, String focus) {
	}

	static Change apply(EventForm form, RowAction action) {
		// Speakers and partners are flat lists: a nested path is not theirs.
		boolean flat = action.path().size() <= 3;
		if (flat && "speakers".equals(action.list())) {
			return change(action, form.speakers(), SpeakerRow::blank, (rows) -> form.withPeople(rows, form.partners()));
		}
		if (flat && "partners".equals(action.list())) {
			return change(action, form.partners(), PartnerRow::blank, (rows) -> form.withPeople(form.speakers(), rows));
		}
		return unchanged(form);
	}

	/** The form as typed, as a new object, so the errors of its binding are not shown. */
	static Change unchanged(EventForm form) {
		return new Change(form.withPeople(form.speakers(), form.partners()), null);
	}

	private static <T> Change change(RowAction action, List<T> rows, Supplier<T> blank,
			Function<List<T>, EventForm> into) {
		List<T> after = action.apply(rows, blank);
		String list = action.list();
		if (after.isEmpty()) {
			return new Change(into.apply(after), list + "-add");
		}
		int row = Math.max(0, Math.min(action.rowAfter(rows.size()), after.size() - 1));
		String focus = switch (action.verb()) {
			case "up", "down" -> list + "-" + row + "-" + moveButton(action.verb(), row, after.size());
			default -> list + "-" + row + "-name";
		};
		return new Change(into.apply(after), focus);
	}

	/**
	 * The moved row keeps the focus on the button pressed, or on the other one when it
	 * reached the end where the pressed one is hidden.
	 */
	private static String moveButton(String verb, int row, int size) {
		if (size == 1) {
			return "remove";
		}
		if ("up".equals(verb)) {
			return (row == 0) ? "down" : "up";
		}
		return (row == size - 1) ? "up" : "down";
	}

}
