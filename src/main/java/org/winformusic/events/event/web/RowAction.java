package org.winformusic.events.event.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A row button of the event editor ({@code name="_row"}): {@code add:<list>},
 * {@code remove:<list>:<i>}, {@code up:<list>:<i>}, {@code down:<list>:<i>}, nested as
 * {@code remove:questions:0:choices:1}. Rows are added, removed and reordered without
 * JavaScript: the editor applies the action to the posted form and shows it again. (The
 * shared convention of the editor's row lists; this copy lets the questions section
 * compile on its own until the branches meet.)
 */
final class RowAction {

	private final String verb;

	private final List<String> path;

	private RowAction(String verb, List<String> path) {
		this.verb = verb;
		this.path = path;
	}

	/** The action a button posted, or empty when the value is missing or malformed. */
	static Optional<RowAction> parse(String value) {
		if (value == null || value.isBlank() || value.length() > 100) {
			return Optional.empty();
		}
		List<String> parts = Arrays.asList(value.strip().split(":", -1));
		String verb = parts.get(0);
		if (!List.of("add", "remove", "up", "down").contains(verb) || parts.size() < 2
				|| parts.stream().anyMatch(String::isEmpty)) {
			return Optional.empty();
		}
		List<String> path = List.copyOf(parts.subList(1, parts.size()));
		boolean indexed = !verb.equals("add");
		// add:<list>[:<i>:<list>]..., others end with an index.
		if ((path.size() % 2 == 0) != indexed) {
			return Optional.empty();
		}
		for (int i = 1; i < path.size(); i += 2) {
			if (!path.get(i).matches("\\d{1,4}")) {
				return Optional.empty();
			}
		}
		return Optional.of(new RowAction(verb, path));
	}

	String verb() {
		return this.verb;
	}

	/** The list acted on, first in the path ({@code questions}). */
	String list() {
		return this.path.get(0);
	}

	/** The path after the verb: {@code [questions, 0, choices, 1]}. */
	List<String> path() {
		return this.path;
	}

	/** The index acted on (the path's last part), or -1 for {@code add}. */
	int index() {
		return this.verb.equals("add") ? -1 : Integer.parseInt(this.path.get(this.path.size() - 1));
	}

	/**
	 * The rows after this action, as a new mutable list; an index out of range leaves
	 * them unchanged.
	 */
	<T> List<T> apply(List<T> rows, Supplier<T> blank) {
		List<T> result = new ArrayList<>((rows != null) ? rows : List.of());
		int i = index();
		switch (this.verb) {
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

}
