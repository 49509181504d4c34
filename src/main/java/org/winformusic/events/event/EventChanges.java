package org.winformusic.events.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.winformusic.events.event.QuestionRow.ChoiceRow;

/**
 * What an edit did to an event, for the audit trail, in the shape registration edits
 * have: one {@code field: before -> after} per line for each field of the editor that
 * changed, which the admin module reads back in words. Times are the editor's local
 * values with their zone ({@code 2028-03-20T10:00 America/Mexico_City}); an empty value
 * is {@code null}. Long texts show the stretch where they differ ("…de la industria
 * musical en México…"), a list of speakers, partners or questions their names; a change
 * that would not show that way (a speaker's role, a line break) is a line
 * {@code changed=field}; a choice taken off a question is a line
 * {@code choiceRemoved=id}.
 */
final class EventChanges {

	/** Characters of a text kept around the first difference. */
	private static final int EXCERPT = 70;

	/** Characters kept before the first difference, for context. */
	private static final int LEAD = 20;

	private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final StringBuilder lines = new StringBuilder();

	private EventChanges() {
	}

	/** The changed fields, one per line; empty when the edit changed nothing. */
	static String between(EventForm before, EventForm after) {
		EventChanges changes = new EventChanges();
		changes.text("titleEs", before.titleEs(), after.titleEs());
		changes.text("titleEn", before.titleEn(), after.titleEn());
		changes.text("summaryEs", before.summaryEs(), after.summaryEs());
		changes.text("summaryEn", before.summaryEn(), after.summaryEn());
		changes.text("descriptionEs", before.descriptionEs(), after.descriptionEs());
		changes.text("descriptionEn", before.descriptionEn(), after.descriptionEn());
		changes.text("agendaEs", before.agendaEs(), after.agendaEs());
		changes.text("agendaEn", before.agendaEn(), after.agendaEn());
		changes.text("aboutEs", before.aboutEs(), after.aboutEs());
		changes.text("aboutEn", before.aboutEn(), after.aboutEn());
		changes.text("country", before.country(), after.country());
		changes.text("timeZone", before.timeZone(), after.timeZone());
		changes.text("startsAt", zoned(before.startsAt(), before), zoned(after.startsAt(), after));
		changes.text("endsAt", zoned(before.endsAt(), before), zoned(after.endsAt(), after));
		changes.text("venueName", before.venueName(), after.venueName());
		changes.text("venueAddress", before.venueAddress(), after.venueAddress());
		changes.text("venueMapUrl", before.venueMapUrl(), after.venueMapUrl());
		changes.text("capacity", before.capacity(), after.capacity());
		changes.text("registrationOpensAt", zoned(before.registrationOpensAt(), before),
				zoned(after.registrationOpensAt(), after));
		changes.text("registrationClosesAt", zoned(before.registrationClosesAt(), before),
				zoned(after.registrationClosesAt(), after));
		changes.text("requiresApproval", before.requiresApproval(), after.requiresApproval());
		changes.text("published", before.published(), after.published());
		changes.text("retentionDays", before.retentionDays(), after.retentionDays());
		changes.rows("speakers", before.speakers(), after.speakers(), SpeakerRow::name);
		changes.rows("partners", before.partners(), after.partners(), PartnerRow::name);
		List<QuestionRow> kept = changes.removedChoices(before.questions(), after.questions());
		changes.rows("questions", kept, after.questions(), QuestionRow::labelEs);
		return changes.lines.toString().strip();
	}

	/**
	 * A line {@code choiceRemoved=12} for each choice a question still on the form lost
	 * (the admin module names it with its question).
	 * @return the questions before, without those choices: what else changed in them
	 */
	private List<QuestionRow> removedChoices(List<QuestionRow> before, List<QuestionRow> after) {
		Map<Long, Set<Long>> choicesAfter = new HashMap<>();
		after.stream()
			.filter((q) -> q.id() != null)
			.forEach((q) -> choicesAfter.put(q.id(),
					q.choices().stream().map(ChoiceRow::id).collect(Collectors.toSet())));
		return before.stream().map((q) -> {
			Set<Long> still = choicesAfter.get(q.id());
			if (q.id() == null || still == null) {
				return q;
			}
			q.choices()
				.stream()
				.filter((c) -> c.id() != null && !still.contains(c.id()))
				.forEach((c) -> this.lines.append("choiceRemoved=").append(c.id()).append('\n'));
			return q.withChoices(q.choices().stream().filter((c) -> still.contains(c.id())).toList());
		}).toList();
	}

	/**
	 * A time of the editor with the zone it is in ({@code 2028-03-20T10:00
	 * America/Mexico_City}): the log spans events and is read in UTC.
	 */
	private static String zoned(String local, EventForm form) {
		return (local == null || local.isBlank()) ? null : local.strip() + " " + form.timeZone().strip();
	}

	private void text(String field, Object before, Object after) {
		if (Objects.equals(exact(before), exact(after))) {
			return;
		}
		String was = plain(before);
		String is = plain(after);
		if (Objects.equals(was, is)) {
			// Only line breaks or spaces changed (a new paragraph): saved, so recorded.
			this.lines.append("changed=").append(field).append('\n');
			return;
		}
		if (was == null || is == null || (was.length() <= EXCERPT && is.length() <= EXCERPT)) {
			line(field, (was == null) ? null : excerpt(was, 0), (is == null) ? null : excerpt(is, 0));
			return;
		}
		int from = start(was, is);
		String shownBefore = excerpt(was, from);
		String shownAfter = excerpt(is, from);
		if (shownBefore.equals(shownAfter)) {
			this.lines.append("changed=").append(field).append('\n');
		}
		else {
			line(field, shownBefore, shownAfter);
		}
	}

	private <T> void rows(String field, List<T> before, List<T> after, Function<T, String> name) {
		if (before.equals(after)) {
			return;
		}
		String names = before.stream().map(name).map(String::strip).collect(Collectors.joining(", "));
		String newNames = after.stream().map(name).map(String::strip).collect(Collectors.joining(", "));
		if (names.equals(newNames)) {
			this.lines.append("changed=").append(field).append('\n');
		}
		else {
			text(field, names, newNames);
		}
	}

	private void line(String field, String before, String after) {
		this.lines.append(field).append(": ").append(before).append(" -> ").append(after).append('\n');
	}

	/** The value as stored, null for nothing: what decides whether it changed. */
	private static String exact(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString();
	}

	/**
	 * The value on one line: line breaks as " / ", runs of spaces as one; an arrow that
	 * would read as the line's own as "→"; null for nothing.
	 */
	private static String plain(Object value) {
		if (value == null) {
			return null;
		}
		String text = SPACES.matcher(LINE_BREAKS.matcher(value.toString().strip()).replaceAll(" / "))
			.replaceAll(" ")
			.replace("->", "→");
		return text.isEmpty() ? null : text;
	}

	/**
	 * Where the excerpts start: a few words before the first difference, so a change deep
	 * in a long text shows.
	 */
	private static int start(String a, String b) {
		int same = 0;
		while (same < a.length() && same < b.length() && a.charAt(same) == b.charAt(same)) {
			same++;
		}
		int start = Math.max(0, same - LEAD);
		// From a word's start, not from the middle of one.
		int space = a.indexOf(' ', start);
		if (start > 0 && space >= 0 && space < same) {
			start = space + 1;
		}
		return (start > 0 && Character.isLowSurrogate(a.charAt(start))) ? start - 1 : start;
	}

	private static String excerpt(String text, int from) {
		if (from >= text.length()) {
			return "…";
		}
		int end = Math.min(text.length(), from + EXCERPT);
		if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return ((from > 0) ? "…" : "") + text.substring(from, end) + ((end < text.length()) ? "…" : "");
	}

}
