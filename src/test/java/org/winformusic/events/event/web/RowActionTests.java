package org.winformusic.events.event.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The values of the editor's row buttons, as ROWS.md names them, and what each does. */
class RowActionTests {

	private static final List<String> ROWS = List.of("a", "b", "c");

	@Test
	void eachVerbAddsRemovesOrMovesOneRowAndReturnsANewMutableList() {
		assertThat(apply("add:speakers")).containsExactly("a", "b", "c", "new");
		assertThat(apply("remove:speakers:1")).containsExactly("a", "c");
		assertThat(apply("up:speakers:2")).containsExactly("a", "c", "b");
		assertThat(apply("down:speakers:0")).containsExactly("b", "a", "c");
		List<String> rows = apply("up:speakers:1");
		rows.add("still mutable");
		assertThat(ROWS).containsExactly("a", "b", "c");
	}

	@Test
	void anIndexOutsideTheListOrAMovePastAnEndChangesNothing() {
		assertThat(apply("remove:speakers:3")).containsExactly("a", "b", "c");
		assertThat(apply("up:speakers:0")).containsExactly("a", "b", "c");
		assertThat(apply("down:speakers:2")).containsExactly("a", "b", "c");
		assertThat(apply("up:speakers:9")).containsExactly("a", "b", "c");
	}

	@Test
	void nestedPathsNameTheTopListAndActOnTheInnermostIndex() {
		RowAction action = RowAction.parse("remove:questions:1:choices:2").orElseThrow();
		assertThat(action.list()).isEqualTo("questions");
		assertThat(action.path()).containsExactly("remove", "questions", "1", "choices", "2");
		assertThat(action.apply(ROWS, () -> "new")).containsExactly("a", "b");
		assertThat(RowAction.parse("add:questions:0:choices").orElseThrow().path()).containsExactly("add", "questions",
				"0", "choices");
	}

	@Test
	void nullBlankOrMalformedValuesAreNoAction() {
		for (String value : new String[] { null, "", " ", "add", "add:", "add:speakers:1", "remove:speakers",
				"remove:speakers:x", "up:speakers:-1", "move:speakers:1", "add:speakers ", "remove:speakers:12345",
				"add:questions:0:choices:1:", "ADD:speakers" }) {
			assertThat(RowAction.parse(value)).as(String.valueOf(value)).isEmpty();
		}
	}

	private static List<String> apply(String value) {
		return RowAction.parse(value).orElseThrow().apply(ROWS, () -> "new");
	}

}
