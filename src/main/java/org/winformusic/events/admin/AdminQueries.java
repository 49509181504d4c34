package org.winformusic.events.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers and lists the admin pages show, each page in a fixed, small number of
 * queries.
 */
@Component
@Transactional(readOnly = true)
class AdminQueries {

	/** At most this many days in the registrations-per-day chart (the latest ones). */
	static final int MAX_CHART_DAYS = 90;

	private final JdbcClient jdbc;

	AdminQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every event, newest first, with its registration counts: each event's counted on
	 * its own in its index range (a lateral subquery, index-only on (event_id, status,
	 * id)), never one aggregate joined over every registration of every event.
	 */
	List<EventSummary> events(Locale locale) {
		String title = "es".equals(locale.getLanguage()) ? "e.title_es" : "e.title_en";
		return this.jdbc
			.sql("select e.id, e.slug, " + title + " as title, e.starts_at, e.time_zone, e.published,"
					+ " (select count(*) from event_seat s where s.event_id = e.id) as capacity, c.*"
					+ " from event e cross join lateral (" + EVENT_COUNTS + ") c order by e.starts_at desc")
			.query((rs, n) -> new EventSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
					rs.getTimestamp("starts_at").toInstant(), ZoneId.of(rs.getString("time_zone")),
					rs.getBoolean("published"), rs.getInt("capacity"), counts(rs)))
			.list();
	}

	/**
	 * One event's counts ({@code e.id}), from the (event_id, status, id) index alone: it
	 * includes the check-in time (V9).
	 */
	private static final String EVENT_COUNTS = """
			select count(*) filter (where r.status = 'CONFIRMED') as confirmed,
			count(*) filter (where r.status = 'WAITLISTED') as waitlisted,
			count(*) filter (where r.status = 'PENDING') as pending,
			count(*) filter (where r.status = 'CANCELLED') as cancelled,
			count(*) filter (where r.status = 'DECLINED') as declined,
			count(*) filter (where r.checked_in_at is not null and r.status = 'CONFIRMED') as checked_in
			from registration r where r.event_id = e.id
			""";

	Counts counts(long eventId) {
		return this.jdbc.sql("select c.* from (select ?::bigint as id) e cross join lateral (" + EVENT_COUNTS + ") c")
			.param(eventId)
			.query((rs, n) -> counts(rs))
			.single();
	}

	/**
	 * Registrations per day in the event's time zone, every day from the first to the
	 * last (at most {@link #MAX_CHART_DAYS}), days without registrations at zero.
	 */
	List<DayCount> perDay(long eventId, ZoneId zone) {
		Map<LocalDate, Long> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select (created_at at time zone ?)::date as day, count(*) as n from registration"
					+ " where event_id = ? group by 1 order by 1")
			.params(zone.getId(), eventId)
			.query((rs) -> {
				counts.put(rs.getObject("day", LocalDate.class), rs.getLong("n"));
			});
		List<DayCount> days = new ArrayList<>();
		if (counts.isEmpty()) {
			return days;
		}
		LocalDate last = counts.keySet().stream().max(LocalDate::compareTo).orElseThrow();
		LocalDate first = counts.keySet().stream().min(LocalDate::compareTo).orElseThrow();
		if (first.isBefore(last.minusDays(MAX_CHART_DAYS - 1))) {
			first = last.minusDays(MAX_CHART_DAYS - 1);
		}
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			days.add(new DayCount(day, counts.getOrDefault(day, 0L)));
		}
		return days;
	}

	/**
	 * Who is coming or may come (pending, confirmed, waitlisted) by company type, state
	 * and interest in the association, in one grouping-sets query.
	 */
	Breakdowns breakdowns(long eventId) {
		Map<CompanyType, Long> byCompanyType = new EnumMap<>(CompanyType.class);
		Map<String, Long> byState = new HashMap<>();
		Map<AssociationInterest, Long> byInterest = new EnumMap<>(AssociationInterest.class);
		this.jdbc.sql("""
				select company_type, state, association_interest, count(*) as n from registration
				 where event_id = ? and status in ('PENDING', 'CONFIRMED', 'WAITLISTED')
				 group by grouping sets ((company_type), (state), (association_interest))
				""").param(eventId).query((rs) -> {
			long n = rs.getLong("n");
			if (rs.getString("company_type") != null) {
				byCompanyType.put(CompanyType.valueOf(rs.getString("company_type")), n);
			}
			else if (rs.getString("state") != null) {
				byState.put(rs.getString("state"), n);
			}
			else if (rs.getString("association_interest") != null) {
				byInterest.put(AssociationInterest.valueOf(rs.getString("association_interest")), n);
			}
		});
		long total = byInterest.values().stream().mapToLong(Long::longValue).sum();
		List<Share> companyTypes = new ArrayList<>();
		for (CompanyType type : CompanyType.values()) {
			companyTypes.add(new Share(type.name(), byCompanyType.getOrDefault(type, 0L), total));
		}
		List<Share> interests = new ArrayList<>();
		for (AssociationInterest interest : AssociationInterest.values()) {
			interests.add(new Share(interest.name(), byInterest.getOrDefault(interest, 0L), total));
		}
		List<Share> states = byState.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue()
				.reversed()
				.thenComparing(Map.Entry.<String, Long>comparingByKey()))
			.map((e) -> new Share(e.getKey(), e.getValue(), total))
			.toList();
		return new Breakdowns(total, companyTypes, states, interests);
	}

	/** The staff notes of a registration, oldest first. */
	List<Note> notes(long registrationId) {
		return this.jdbc.sql("select * from staff_note where registration_id = ? order by created_at, id")
			.param(registrationId)
			.query((rs, n) -> new Note(rs.getString("author"), rs.getString("body"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * The emails queued for a registration, newest first; empty when the mail feature's
	 * outbox table does not exist in this database.
	 */
	List<SentEmail> emails(long registrationId) {
		Boolean outbox = this.jdbc.sql("select to_regclass('outbox_message') is not null")
			.query(Boolean.class)
			.single();
		if (!Boolean.TRUE.equals(outbox)) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, kind, subject, status, created_at, sent_at from outbox_message"
					+ " where registration_id = ? order by created_at desc, id desc")
			.param(registrationId)
			.query((rs, n) -> new SentEmail(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
					rs.getString("status"), instant(rs, "created_at"), instant(rs, "sent_at")))
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Counts counts(ResultSet rs) throws SQLException {
		return new Counts(rs.getLong("confirmed"), rs.getLong("waitlisted"), rs.getLong("pending"),
				rs.getLong("cancelled"), rs.getLong("declined"), rs.getLong("checked_in"));
	}

	record EventSummary(long id, String slug, String title, Instant startsAt, ZoneId zone, boolean published,
			int capacity, Counts counts) {

	}

	record Counts(long confirmed, long waitlisted, long pending, long cancelled, long declined, long checkedIn) {

	}

	record DayCount(LocalDate day, long count) {

	}

	/** A part of a whole: {@code count} of {@code total}. */
	record Share(String key, long count, long total) {

		public long percent() {
			return (this.total == 0) ? 0 : Math.round(100.0 * this.count / this.total);
		}

	}

	record Breakdowns(long total, List<Share> companyTypes, List<Share> states, List<Share> interests) {

	}

	record Note(String author, String body, Instant createdAt) {

	}

	record SentEmail(long id, String kind, String subject, String status, Instant createdAt, Instant sentAt) {

	}

}
