package org.winformusic.events.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.winformusic.events.shared.SqlLike;

/**
 * A {@link RegistrationFilter} as an SQL condition on the {@code registration} table, so
 * the admin list and the export select exactly the same rows. Use it with named
 * parameters:
 *
 * <pre>
 * RegistrationFilterSql where = RegistrationFilterSql.of(eventId, filter, "r");
 * jdbc.sql("select ... from registration r where r.event_id = :eventId and " + where.condition())
 * 	.param("eventId", eventId)
 * 	.params(where.params())
 * </pre>
 *
 * Parameter names start with {@code filter_} so they do not clash with the caller's.
 *
 * @param condition a boolean SQL expression ({@code true} when the filter is empty),
 * never containing user input
 * @param params the values of the named parameters in {@code condition}
 */
record RegistrationFilterSql(String condition, Map<String, Object> params) {

	/**
	 * Three letters or digits in a row (searchable text is lower case; other scripts are
	 * word characters only in some database locales): a search containing none has no
	 * trigram to look up (an empty key set would make PostgreSQL read the whole index),
	 * so it is answered by the LIKE alone over the event's rows.
	 */
	private static final Pattern INDEXED_WORD = Pattern.compile("[a-z0-9]{3}");

	public RegistrationFilterSql {
		params = Map.copyOf(params);
	}

	/** Whether the condition is the empty filter's, every row. */
	boolean selectsAll() {
		return "true".equals(this.condition);
	}

	/**
	 * The condition for {@code filter} on the registrations of {@code eventId}, with
	 * columns qualified by {@code alias} (a fixed table alias such as {@code r}, never
	 * user input). A search finds its rows in that event's part of the search index,
	 * narrowed there by the filter's status, type, state and interest (V22, V23).
	 */
	static RegistrationFilterSql of(long eventId, RegistrationFilter filter, String alias) {
		return of(eventId, filter, List.of(), alias);
	}

	/**
	 * The same, a region filtered by any of {@code regions} (its stored spellings,
	 * {@link RegionSpellings}); the filter's region as typed when empty.
	 */
	static RegistrationFilterSql of(long eventId, RegistrationFilter filter, List<String> regions, String alias) {
		return of(filter, regions, alias, eventId);
	}

	/**
	 * The condition for {@code filter} checked on each row as it is read in another
	 * index's order (the list walking its sort index until a page is full), a region
	 * filtered by any of {@code regions} as in
	 * {@link #of(long, RegistrationFilter, List, String)}: a search is its LIKE alone.
	 * PostgreSQL estimates the LIKE from the column's statistics, but not the search keys
	 * (it guessed 600 rows where 100 000 matched, and chose to read and sort all of them
	 * instead of walking the sort index).
	 */
	static RegistrationFilterSql rowByRow(RegistrationFilter filter, List<String> regions, String alias) {
		return of(filter, regions, alias, null);
	}

	private static RegistrationFilterSql of(RegistrationFilter filter, List<String> regions, String alias,
			Long eventId) {
		if (!alias.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a table alias: " + alias);
		}
		String column = alias + ".";
		StringJoiner condition = new StringJoiner(" and ");
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> states = (filter.state() == null) ? List.of()
				: regions.isEmpty() ? List.of(filter.state()) : regions;
		String q = RegistrationFilter.searchable(filter.q());
		if (!q.isEmpty()) {
			if (eventId != null && INDEXED_WORD.matcher(q).find()) {
				// The event's index entries with q's trigrams and the filter's
				// values; the conditions below decide.
				List<String> filterKeys = filterKeys(eventId, filter, states);
				String keys = "registration_search_keys(:filter_event_id, :filter_words)";
				if (!filterKeys.isEmpty()) {
					keys = "(" + keys + " || cast(array[:filter_keys] as text[]))";
					params.put("filter_keys", filterKeys);
				}
				condition.add("registration_list_keys(" + column + "event_id, " + column + "search_text, " + column
						+ "company_type, " + column + "state, " + column + "association_interest, " + column
						+ "status) @> " + keys);
				params.put("filter_event_id", eventId);
				params.put("filter_words", q);
			}
			// search_text holds searchable(name + email + company); LIKE wildcards typed
			// by staff are searched for literally.
			condition.add(column + "search_text like '%' || :filter_q || '%' escape '\\'");
			params.put("filter_q", SqlLike.escape(q));
		}
		if (filter.status() != null) {
			condition.add(column + "status = :filter_status");
			params.put("filter_status", filter.status().name());
		}
		if (filter.companyType() != null) {
			condition.add(column + "company_type = :filter_company_type");
			params.put("filter_company_type", filter.companyType().name());
		}
		if (states.size() == 1) {
			condition.add(column + "state = :filter_state");
			params.put("filter_state", states.get(0));
		}
		else if (!states.isEmpty()) {
			// A region stored in several spellings: one probe of the state index each.
			condition.add(column + "state in (:filter_states)");
			params.put("filter_states", states);
		}
		if (filter.associationInterest() != null) {
			condition.add(column + "association_interest = :filter_association_interest");
			params.put("filter_association_interest", filter.associationInterest().name());
		}
		if (filter.choice() != null) {
			// Led by the answer index (choice_id, registration_id).
			condition.add(column + "id in (select a.registration_id from registration_answer_choice a"
					+ " where a.choice_id = :filter_choice)");
			params.put("filter_choice", filter.choice());
		}
		if (filter.yesNo() != null) {
			// Led by the answer index (question_id, yes_no, registration_id) of V55.
			condition.add(column + "id in (select a.registration_id from registration_answer a"
					+ " where a.question_id = :filter_yes_no_question and a.yes_no = :filter_yes_no)");
			params.put("filter_yes_no_question", filter.yesNo().questionId());
			params.put("filter_yes_no", filter.yesNo().yes());
		}
		if (filter.checkedIn() != null) {
			condition.add(column + (filter.checkedIn() ? "checked_in_at is not null" : "checked_in_at is null"));
		}
		return new RegistrationFilterSql((condition.length() == 0) ? "true" : condition.toString(), params);
	}

	/**
	 * The index keys (V23) of the filter's single-valued columns, so that a search
	 * combined with them is narrowed inside the index: "distributors matching 'discos'"
	 * fetched and dropped the 50 000 rows matching 'discos' in a 500 000-row event.
	 */
	private static List<String> filterKeys(long eventId, RegistrationFilter filter, List<String> states) {
		List<String> keys = new ArrayList<>();
		if (filter.status() != null) {
			keys.add(eventId + ":s:" + filter.status().name());
		}
		if (filter.companyType() != null) {
			keys.add(eventId + ":t:" + filter.companyType().name());
		}
		if (states.size() == 1) {
			// A region of several spellings has no one key: its rows are decided below.
			keys.add(eventId + ":e:" + states.get(0));
		}
		if (filter.associationInterest() != null) {
			keys.add(eventId + ":i:" + filter.associationInterest().name());
		}
		return keys;
	}

}
