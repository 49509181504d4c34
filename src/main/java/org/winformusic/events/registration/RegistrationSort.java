package org.winformusic.events.registration;

import java.util.Locale;

/**
 * The order of the registrations list: a whitelisted column and a direction. Unknown
 * column names fall back to the registration time, so no request text ever reaches SQL.
 */
public record RegistrationSort(Column column, boolean ascending) {

	/** Newest last: the order people registered in. */
	public static final RegistrationSort DEFAULT = new RegistrationSort(Column.createdAt, true);

	/**
	 * Parses {@code sort} and {@code dir} request parameters ({@code asc}/{@code desc}).
	 */
	public static RegistrationSort of(String sort, String dir) {
		Column column = Column.createdAt;
		if (sort != null) {
			for (Column candidate : Column.values()) {
				if (candidate.name().equalsIgnoreCase(sort.strip())) {
					column = candidate;
				}
			}
		}
		boolean ascending = dir == null || !dir.strip().toLowerCase(Locale.ROOT).equals("desc");
		return new RegistrationSort(column, ascending);
	}

	/** The SQL {@code order by} clause for table alias {@code r}, ties broken by id. */
	String orderBy() {
		return orderBy(true);
	}

	/**
	 * The {@code order by} clause read forwards, or backwards (to fetch the rows before a
	 * keyset cursor, nearest first).
	 */
	String orderBy(boolean forward) {
		String direction = (this.ascending == forward) ? "asc" : "desc";
		return " order by " + this.column.expression + " " + direction + ", r.id " + direction;
	}

	/**
	 * The keyset condition "after the row with this sort key and id" (or before it): the
	 * row comparison the column's index answers, so a deep page costs what the first
	 * does. Parameters {@code :cursor_key} and {@code :cursor_id}.
	 */
	String keysetCondition(boolean forward) {
		String comparison = (this.ascending == forward) ? " > " : " < ";
		return "(" + this.column.expression + ", r.id)" + comparison + "(cast(:cursor_key as " + this.column.type
				+ "), :cursor_id)";
	}

	/**
	 * The sort key of a text column in Spanish alphabetical order, whatever the
	 * database's collation: {@code spanish_sort_key} (V42) compared byte by byte, as its
	 * index is.
	 */
	private static String spanish(String column) {
		return "spanish_sort_key(" + column + ") collate \"C\"";
	}

	public String dir() {
		return this.ascending ? "asc" : "desc";
	}

	/** Sortable columns (the request parameter value is the enum name). */
	public enum Column {

		// Names and companies in Spanish alphabetical order whatever the database's
		// collation (V42): accents and case ignored, ñ after n, keys compared byte by
		// byte.
		name(spanish("r.full_name"), "text"), email("lower(r.email)", "text"), company(spanish("r.company"), "text"),
		status("r.status", "text"), createdAt("r.created_at", "timestamptz"), state("r.state", "text"),
		companyType("r.company_type", "text"), interest("r.association_interest", "text"),
		// Never null, so it can be a keyset key: those not yet in sort after arrivals
		// when ascending, as "nulls last" did (index registration_event_checked_in_idx).
		checkedIn("coalesce(r.checked_in_at, 'infinity'::timestamptz)", "timestamptz");

		private final String expression;

		private final String type;

		Column(String expression, String type) {
			this.expression = expression;
			this.type = type;
		}

		/** The SQL expression of the sort key (table alias {@code r}). */
		String expression() {
			return this.expression;
		}

		/** Whether the key is a point in time (else text). */
		boolean temporal() {
			return "timestamptz".equals(this.type);
		}

	}

}
