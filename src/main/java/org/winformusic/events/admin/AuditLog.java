package org.winformusic.events.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.shared.Audited;
import org.winformusic.events.shared.SqlLike;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: who did what, when, to which event or registration. A row is written
 * in the transaction of the change it describes, so one never exists without the other.
 * Details (before/after of edited fields) stay in the database, never in log lines.
 */
@Component
class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an action in the caller's transaction (or its own when there is none).
	 * @param actor a staff email, {@code "token:<name>"} or {@link Audited#SYSTEM}
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	void record(String actor, String action, Long eventId, Long registrationId, String details, String ip) {
		this.jdbc
			.sql("insert into audit_log (at, actor, action, event_id, registration_id, details, ip)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(Timestamp.from(this.clock.instant()), actor, action, eventId, registrationId, details, ip)
			.update();
	}

	/**
	 * Records an action by the logged-in staff user, from the current request's address.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	void recordForCurrentUser(String action, Long eventId, Long registrationId, String details) {
		record(Audited.currentActor(), action, eventId, registrationId, details, currentIp());
	}

	/** Records what the other modules publish, in their transaction. */
	@EventListener
	void on(Audited entry) {
		if (entry.actor() == null) {
			recordForCurrentUser(entry.action(), entry.eventId(), entry.registrationId(), entry.details());
		}
		else {
			record(entry.actor(), entry.action(), entry.eventId(), entry.registrationId(), entry.details(), entry.ip());
		}
	}

	static String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/** The trail of one registration, oldest first. */
	@Transactional(readOnly = true)
	List<Entry> forRegistration(long registrationId) {
		return this.jdbc.sql("select * from audit_log where registration_id = ? order by at, id")
			.param(registrationId)
			.query(AuditLog::entry)
			.list();
	}

	/**
	 * A page of the log, newest first, filtered by what is not null; {@code actor} is
	 * part of a stored actor, or the actor is one of {@code actorCodes} (the system,
	 * found by its words). The pages of one reading end at its newest entry
	 * ({@code upTo}, null for a first reading), so entries written meanwhile do not push
	 * rows onto the next page to be read twice.
	 */
	@Transactional(readOnly = true)
	Found search(String actor, Collection<String> actorCodes, String action, Long eventId, Instant from, Instant to,
			Long upTo, int page, int size) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (actor != null) {
			where.append(" and (lower(actor) like ? escape '\\'");
			params.add("%" + SqlLike.escape(actor.toLowerCase(Locale.ROOT)) + "%");
			for (String code : actorCodes) {
				where.append(" or actor = ?");
				params.add(code);
			}
			where.append(")");
		}
		if (action != null) {
			where.append(" and action = ?");
			params.add(action);
		}
		if (eventId != null) {
			where.append(" and event_id = ?");
			params.add(eventId);
		}
		if (from != null) {
			where.append(" and at >= ?");
			params.add(Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and at < ?");
			params.add(Timestamp.from(to));
		}
		if (upTo != null) {
			where.append(" and id <= ?");
			params.add(upTo);
		}
		long[] counted = this.jdbc.sql("select count(*), coalesce(max(id), 0) from audit_log" + where)
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long newest = (upTo != null) ? upTo : counted[1];
		if (upTo == null) {
			where.append(" and id <= ?");
			params.add(newest);
		}
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<Entry> rows = this.jdbc
			.sql("select * from audit_log" + where + " order by at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query(AuditLog::entry)
			.list();
		return new Found(new PageImpl<>(rows, PageRequest.of(page, size), counted[0]), newest);
	}

	/** A page of the log and the newest entry id of its reading (for its page links). */
	record Found(Page<Entry> page, long upTo) {
	}

	@Transactional(readOnly = true)
	List<String> actions() {
		return this.jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
	}

	private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), (Long) rs.getObject("event_id"), (Long) rs.getObject("registration_id"),
				rs.getString("details"), rs.getString("ip"));
	}

	/** One audit row. */
	public record Entry(long id, Instant at, String actor, String action, Long eventId, Long registrationId,
			String details, String ip) {

	}

}
