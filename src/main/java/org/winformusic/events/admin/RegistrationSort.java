package org.winformusic.events.admin;

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
	public String orderBy() {
		String direction = this.ascending ? "asc" : "desc";
		return " order by " + this.column.expression + " " + direction + ", r.id " + direction;
	}

	public String dir() {
		return this.ascending ? "asc" : "desc";
	}

	/** Sortable columns (the request parameter value is the enum name). */
	public enum Column {

		name("lower(r.full_name)"), email("lower(r.email)"), company("lower(r.company)"), status("r.status"),
		createdAt("r.created_at"), state("r.state"), companyType("r.company_type"), interest("r.association_interest"),
		checkedIn("r.checked_in_at");

		private final String expression;

		Column(String expression) {
			this.expression = expression;
		}

	}

}
