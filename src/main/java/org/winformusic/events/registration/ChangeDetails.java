package org.winformusic.events.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a change did to a registration, in the audit trail's stable shape: one
 * {@code name: before -> after} per line, which the admin module reads back in words. The
 * same text whoever made the change, staff or the registrant through their link. A value
 * that spans lines (comments, a long answer) is written on one, its line breaks as
 * spaces, so that each line stays one change.
 */
public final class ChangeDetails {

	/** What the line of a changed answer starts with, before the question's id. */
	public static final String ANSWER = "answer.";

	private ChangeDetails() {
	}

	/**
	 * "status: CONFIRMED -> CANCELLED"; when the change took a check-in away (an undone
	 * check-in, or an erasure: leaving CONFIRMED clears it), also when they had arrived
	 * ({@code checkedInAt=<instant>}), so the log keeps it.
	 */
	public static String status(RegistrationView before, RegistrationView after) {
		String details = "status: " + before.status() + " -> " + after.status();
		if (before.checkedInAt() != null && after.checkedInAt() == null) {
			details += "\ncheckedInAt=" + before.checkedInAt();
		}
		return details;
	}

	/**
	 * "field: before -> after" for each edited field that changed, one per line; empty
	 * when none did.
	 */
	public static String fields(RegistrationView before, RegistrationView after) {
		Map<String, Object[]> fields = new LinkedHashMap<>();
		fields.put("fullName", new Object[] { before.fullName(), after.fullName() });
		fields.put("email", new Object[] { before.email(), after.email() });
		fields.put("company", new Object[] { before.company(), after.company() });
		fields.put("jobTitle", new Object[] { before.jobTitle(), after.jobTitle() });
		fields.put("companyType", new Object[] { before.companyType(), after.companyType() });
		fields.put("state", new Object[] { before.state(), after.state() });
		fields.put("city", new Object[] { before.city(), after.city() });
		fields.put("phone", new Object[] { before.phone(), after.phone() });
		fields.put("associationInterest", new Object[] { before.associationInterest(), after.associationInterest() });
		fields.put("referralSource", new Object[] { before.referralSource(), after.referralSource() });
		fields.put("comments", new Object[] { before.comments(), after.comments() });
		fields.put("newsOptIn", new Object[] { before.newsOptIn(), after.newsOptIn() });
		StringBuilder text = new StringBuilder();
		fields.forEach((name, values) -> line(text, name, values[0], values[1]));
		return text.toString().strip();
	}

	/**
	 * "answer.12: before -> after" for each of these questions (by id, in form order)
	 * whose answer changed, one per line; an answer as the form posts it (the text,
	 * {@code true}/{@code false}, or the chosen choice ids separated by commas), null
	 * when unanswered. Empty when none did.
	 */
	static String answers(List<Long> questionIds, Map<Long, String> before, Map<Long, String> after) {
		StringBuilder text = new StringBuilder();
		for (Long id : questionIds) {
			line(text, ANSWER + id, before.get(id), after.get(id));
		}
		return text.toString().strip();
	}

	private static void line(StringBuilder text, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			text.append(name).append(": ").append(oneLine(before)).append(" -> ").append(oneLine(after)).append('\n');
		}
	}

	/**
	 * One line, with no "->" left inside (it separates before from after when the audit
	 * page reads the line back).
	 */
	private static String oneLine(Object value) {
		return String.valueOf(value).replaceAll("\\s*\\R\\s*", " ").replace("->", "→");
	}

}
