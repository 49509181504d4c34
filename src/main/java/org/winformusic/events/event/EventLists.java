package org.winformusic.events.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's lists of all events, published or not, a page at a time and without
 * speakers, partners or texts: for organizers the coming ones soonest first, then the
 * past ones ({@link #all}); for the door today's first ({@link #forTheDoor}). A page past
 * the last is the last.
 */
@Service
@Transactional(readOnly = true)
public class EventLists {

	/**
	 * How long after its end an event still counts as today's at the door: volunteers
	 * check in latecomers and tidy up after the last talk.
	 */
	static final Duration DOOR_AFTER_END = Duration.ofHours(3);

	private final JdbcClient jdbc;

	private final Clock clock;

	EventLists(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One page of all events, the staff's list of events: those not ended yet (running or
	 * coming), soonest start first, so that the next one is on top; then the ended ones,
	 * most recent first.
	 */
	public Page<Listed> all(Locale locale, int page, int size) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		String ordered = """
				from event
				 order by ends_at <= cast(? as timestamptz),
				          case when ends_at > cast(? as timestamptz) then starts_at end,
				          starts_at desc, id desc
				""";
		return page(locale, page, size, ordered, now, now);
	}

	/**
	 * One page of all events in the order a door volunteer looks for theirs: today's
	 * first (started, or starting before midnight in the event's own zone, and not ended
	 * more than {@link #DOOR_AFTER_END} ago nor before today's midnight there: just after
	 * midnight, an event still running is today's, one that ended late yesterday is not),
	 * earliest start first; then the coming ones, soonest first; then the past ones, most
	 * recent first.
	 */
	public Page<Listed> forTheDoor(Locale locale, int page, int size) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		// SQL: the day ends at midnight where the event takes place, whatever the
		// server's zone (EventDays.BEGUN, the rule of the door's arrivals too). A past
		// event's first key is null: within the past ones only the start, descending,
		// counts.
		String ordered = """
				from (select e.*,
				             case when e.ends_at > cast(? as timestamptz) and e.ends_at >
				""" + EventDays.DAY_BEGAN + " and " + EventDays.BEGUN + """
				 then 0
				                  when e.starts_at > cast(? as timestamptz) then 1
				                  else 2 end as door_group
				        from event e) e
				 order by door_group, case when door_group < 2 then starts_at end, starts_at desc, id
				""";
		return page(locale, page, size, ordered, now.minus(DOOR_AFTER_END), now, now, now);
	}

	private Page<Listed> page(Locale locale, int page, int size, String fromOrdered, Object... params) {
		long total = this.jdbc.sql("select count(*) from event").query(Long.class).single();
		int number = (int) Math.min(Math.max(page, 0), Math.max(0, (total - 1) / size));
		String title = "es".equals(locale.getLanguage()) ? "title_es" : "title_en";
		List<Object> values = new ArrayList<>(List.of(params));
		values.add(size);
		values.add((long) number * size);
		List<Listed> events = this.jdbc
			.sql("select id, slug, " + title + " as title, starts_at, ends_at, time_zone, published " + fromOrdered
					+ " limit ? offset ?")
			.params(values)
			.query((rs, n) -> listed(rs))
			.list();
		return new PageImpl<>(events, PageRequest.of(number, size), total);
	}

	private static Listed listed(ResultSet rs) throws SQLException {
		return new Listed(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				ZoneId.of(rs.getString("time_zone")), rs.getBoolean("published"));
	}

	/** An event in a staff list of events. */
	public record Listed(long id, String slug, String title, Instant startsAt, Instant endsAt, ZoneId zone,
			boolean published) {
	}

}
