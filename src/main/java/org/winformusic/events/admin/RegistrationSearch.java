package org.winformusic.events.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.MexicanState;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationFilterSql;
import org.winformusic.events.registration.RegistrationStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registrations of one event, filtered, sorted and paged, for the admin list: one
 * query for the rows and one for the count, whatever the page size. The filter is the
 * export's ({@link RegistrationFilterSql}), so "export what I see" exports the same rows.
 */
@Component
@Transactional(readOnly = true)
public class RegistrationSearch {

	private static final String ROW_COLUMNS = "r.id, r.full_name, r.email, r.company, r.company_type, r.state, r.city,"
			+ " r.association_interest, r.status, r.created_at, r.checked_in_at";

	private final JdbcClient jdbc;

	RegistrationSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of rows (0-based {@code page}) and the total matching. */
	public Page<RegistrationRow> search(long eventId, RegistrationFilter filter, RegistrationSort sort, int page,
			int size) {
		Where where = where(eventId, filter);
		long total = this.jdbc.sql("select count(*) from registration r" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<RegistrationRow> rows = this.jdbc
			.sql("select " + ROW_COLUMNS + " from registration r" + where.sql() + sort.orderBy()
					+ " limit :limit offset :offset")
			.params(params)
			.query(RegistrationSearch::row)
			.list();
		return new PageImpl<>(rows, PageRequest.of(page, size), total);
	}

	/**
	 * The {@code where} clause (leading space, alias {@code r}) and its named parameters.
	 */
	private static Where where(long eventId, RegistrationFilter filter) {
		RegistrationFilterSql condition = RegistrationFilterSql.of(filter, "r");
		Map<String, Object> params = new LinkedHashMap<>(condition.params());
		params.put("eventId", eventId);
		return new Where(" where r.event_id = :eventId and " + condition.condition(), params);
	}

	private static RegistrationRow row(ResultSet rs, int n) throws SQLException {
		Timestamp checkedIn = rs.getTimestamp("checked_in_at");
		return new RegistrationRow(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
				rs.getString("company"), CompanyType.valueOf(rs.getString("company_type")),
				MexicanState.valueOf(rs.getString("state")), rs.getString("city"),
				AssociationInterest.valueOf(rs.getString("association_interest")),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				(checkedIn != null) ? checkedIn.toInstant() : null);
	}

	private record Where(String sql, Map<String, Object> params) {

	}

}
