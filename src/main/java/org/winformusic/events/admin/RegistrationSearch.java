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
import org.winformusic.events.registration.RegistrationStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registrations of one event, filtered, sorted and paged, for the admin list and the
 * CSV export: one query for the rows and one for the count, whatever the page size. The
 * text search uses {@code registration.search_text} (trigram-indexed) with the same
 * normalization that wrote it, so "jose" finds "José".
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
	 * Every matching registration, all columns of {@code registration r}, in order, one
	 * row at a time (for exports: nothing is held in memory). Runs in a read-only
	 * transaction so PostgreSQL streams with the fetch size.
	 */
	public void stream(long eventId, RegistrationFilter filter, RegistrationSort sort, RowCallbackHandler handler) {
		Where where = where(eventId, filter);
		this.jdbc.sql("select r.* from registration r" + where.sql() + sort.orderBy())
			.params(where.params())
			.withFetchSize(500)
			.query(handler);
	}

	/**
	 * The {@code where} clause (leading space, alias {@code r}) and its named parameters
	 * for a filter, for queries of one's own.
	 */
	public static Where where(long eventId, RegistrationFilter filter) {
		StringBuilder sql = new StringBuilder(" where r.event_id = :eventId");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("eventId", eventId);
		String q = RegistrationFilter.searchable(filter.q());
		if (!q.isEmpty()) {
			sql.append(" and r.search_text like '%' || :q || '%' escape '\\'");
			params.put("q", escapeLike(q));
		}
		if (filter.status() != null) {
			sql.append(" and r.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.companyType() != null) {
			sql.append(" and r.company_type = :companyType");
			params.put("companyType", filter.companyType().name());
		}
		if (filter.state() != null) {
			sql.append(" and r.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.associationInterest() != null) {
			sql.append(" and r.association_interest = :associationInterest");
			params.put("associationInterest", filter.associationInterest().name());
		}
		if (filter.checkedIn() != null) {
			sql.append(filter.checkedIn() ? " and r.checked_in_at is not null" : " and r.checked_in_at is null");
		}
		return new Where(sql.toString(), params);
	}

	/** Escapes LIKE wildcards so searched text matches literally. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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

	/**
	 * A {@code where} clause over {@code registration r} and its named parameters.
	 *
	 * @param sql starts with a space
	 */
	public record Where(String sql, Map<String, Object> params) {

	}

}
