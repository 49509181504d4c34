package org.winformusic.events.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.winformusic.events.shared.SqlLike;

/**
 * A {@link RegistrationFilter} as an SQL condition on the {@code registration} table, so
 * the admin list and the export select exactly the same rows. Use it with named
 * parameters:
 *
 * <pre>
 * RegistrationFilterSql where = RegistrationFilterSql.of(filter, "r");
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

	public RegistrationFilterSql {
		params = Map.copyOf(params);
	}

	/** Whether the condition is the empty filter's, every row. */
	boolean selectsAll() {
		return "true".equals(this.condition);
	}

	/**
	 * The condition for {@code filter}, with columns qualified by {@code alias} (a fixed
	 * table alias such as {@code r}, never user input).
	 */
	static RegistrationFilterSql of(RegistrationFilter filter, String alias) {
		if (!alias.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a table alias: " + alias);
		}
		String column = alias + ".";
		StringJoiner condition = new StringJoiner(" and ");
		Map<String, Object> params = new LinkedHashMap<>();
		String q = RegistrationFilter.searchable(filter.q());
		if (!q.isEmpty()) {
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
		if (filter.state() != null) {
			condition.add(column + "state = :filter_state");
			params.put("filter_state", filter.state());
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
		if (filter.checkedIn() != null) {
			condition.add(column + (filter.checkedIn() ? "checked_in_at is not null" : "checked_in_at is null"));
		}
		return new RegistrationFilterSql((condition.length() == 0) ? "true" : condition.toString(), params);
	}

}
