package org.winformusic.events.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.winformusic.events.registration.RegistrationSearch.Statement;

/**
 * The statements of {@link RegistrationSearch}: the capped count, and the page read by
 * id, by walking the sort column's index, or from all matches sorted. Every statement
 * uses table alias {@code r}; nothing in it comes from request text but through named
 * parameters.
 */
final class RegistrationListSql {

	private static final String ROW_COLUMNS = "r.id, r.full_name, r.email, r.company, r.company_type, r.state, r.city,"
			+ " r.association_interest, r.status, r.created_at, r.checked_in_at";

	private RegistrationListSql() {
	}

	/**
	 * The page among the rows counted ({@code ids}, at most
	 * {@link RegistrationSearch#EXACT_COUNT_LIMIT}), read by id and sorted; the filter is
	 * checked again, as a row may have changed since it was counted.
	 */
	static Statement byIds(Where where, List<Long> ids, RegistrationSort sort, ListCursor cursor, int page, int size) {
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("ids", arrayLiteral(ids));
		return pageStatement(where.rowByRowSql() + " and r.id = any(cast(:ids as bigint[]))", params, sort, cursor,
				page, size);
	}

	/** The page read in the sort column's index order, the filter checked row by row. */
	static Statement sortIndexWalk(Where where, RegistrationSort sort, ListCursor cursor, int page, int size) {
		return pageStatement(where.rowByRowSql(), new LinkedHashMap<>(where.params()), sort, cursor, page, size);
	}

	/**
	 * The page: {@code size + 1} rows (the extra one tells whether there is a next page)
	 * after (or before) the cursor, or at a bounded offset for an old {@code page} link,
	 * among the rows {@code where} selects, read in the sort column's index order.
	 */
	private static Statement pageStatement(String where, Map<String, Object> params, RegistrationSort sort,
			ListCursor cursor, int page, int size) {
		params.put("limit", size + 1);
		String select = "select " + ROW_COLUMNS + ", " + sort.column().expression() + " as sort_key from registration r"
				+ where;
		if (cursor != null) {
			keyset(params, cursor);
			return new Statement(select + " and " + sort.keysetCondition(cursor.forward())
					+ sort.orderBy(cursor.forward()) + " limit :limit", params);
		}
		params.put("offset", RegistrationSearch.offset(page, size));
		return new Statement(select + sort.orderBy() + " limit :limit offset :offset", params);
	}

	/**
	 * The page among the next {@link RegistrationSearch#WALK_LIMIT} rows of the event in
	 * the sort column's index: enough when the matches are not rare; a page with fewer
	 * than {@code size + 1} rows may mean the walk stopped first.
	 */
	static Statement boundedWalk(Where where, RegistrationSort sort, ListCursor cursor, int size) {
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("limit", size + 1);
		params.put("walk", RegistrationSearch.WALK_LIMIT);
		boolean forward = (cursor == null) || cursor.forward();
		String walk = "select r.* from registration r where r.event_id = :eventId";
		if (cursor != null) {
			keyset(params, cursor);
			walk += " and " + sort.keysetCondition(forward);
		}
		walk += sort.orderBy(forward) + " limit :walk";
		return new Statement("select " + ROW_COLUMNS + ", " + sort.column().expression() + " as sort_key from (" + walk
				+ ") r" + where.rowByRowSql() + sort.orderBy(forward) + " limit :limit", params);
	}

	/**
	 * The page among all matches, found through the filter's indexes and sorted: for
	 * matches too rare for {@link #boundedWalk} (1 389 of 500 000 rows, spread evenly,
	 * took a walk of 18 000 rows and 105 ms for a page of 50).
	 */
	static Statement allMatchesSorted(Where where, RegistrationSort sort, ListCursor cursor, int size) {
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("limit", size + 1);
		boolean forward = (cursor == null) || cursor.forward();
		String matches = "select " + ROW_COLUMNS + ", " + sort.column().expression()
				+ " as sort_key from registration r" + where.sql();
		if (cursor != null) {
			keyset(params, cursor);
			matches += " and " + sort.keysetCondition(forward);
		}
		// The CTE's columns carry the names the sort expressions use (alias r).
		return new Statement(
				"with m as materialized (" + matches + ") select * from m r" + sort.orderBy(forward) + " limit :limit",
				params);
	}

	private static void keyset(Map<String, Object> params, ListCursor cursor) {
		params.put("cursor_key", cursor.key());
		params.put("cursor_id", cursor.id());
	}

	private static String arrayLiteral(List<Long> ids) {
		StringJoiner array = new StringJoiner(",", "{", "}");
		ids.forEach((id) -> array.add(Long.toString(id)));
		return array.toString();
	}

	/**
	 * The ids of at most {@code EXACT_COUNT_LIMIT + 1} matching rows: their number is the
	 * count, and when they are few the page reads them again by id instead of searching
	 * again. The event's whole list (no filter) is read under the limit: every row of the
	 * event matches, so the plan's guess holds. A filter's rows come from a materialized
	 * CTE, read only as far as the limit.
	 */
	static Statement countStatement(Where where) {
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("count_limit", RegistrationSearch.EXACT_COUNT_LIMIT + 1);
		String rows = "select r.id from registration r" + where.sql();
		if (where.filtered()) {
			return new Statement("with m as materialized (" + rows + ") select id from m limit :count_limit", params);
		}
		return new Statement(rows + " limit :count_limit", params);
	}

	/**
	 * The {@code where} clause (leading space, alias {@code r}) and its named parameters,
	 * the filter's region matched in any of its stored spellings {@code regions}
	 * ({@link RegionSpellings}).
	 */
	static Where where(long eventId, RegistrationFilter filter, List<String> regions) {
		RegistrationFilterSql condition = RegistrationFilterSql.of(eventId, filter, regions, "r");
		RegistrationFilterSql rowByRow = RegistrationFilterSql.rowByRow(filter, regions, "r");
		// rowByRow's parameters are a subset of the condition's.
		Map<String, Object> params = new LinkedHashMap<>(condition.params());
		params.put("eventId", eventId);
		return new Where(" where r.event_id = :eventId and " + condition.condition(),
				" where r.event_id = :eventId and " + rowByRow.condition(), params, !condition.selectsAll());
	}

	/**
	 * The {@code where} clause to find the rows ({@code sql}: a search looks up the
	 * event's search keys) and the same checked row by row as a sort index is walked
	 * ({@code rowByRowSql}, {@link RegistrationFilterSql#rowByRow}); {@code params} serve
	 * both.
	 */
	record Where(String sql, String rowByRowSql, Map<String, Object> params, boolean filtered) {

	}

}
