package org.winformusic.events.registration;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of an event's registrations as the dashboards show them, read from tallies kept
 * as registrations change (V16): each read costs the number of groups (statuses, states,
 * days...), never the number of registrations. A tally is the sum of its folded row in
 * {@code registration_tally} and the deltas {@link RegistrationTallyCompaction} has not
 * folded yet, added up in one statement, so a read is exact however late the compaction
 * is.
 */
@Service
@Transactional(readOnly = true)
public class RegistrationTallies {

	/** The groups of {@link Tally}: all but the days. */
	private static final String[] COUNTED = { "status", "checked_in", "company_type", "state", "interest", "choice",
			"yes_no", "seats" };

	/** The groups of an event in the list of events: its statuses and its seats. */
	private static final String[] LISTED = { "status", "checked_in", "seats" };

	/** Folded tallies plus pending deltas of some events and dimensions. */
	static final String READ = """
			select event_id, dimension, value, sum(n) as n
			  from (select event_id, dimension, value, n from registration_tally
			         where event_id = any(:events) and dimension = any(:dimensions)
			        union all
			        select event_id, dimension, value, n from registration_tally_delta
			         where event_id = any(:events) and dimension = any(:dimensions)) t
			 group by event_id, dimension, value
			having sum(n) <> 0
			""";

	/** Registrations per day in a time zone, from the 15-minute slots of V16. */
	static final String PER_DAY = """
			select (to_timestamp(value::bigint) at time zone :zone)::date as day, sum(n) as n
			  from (select value, n from registration_tally where event_id = :event and dimension = 'created'
			        union all
			        select value, n from registration_tally_delta where event_id = :event and dimension = 'created') t
			 group by 1
			having sum(n) <> 0
			 order by 1
			""";

	private final JdbcClient jdbc;

	RegistrationTallies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everything counted about one event's registrations but the days, and its seats. */
	public Tally of(long eventId) {
		return read(List.of(eventId), COUNTED).getOrDefault(eventId, Tally.EMPTY);
	}

	/**
	 * The counts by status, the check-ins and the seats of these events (an event without
	 * registrations or seats has an empty tally).
	 */
	public Map<Long, Tally> listed(Collection<Long> eventIds) {
		Map<Long, Tally> tallies = read(eventIds, LISTED);
		for (Long id : eventIds) {
			tallies.putIfAbsent(id, Tally.EMPTY);
		}
		return tallies;
	}

	/**
	 * Registrations (whatever their status) per day of {@code zone}, oldest first; days
	 * without any are left out.
	 */
	public Map<LocalDate, Long> perDay(long eventId, ZoneId zone) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		this.jdbc.sql(PER_DAY).param("zone", zone.getId()).param("event", eventId).query((ResultSet rs) -> {
			days.put(rs.getObject("day", LocalDate.class), rs.getLong("n"));
		});
		return days;
	}

	private Map<Long, Tally> read(Collection<Long> eventIds, String[] dimensions) {
		Map<Long, Map<String, Map<String, Long>>> groups = new HashMap<>();
		this.jdbc.sql(READ)
			.param("events", eventIds.stream().mapToLong(Long::longValue).toArray())
			.param("dimensions", dimensions)
			.query((ResultSet rs) -> {
				groups.computeIfAbsent(rs.getLong("event_id"), (k) -> new HashMap<>())
					.computeIfAbsent(rs.getString("dimension"), (k) -> new HashMap<>())
					.put(rs.getString("value"), rs.getLong("n"));
			});
		Map<Long, Tally> tallies = new HashMap<>();
		groups.forEach((event, byDimension) -> tallies.put(event, Tally.of(byDimension)));
		return tallies;
	}

	/**
	 * What is counted about an event's registrations.
	 *
	 * @param byStatus every registration, by status
	 * @param checkedIn confirmed registrations checked in
	 * @param byCompanyType those who may come (pending, confirmed, waitlisted), by
	 * company type
	 * @param byState those who may come, by state as stored (region code, "outside", or
	 * each spelling of a region typed as text; see {@link #byRegion})
	 * @param byInterest those who may come, by interest in the association
	 * @param byChoice choices of the event's own questions chosen by those who may come,
	 * by choice id
	 * @param byYesNo yes/no answers to the event's own questions given by those who may
	 * come, by {@code "<question id>:true"} or {@code ":false"} (V55); see
	 * {@link #answered}
	 * @param seats the event's seat rows, held or free: its capacity (V24)
	 */
	public record Tally(Map<RegistrationStatus, Long> byStatus, long checkedIn, Map<CompanyType, Long> byCompanyType,
			Map<String, Long> byState, Map<AssociationInterest, Long> byInterest, Map<Long, Long> byChoice,
			Map<String, Long> byYesNo, long seats) {

		static final Tally EMPTY = of(Map.of());

		static Tally of(Map<String, Map<String, Long>> groups) {
			Map<RegistrationStatus, Long> byStatus = new HashMap<>();
			groups.getOrDefault("status", Map.of()).forEach((k, n) -> byStatus.put(RegistrationStatus.valueOf(k), n));
			Map<CompanyType, Long> byCompanyType = new HashMap<>();
			groups.getOrDefault("company_type", Map.of())
				.forEach((k, n) -> byCompanyType.put(CompanyType.valueOf(k), n));
			Map<AssociationInterest, Long> byInterest = new HashMap<>();
			groups.getOrDefault("interest", Map.of())
				.forEach((k, n) -> byInterest.put(AssociationInterest.valueOf(k), n));
			Map<Long, Long> byChoice = new HashMap<>();
			groups.getOrDefault("choice", Map.of()).forEach((k, n) -> byChoice.put(Long.valueOf(k), n));
			long checkedIn = groups.getOrDefault("checked_in", Map.of()).getOrDefault("", 0L);
			long seats = groups.getOrDefault("seats", Map.of()).getOrDefault("", 0L);
			return new Tally(Map.copyOf(byStatus), checkedIn, Map.copyOf(byCompanyType),
					Map.copyOf(groups.getOrDefault("state", Map.of())), Map.copyOf(byInterest), Map.copyOf(byChoice),
					Map.copyOf(groups.getOrDefault("yes_no", Map.of())), seats);
		}

		/**
		 * How many of those who may come answered yes ({@code true}) or no to the yes/no
		 * question {@code questionId}.
		 */
		public long answered(long questionId, boolean yes) {
			return this.byYesNo.getOrDefault(questionId + ":" + yes, 0L);
		}

		/**
		 * Those who may come by region, a region's spellings counted together
		 * ({@link Regions#key}: "São Paulo", "sao paulo" and "SÃO PAULO" are one), under
		 * its most common spelling; of spellings as common, the one a reader would write
		 * ({@link #readsBetter}: "São Paulo" over "SÃO PAULO", "sao paulo" and "Sao
		 * Paulo"). A code of a region list is its own region. Read from the tallies: the
		 * registrations keep their spelling.
		 */
		public Map<String, Long> byRegion() {
			Map<String, String> shown = new HashMap<>();
			Map<String, Long> counts = new HashMap<>();
			this.byState.forEach((spelling, n) -> {
				String key = Regions.key(spelling);
				counts.merge(key, n, Long::sum);
				shown.merge(key, spelling, (a, b) -> moreCommon(a, b) ? a : b);
			});
			Map<String, Long> regions = new HashMap<>();
			counts.forEach((key, n) -> regions.put(shown.get(key), n));
			return regions;
		}

		private boolean moreCommon(String spelling, String other) {
			int byCount = Long.compare(this.byState.get(spelling), this.byState.get(other));
			return byCount > 0 || (byCount == 0 && readsBetter(spelling, other));
		}

		/**
		 * Of two spellings of a region as common, the one to show: in mixed case rather
		 * than all capitals or all lower case, then with more accented letters ("Goiás"
		 * over "Goias"), then the first in Unicode order, so that the choice never
		 * depends on the tallies' order.
		 */
		static boolean readsBetter(String spelling, String other) {
			int byCase = Boolean.compare(mixedCase(spelling), mixedCase(other));
			if (byCase != 0) {
				return byCase > 0;
			}
			int byAccents = Long.compare(accented(spelling), accented(other));
			return byAccents > 0 || (byAccents == 0 && spelling.compareTo(other) < 0);
		}

		private static boolean mixedCase(String spelling) {
			return spelling.codePoints().anyMatch(Character::isUpperCase)
					&& spelling.codePoints().anyMatch(Character::isLowerCase);
		}

		/** Letters beyond ASCII: "São Paulo" has one, "Sao Paulo" none. */
		private static long accented(String spelling) {
			return spelling.codePoints().filter((c) -> c > 0x7F && Character.isLetter(c)).count();
		}

		/** Registrations with this status. */
		public long count(RegistrationStatus status) {
			return this.byStatus.getOrDefault(status, 0L);
		}

		/** Those who may come: pending, confirmed or waitlisted. */
		public long mayCome() {
			return count(RegistrationStatus.PENDING) + count(RegistrationStatus.CONFIRMED)
					+ count(RegistrationStatus.WAITLISTED);
		}

	}

}
