package org.winformusic.events.registration;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.winformusic.events.shared.PersonName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a door phone keeps of an event (the admin module's door page and its sync): for
 * each registration its name and the door list's letter for it, company, status, door
 * code and arrival time, and for a cancelled one the newer active registration of the
 * same email (its id only: the email itself never leaves the server).
 */
@Component
public class DoorCopies {

	/** The columns of a row of the list ({@link RegistrationSearch#row}). */
	private static final String ROW = """
			id, full_name, email, company, company_type, state, city, association_interest, status,
			  created_at, checked_in_at""";

	private final JdbcClient jdbc;

	private final CheckinPasses passes;

	private final DoorCodeIndex codes;

	DoorCopies(JdbcClient jdbc, CheckinPasses passes) {
		this.jdbc = jdbc;
		this.passes = passes;
		this.codes = new DoorCodeIndex(passes::code);
	}

	/**
	 * Everyone of the event the door may see, in the order of the printed door list and
	 * each with the letter that list files them under ({@link PersonName}: family name
	 * first, Spanish collation), so a volunteer finds a person under the same letter on
	 * paper and on the phone. Sorted here, not in SQL, for the same collation as the
	 * paper.
	 */
	public List<Person> people(long eventId) {
		Comparator<Filed> printedOrder = Comparator.comparing(Filed::name, PersonName.spanishOrder())
			.thenComparingLong((filed) -> filed.person().id());
		return this.jdbc.sql("""
				select r.id, r.full_name, r.company, r.status, r.checked_in_at,
				  (select a.id from registration a
				    where a.event_id = r.event_id and lower(a.email) = lower(r.email) and a.id <> r.id
				      and a.status = 'CONFIRMED' and a.anonymized_at is null and r.status <> 'CONFIRMED'
				    order by a.created_at desc limit 1) as active_id
				from registration r
				where r.event_id = ? and r.anonymized_at is null and r.status <> 'DECLINED'
				""").param(eventId).query((rs, n) -> {
			long id = rs.getLong("id");
			String fullName = rs.getString("full_name");
			PersonName name = PersonName.of(fullName);
			Timestamp in = rs.getTimestamp("checked_in_at");
			long active = rs.getLong("active_id");
			Long activeId = rs.wasNull() ? null : active;
			return new Filed(name,
					new Person(id, fullName, name.initial(), rs.getString("company"), rs.getString("status"),
							this.passes.code(id), (in == null) ? null : in.toInstant().toString(), activeId));
		}).list().stream().sorted(printedOrder).map(Filed::person).toList();
	}

	private record Filed(PersonName name, Person person) {
	}

	/**
	 * The registration of the copy ({@link #people}: not declined, not anonymized) whose
	 * door code was typed (any case, dashes and spaces ignored), as a row of the list:
	 * the door page's search without JavaScript finds by code what the phone's copy
	 * finds. The code is derived from the id, not stored: {@link DoorCodeIndex} knows
	 * which ids have it, covering every id up to the highest in the table (an index
	 * probe); the candidates are then checked against this event and the exclusions, as
	 * they stand now. Only a text that could be a code (8 characters of its alphabet) is
	 * looked up. Of two registrations of the event with the same code (40 bits: very
	 * unlikely), the older one.
	 */
	public Optional<RegistrationRow> byCode(long eventId, String typed) {
		List<Long> ids = idsWithCode(typed);
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + ROW + """
				 from registration
				where id in (:ids) and event_id = :event and anonymized_at is null and status <> 'DECLINED'
				order by id limit 1
				""").param("ids", ids).param("event", eventId).query(RegistrationSearch::row).optional();
	}

	/**
	 * A door code typed at this event's door that is another event's (the pass of the
	 * wrong event): that event, and the same person's registration at this event if any
	 * (a confirmed one first, then the newest). An erased registration's code is
	 * nobody's, as in {@link #byCode}.
	 */
	public Optional<OtherEventsCode> byCodeOfAnotherEvent(long eventId, String typed) {
		return ofAnotherEvent(eventId, idsWithCode(typed));
	}

	/**
	 * The same for a registration known by its id (a scanned pass): empty when it is this
	 * event's, or erased.
	 */
	public Optional<OtherEventsCode> ofAnotherEvent(long eventId, long registrationId) {
		return ofAnotherEvent(eventId, List.of(registrationId));
	}

	private Optional<OtherEventsCode> ofAnotherEvent(long eventId, List<Long> ids) {
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, event_id from registration
				where id in (:ids) and event_id <> :event and anonymized_at is null
				order by id limit 1
				""")
			.param("ids", ids)
			.param("event", eventId)
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("event_id") })
			.optional()
			.map((other) -> new OtherEventsCode(other[1], this.jdbc.sql("select " + ROW + """
					 from registration
					where event_id = :event and anonymized_at is null and status <> 'DECLINED'
					  and lower(email) = (select lower(email) from registration where id = :other)
					order by status = 'CONFIRMED' desc, created_at desc, id desc limit 1
					""").param("event", eventId).param("other", other[0]).query(RegistrationSearch::row).optional()));
	}

	/**
	 * The ids whose door code was typed (any case, dashes and spaces ignored); none for a
	 * text that could not be a code (8 characters of its alphabet).
	 */
	private List<Long> idsWithCode(String typed) {
		String code = CheckinPasses.normalizedCode(typed);
		if (!CheckinPasses.couldBeCode(code)) {
			return List.of();
		}
		long highest = this.jdbc.sql("select coalesce(max(id), 0) from registration").query(Long.class).single();
		return this.codes.ids(code, highest);
	}

	/**
	 * The door code of a registration at another event: that event's id and the same
	 * person's registration at the event whose door it is, if any.
	 */
	public record OtherEventsCode(long eventId, Optional<RegistrationRow> here) {
	}

	/** The newer confirmed registration of the same email at the same event, if any. */
	public Optional<Long> newerActive(long registrationId) {
		return this.jdbc.sql("""
				select a.id from registration r join registration a
				  on a.event_id = r.event_id and lower(a.email) = lower(r.email) and a.id <> r.id
				where r.id = ? and a.status = 'CONFIRMED' and a.anonymized_at is null
				order by a.created_at desc limit 1
				""").param(registrationId).query(Long.class).optional();
	}

	/**
	 * The confirmed registrations of the same email at some of the other events
	 * ({@code eventIds}), with the pass of each: what the card of a pass shown at the
	 * wrong event's door offers. Read through the (event, email) index, one probe per
	 * event.
	 */
	public List<Seat> confirmedAt(long registrationId, Collection<Long> eventIds) {
		if (eventIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select a.id, a.event_id from registration r join registration a
				  on a.event_id in (:events) and lower(a.email) = lower(r.email) and a.event_id <> r.event_id
				where r.id = :id and a.status = 'CONFIRMED' and a.anonymized_at is null
				order by a.id
				""")
			.param("events", eventIds)
			.param("id", registrationId)
			.query((rs, n) -> new Seat(rs.getLong("id"), rs.getLong("event_id"), this.passes.pass(rs.getLong("id"))))
			.list();
	}

	/** A confirmed registration at another event, and its check-in pass. */
	public record Seat(long registrationId, long eventId, String pass) {
	}

	/**
	 * One registration on the phone: {@code initial} is the door list's letter for the
	 * name ("#" for none); {@code activeId} only for a cancelled one.
	 */
	public record Person(long id, String name, String initial, String company, String status, String code,
			String checkedInAt, Long activeId) {
	}

}
