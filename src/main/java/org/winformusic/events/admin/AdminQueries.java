package org.winformusic.events.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.winformusic.events.event.EventDays;
import org.winformusic.events.event.EventLists;
import org.winformusic.events.mail.OutboxErasure;
import org.winformusic.events.mail.OutboxErasure.SentEmail;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationTallies;
import org.winformusic.events.registration.RegistrationTallies.Tally;

import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers and lists the admin pages show, each page in a fixed, small number of
 * queries; the counts of registrations come from {@link RegistrationTallies}. The records
 * the templates read are public, so that SpEL can compile the templates' expressions over
 * them ({@code TemplateExpressionsCompileTests}); this class keeps them in the package.
 */
@Component
@Transactional(readOnly = true)
class AdminQueries {

	/** Events on one page of the list of events. */
	static final int EVENTS_PER_PAGE = 25;

	/** At most this many days in the registrations-per-day chart (the latest ones). */
	static final int MAX_CHART_DAYS = 90;

	private final JdbcClient jdbc;

	private final RegistrationTallies tallies;

	private final EventLists lists;

	private final OutboxErasure outbox;

	private final EventDays days;

	AdminQueries(JdbcClient jdbc, RegistrationTallies tallies, EventLists lists, OutboxErasure outbox, EventDays days) {
		this.jdbc = jdbc;
		this.tallies = tallies;
		this.lists = lists;
		this.outbox = outbox;
		this.days = days;
	}

	/**
	 * One page of the events, the coming ones soonest first ({@link EventLists#all}),
	 * each with its registration counts and its capacity (its seat rows), all from the
	 * kept tallies: a few rows per event, so the cost of the page does not grow with the
	 * size of the events.
	 */
	Page<EventSummary> events(Locale locale, int page) {
		Page<EventLists.Listed> events = this.lists.all(locale, page, EVENTS_PER_PAGE);
		List<Long> ids = events.map(EventLists.Listed::id).getContent();
		Map<Long, Tally> tallies = this.tallies.listed(ids);
		return events.map((e) -> {
			Tally tally = tallies.get(e.id());
			return new EventSummary(e.id(), e.slug(), e.title(), e.startsAt(), e.endsAt(), e.zone(), stage(e),
					e.published(), Math.toIntExact(tally.seats()), counts(tally));
		});
	}

	/**
	 * One page of the events in the order the door looks for theirs (today's first, see
	 * {@link EventLists#forTheDoor}), each with its times and its stage: no counts.
	 */
	Page<DoorEvent> doorEvents(Locale locale, int page) {
		return this.lists.forTheDoor(locale, page, EVENTS_PER_PAGE)
			.map((e) -> new DoorEvent(e.slug(), e.title(), e.startsAt(), e.endsAt(), e.zone(), stage(e)));
	}

	/** Where the event stands today in its zone ("Hoy", "En curso", "Terminó"). */
	private EventDays.Stage stage(EventLists.Listed event) {
		return this.days.stage(event.startsAt(), event.endsAt(), event.zone());
	}

	Counts counts(long eventId) {
		return counts(this.tallies.of(eventId));
	}

	private static Counts counts(Tally tally) {
		return new Counts(tally.count(RegistrationStatus.CONFIRMED), tally.count(RegistrationStatus.WAITLISTED),
				tally.count(RegistrationStatus.PENDING), tally.count(RegistrationStatus.CANCELLED),
				tally.count(RegistrationStatus.DECLINED), tally.checkedIn());
	}

	/**
	 * Registrations per day in the event's time zone, every day from the first to the
	 * last (at most {@link #MAX_CHART_DAYS}), days without registrations at zero.
	 */
	List<DayCount> perDay(long eventId, ZoneId zone) {
		Map<LocalDate, Long> counts = this.tallies.perDay(eventId, zone);
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
	 * (a region typed in several spellings once, under its most common one) and interest
	 * in the association.
	 */
	Breakdowns breakdowns(long eventId) {
		Tally tally = this.tallies.of(eventId);
		long total = tally.byInterest().values().stream().mapToLong(Long::longValue).sum();
		List<Share> companyTypes = new ArrayList<>();
		for (CompanyType type : CompanyType.values()) {
			companyTypes.add(new Share(type.name(), tally.byCompanyType().getOrDefault(type, 0L), total));
		}
		List<Share> interests = new ArrayList<>();
		for (AssociationInterest interest : AssociationInterest.values()) {
			interests.add(new Share(interest.name(), tally.byInterest().getOrDefault(interest, 0L), total));
		}
		List<Share> states = tally.byRegion()
			.entrySet()
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

	/** The emails queued for a registration, newest first. */
	List<SentEmail> emails(long registrationId) {
		List<SentEmail> emails = new ArrayList<>(this.outbox.emailsOf(registrationId));
		Collections.reverse(emails);
		return emails;
	}

	/**
	 * An event in the list of events, its times written in its own zone
	 * ({@code fragments/when}), and where it stands today there
	 * ({@link EventDays#stage}).
	 */
	public record EventSummary(long id, String slug, String title, Instant startsAt, Instant endsAt, ZoneId zone,
			EventDays.Stage stage, boolean published, int capacity, Counts counts) {

	}

	/** An event on the door's landing page: its times in its own zone and its label. */
	public record DoorEvent(String slug, String title, Instant startsAt, Instant endsAt, ZoneId zone,
			EventDays.Stage stage) {

	}

	public record Counts(long confirmed, long waitlisted, long pending, long cancelled, long declined, long checkedIn) {

		/** Confirmed people who have not arrived yet (the door's "still to come"). */
		public long notArrived() {
			return Math.max(0, this.confirmed - this.checkedIn);
		}

	}

	record DayCount(LocalDate day, long count) {

	}

	/** A part of a whole: {@code count} of {@code total}. */
	public record Share(String key, long count, long total) {

		public long percent() {
			return (this.total == 0) ? 0 : Math.round(100.0 * this.count / this.total);
		}

	}

	public record Breakdowns(long total, List<Share> companyTypes, List<Share> states, List<Share> interests) {

	}

	public record Note(String author, String body, Instant createdAt) {

	}

}
