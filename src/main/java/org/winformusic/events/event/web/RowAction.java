package org.winformusic.events.event.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One press of a row button in the event editor, read from its {@code _row} value (see
 * ROWS.md): {@code add:speakers}, {@code remove:speakers:2}, {@code up:partners:1},
 * {@code down:partners:0}, and for nested lists {@code add:questions:0:choices} or
 * {@code remove:questions:1:choices:2}. Without JavaScript, adding, removing and moving a
 * row is a POST of the whole form that comes back changed and saves nothing.
 */
final class RowAction {

	/** verb, then list name, then alternating index and list name; at most 4 digits. */
	private static final Pattern VALUE = Pattern
		.compile("(add|remove|up|down)(:[a-zA-Z]{1,40}:[0-9]{1,4})*:[a-zA-Z]{1,40}(:[0-9]{1,4})?");

	private final List<String> path;

	private RowAction(List<String> path) {
		this.path = path;
	}

	/**
	 * The action a button value names, or empty when the value is null, blank or
	 * malformed. {@code add} ends with a list's name; the other verbs with a row index.
	 */
	static Optional<RowAction> parse(String value) {
		if (value == null || !VALUE.matcher(value).matches()) {
			return Optional.empty();
		}
		List<String> path = List.of(value.split(":"));
		boolean endsWithIndex = Character.isDigit(path.get(path.size() - 1).charAt(0));
		return ("add".equals(path.get(0)) != endsWithIndex) ? Optional.of(new RowAction(path)) : Optional.empty();
	}

	/** The top-level list the button belongs to, e.g. {@code speakers}. */
	String list() {
		return this.path.get(1);
	}

	/**
	 * The whole value split at the colons, verb first:
	 * {@code [remove, questions, 1, choices, 2]}.
	 */
	List<String> path() {
		return this.path;
	}

	/** {@code add}, {@code remove}, {@code up} or {@code down}. */
	String verb() {
		return this.path.get(0);
	}

	/** The row the button acts on (its index in the innermost list), -1 for add. */
	int index() {
		return "add".equals(verb()) ? -1 : Integer.parseInt(this.path.get(this.path.size() - 1));
	}

	/**
	 * The rows after the action, as a new mutable list; an index outside the list, or a
	 * move past either end, leaves them as they were.
	 */
	<T> List<T> apply(List<T> rows, Supplier<T> blank) {
		List<T> result = new ArrayList<>(rows);
		int i = index();
		switch (verb()) {
			case "add" -> result.add(blank.get());
			case "remove" -> {
				if (i < result.size()) {
					result.remove(i);
				}
			}
			case "up" -> {
				if (i > 0 && i < result.size()) {
					result.add(i - 1, result.remove(i));
				}
			}
			default -> {
				if (i + 1 < result.size()) {
					result.add(i + 1, result.remove(i));
				}
			}
		}
		return result;
	}

	/**
	 * Where the affected row is after the action on a list of {@code size} rows before
	 * it: the new row, the moved row, or the row now in the removed one's place (-1 when
	 * none is left).
	 */
	int rowAfter(int size) {
		int i = index();
		return switch (verb()) {
			case "add" -> size;
			case "remove" -> Math.min(i, size - 2);
			case "up" -> (i > 0 && i < size) ? i - 1 : i;
			default -> (i + 1 < size) ? i + 1 : i;
		};
	}

	@Override
	public String toString() {
		return String.join(":", this.path);
	}

}
