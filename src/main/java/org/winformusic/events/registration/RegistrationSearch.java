package org.winformusic.events.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registrations of one event that a {@link RegistrationQuery} selects, sorted and
 * paged, for the admin list and the door search ({@link FilteredPeople}: unpaged, for the
 * printouts). The condition is the export's ({@link RegistrationFilterSql}), so "export
 * what I see" exports the same rows.
 * <p>
 * Pages are read by keyset, not OFFSET: the next page is "the rows after the last one
 * shown" in the sort column's index (V5, V9), so page 1 000 costs what page 1 does. The
 * total is counted up to {@link #EXACT_COUNT_LIMIT} rows (exact, and cheap: the count
 * stops there); above it the dashboard's tallies give it when they count that filter
 * (all, a status, the arrivals), else the list says "about N", N being PostgreSQL's
 * estimate, instead of counting half a million rows on every page view.
 * <p>
 * A filter's rows are counted from a materialized CTE: planned for all its rows, not for
 * the first few; when they are few, the page reads the rows counted by their ids (one
 * search, not two). Planned under a {@code LIMIT}, PostgreSQL assumes the matches are
 * spread evenly and walks an index "until it has enough"; when it has guessed wrong
 * (filters on correlated columns, a search that matches nothing among the event's other
 * rows) it walks all of them, a second or more at 500 000 rows. A filter that matches
 * nothing runs no page query at all. When more than {@link #EXACT_COUNT_LIMIT} match, the
 * page walks at most {@link #WALK_LIMIT} rows of the sort index, then reads all matches
 * through the filter's indexes and sorts them.
 */
@Component
@Transactional(readOnly = true)
public class RegistrationSearch {

	/** Totals up to this many rows are exact; larger ones are estimates. */
	static final int EXACT_COUNT_LIMIT = 1_000;

	/**
	 * The furthest an old {@code page=N} link reaches by skipping rows (OFFSET): bounded,
	 * so no link can make the database walk a whole event. Paging on from there uses the
	 * keyset cursor.
	 */
	static final int MAX_OFFSET = 10_000;

	/**
	 * How far a filter's page walks the sort column's index before it reads all the
	 * matches instead: a page of 50 is found within it when at least 1 % of the rows
	 * match.
	 */
	static final int WALK_LIMIT = 5_000;

	private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": (\\d+)");

	private final JdbcClient jdbc;

	private final RegistrationTallies tallies;

	RegistrationSearch(JdbcClient jdbc, RegistrationTallies tallies) {
		this.jdbc = jdbc;
		this.tallies = tallies;
	}

	/**
	 * One page of rows (0-based {@code page}, bounded by {@link #MAX_OFFSET}) and the
	 * total matching, as a Spring Data page; the total may be an estimate above
	 * {@link #EXACT_COUNT_LIMIT}.
	 */
	public Page<RegistrationRow> search(long eventId, RegistrationQuery query, int page, int size) {
		RegistrationList list = list(eventId, query.filter(), query.sort(), null, page, size);
		return new PageImpl<>(list.content(), PageRequest.of(page, size), list.totalElements());
	}

	/**
	 * The page that {@code cursor} (the text of a {@link RegistrationList}'s previous or
	 * next cursor) points to, or (without one) page {@code page} of the list; with
	 * {@code cursor} and {@code page} both absent, the first page. A cursor that does not
	 * parse, or was made for another sort, is ignored.
	 */
	public RegistrationList list(long eventId, RegistrationQuery query, String cursor, int page, int size) {
		return list(eventId, query.filter(), query.sort(), ListCursor.decode(cursor, query.sort()), page, size);
	}

	RegistrationList list(long eventId, RegistrationFilter filter, RegistrationSort sort, ListCursor cursor, int page,
			int size) {
		planForTheValues();
		Planned planned = plan(eventId, filter, sort, cursor, page, size);
		Total total = planned.total();
		List<Keyed> rows = List.of();
		if (planned.page() != null) {
			rows = rows(planned.page(), sort);
			if (rows.size() <= size && planned.fallback() != null) {
				rows = rows(planned.fallback(), sort);
			}
		}
		boolean more = rows.size() > size;
		if (more) {
			rows = new ArrayList<>(rows.subList(0, size));
		}
		long firstRow;
		boolean hasPrevious;
		boolean hasNext;
		if (cursor == null) {
			firstRow = offset(page, size);
			hasPrevious = firstRow > 0;
			hasNext = more;
		}
		else if (cursor.forward()) {
			firstRow = cursor.row() + 1;
			hasPrevious = true;
			hasNext = more;
		}
		else {
			rows = new ArrayList<>(rows);
			Collections.reverse(rows);
			hasPrevious = more;
			hasNext = true;
			firstRow = more ? Math.max(1, cursor.row() - rows.size()) : 0;
		}
		ListCursor previous = null;
		ListCursor next = null;
		if (!rows.isEmpty()) {
			Keyed first = rows.get(0);
			Keyed last = rows.get(rows.size() - 1);
			if (hasPrevious) {
				previous = new ListCursor(sort, false, first.row().id(), first.key(), firstRow);
			}
			if (hasNext) {
				next = new ListCursor(sort, true, last.row().id(), last.key(), firstRow + rows.size() - 1);
			}
		}
		return new RegistrationList(rows.stream().map(Keyed::row).toList(), total.count(), total.exact(), firstRow,
				size, (previous != null) ? previous.encode() : null, (next != null) ? next.encode() : null);
	}

	/**
	 * Plans this transaction's statements for their parameters' values, every time. The
	 * driver prepares a statement run often on a connection, and after a few runs
	 * PostgreSQL may switch to one generic plan for any values: it then guesses
	 * {@code event_id = $1} from the number of events (610 rows where 500 000 matched,
	 * with 960 small events beside a 500 000-row one) and reads the event's whole
	 * {@code event_id} index to intersect it with the search index: 78 ms instead of 15
	 * for a search there. A list view runs three or four statements, so planning each
	 * costs little.
	 */
	private void planForTheValues() {
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	private List<Keyed> rows(Statement statement, RegistrationSort sort) {
		return this.jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> keyed(rs, sort)).list();
	}

	/**
	 * The statements a page of the list may run (the capped count, the page unless
	 * nothing matched, and the page read instead when a bounded walk falls short), as
	 * {@link #list} runs them: the query-plan test explains these.
	 */
	List<Statement> statements(long eventId, RegistrationFilter filter, RegistrationSort sort, ListCursor cursor,
			int page, int size) {
		Planned planned = plan(eventId, filter, sort, cursor, page, size);
		List<Statement> statements = new ArrayList<>(List.of(planned.count()));
		if (planned.page() != null) {
			statements.add(planned.page());
		}
		if (planned.fallback() != null) {
			statements.add(planned.fallback());
		}
		return statements;
	}

	/**
	 * Counts the matching rows and chooses the page's statement from the count: none when
	 * nothing matched, the few counted read again by their ids, else the sort index
	 * walked; for a filter, that walk is bounded and followed, when it found too few
	 * rows, by reading all matches through the filter's indexes.
	 */
	private Planned plan(long eventId, RegistrationFilter filter, RegistrationSort sort, ListCursor cursor, int page,
			int size) {
		RegistrationListSql.Where where = RegistrationListSql.where(eventId, filter,
				RegionSpellings.of(this.jdbc, eventId, filter.state()));
		Statement count = RegistrationListSql.countStatement(where);
		List<Long> ids = this.jdbc.sql(count.sql()).params(count.params()).query(Long.class).list();
		if (ids.size() <= EXACT_COUNT_LIMIT) {
			Statement byId = ids.isEmpty() ? null : RegistrationListSql.byIds(where, ids, sort, cursor, page, size);
			return new Planned(new Total(ids.size(), true), count, byId, null);
		}
		Total total = tallied(eventId, filter);
		if (total == null) {
			total = estimate(where);
		}
		if (!where.filtered() || (cursor == null && page > 0)) {
			// Every row of the event matches, or an old page link (bounded offset).
			return new Planned(total, count, RegistrationListSql.sortIndexWalk(where, sort, cursor, page, size), null);
		}
		return new Planned(total, count, RegistrationListSql.boundedWalk(where, sort, cursor, size),
				RegistrationListSql.allMatchesSorted(where, sort, cursor, size));
	}

	static long offset(int page, int size) {
		return Math.min((long) page * size, MAX_OFFSET);
	}

	/**
	 * The exact total of a filter the dashboard's tallies count (all of the event's
	 * registrations, one status, the arrivals), so that the list agrees with the
	 * dashboard; null for any other filter.
	 */
	private Total tallied(long eventId, RegistrationFilter filter) {
		boolean arrived = Boolean.TRUE.equals(filter.checkedIn());
		if (filter.q() != null || filter.companyType() != null || filter.state() != null
				|| filter.associationInterest() != null || filter.choice() != null || filter.yesNo() != null
				|| (filter.checkedIn() != null && !arrived)
				|| (arrived && filter.status() != null && filter.status() != RegistrationStatus.CONFIRMED)) {
			return null;
		}
		RegistrationTallies.Tally tally = this.tallies.listed(List.of(eventId)).get(eventId);
		long count = arrived ? tally.checkedIn()
				: (filter.status() != null) ? tally.byStatus().getOrDefault(filter.status(), 0L)
						: tally.byStatus().values().stream().mapToLong(Long::longValue).sum();
		return new Total(count, true);
	}

	/**
	 * More than {@link #EXACT_COUNT_LIMIT} rows match and no tally counts them: the
	 * planner's estimate, never below the limit.
	 */
	private Total estimate(RegistrationListSql.Where where) {
		String plan = this.jdbc.sql("explain (format json) select 1 from registration r" + where.rowByRowSql())
			.params(where.params())
			.query(String.class)
			.single();
		Matcher rows = PLAN_ROWS.matcher(plan);
		long estimate = rows.find() ? Long.parseLong(rows.group(1)) : 0;
		return new Total(Math.max(estimate, EXACT_COUNT_LIMIT + 1L), false);
	}

	private static Keyed keyed(ResultSet rs, RegistrationSort sort) throws SQLException {
		RegistrationRow row = row(rs, 0);
		String key = switch (sort.column()) {
			case createdAt -> ListCursor.timeKey(row.createdAt());
			case checkedIn -> ListCursor.timeKey(row.checkedInAt());
			default -> rs.getString("sort_key");
		};
		return new Keyed(row, key);
	}

	static RegistrationRow row(ResultSet rs, int n) throws SQLException {
		Timestamp checkedIn = rs.getTimestamp("checked_in_at");
		return new RegistrationRow(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
				rs.getString("company"), CompanyType.valueOf(rs.getString("company_type")), rs.getString("state"),
				rs.getString("city"), AssociationInterest.valueOf(rs.getString("association_interest")),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				(checkedIn != null) ? checkedIn.toInstant() : null);
	}

	/** An SQL statement with named parameters. */
	record Statement(String sql, Map<String, Object> params) {

	}

	private record Keyed(RegistrationRow row, String key) {

	}

	private record Total(long count, boolean exact) {

	}

	/**
	 * A page's statements: the count it ran, the page (null when nothing matched), and
	 * the page to read instead when that one found fewer rows than a page (null when it
	 * cannot).
	 */
	private record Planned(Total total, Statement count, Statement page, Statement fallback) {

	}

}
