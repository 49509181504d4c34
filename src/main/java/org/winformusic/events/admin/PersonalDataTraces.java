package org.winformusic.events.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the admin tables hold about one registrant, for their access and erasure rights:
 * the registration's history in the audit log with its before/after values (without who
 * did it: staff addresses are not the registrant's data), the staff notes (without their
 * author), and removing the staff notes and the audit entries' before/after values when
 * the registration's data is erased or expires. The entries themselves stay: they prove
 * what was done, and when.
 */
@Component
public class PersonalDataTraces {

	/** The start of a status change's details: "status: PENDING -> WAITLISTED". */
	private static final Pattern STATUS_BEFORE = Pattern.compile("(?m)^status: ([A-Z_]+) -> ");

	private final JdbcClient jdbc;

	private final RegistrantChangeWords words;

	PersonalDataTraces(JdbcClient jdbc, RegistrantChangeWords words) {
		this.jdbc = jdbc;
		this.words = words;
	}

	/**
	 * The registration's history, oldest first, with what each entry changed in the
	 * registrant's words (the before and after values staff see, named as the public form
	 * names them, a time in {@code zone}); the region and question words are those of the
	 * event.
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> historyOf(long registrationId, long eventId, String country, ZoneId zone, Locale locale) {
		return this.jdbc.sql("select at, action, details from audit_log where registration_id = ? order by at, id")
			.param(registrationId)
			.query((rs, n) -> new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("action"),
					statusBefore(rs.getString("details")),
					changes(rs.getString("details"), eventId, country, zone, locale)))
			.list();
	}

	private static String statusBefore(String details) {
		Matcher status = (details != null) ? STATUS_BEFORE.matcher(details) : null;
		return (status != null && status.find()) ? status.group(1) : null;
	}

	private List<String> changes(String details, long eventId, String country, ZoneId zone, Locale locale) {
		return List.copyOf(this.words.lines(details, eventId, country, zone, locale));
	}

	/** The staff notes on the registration, oldest first, without who wrote them. */
	@Transactional(readOnly = true)
	public List<NoteEntry> notesOf(long registrationId) {
		return this.jdbc
			.sql("select created_at, body from staff_note where registration_id = ? order by created_at, id")
			.param(registrationId)
			.query((rs, n) -> new NoteEntry(rs.getTimestamp("created_at").toInstant(), rs.getString("body")))
			.list();
	}

	/**
	 * Deletes the staff notes on these registrations and clears the details (edited
	 * fields' before and after values) of their audit entries.
	 */
	@Transactional
	public void forget(List<Long> registrationIds) {
		if (registrationIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("delete from staff_note where registration_id in (:ids)").param("ids", registrationIds).update();
		this.jdbc.sql("update audit_log set details = null where registration_id in (:ids) and details is not null")
			.param("ids", registrationIds)
			.update();
	}

	/**
	 * The registrations that have staff notes, for the retention job's sweep of notes
	 * left on erased registrations (staff write few notes: the list stays short).
	 */
	@Transactional(readOnly = true)
	public List<Long> registrationsWithNotes() {
		return this.jdbc.sql("select distinct registration_id from staff_note order by registration_id")
			.query(Long.class)
			.list();
	}

	/**
	 * Deletes the staff notes on these registrations.
	 * @return how many were deleted
	 */
	@Transactional
	public int deleteNotes(Collection<Long> registrationIds) {
		if (registrationIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("delete from staff_note where registration_id in (:ids)")
			.param("ids", registrationIds)
			.update();
	}

	/**
	 * One recorded change of a registration.
	 *
	 * @param action the audit action code (APPROVED, CHECKED_IN, ...)
	 * @param statusBefore the status code a status change started from (the same action
	 * may mean something else to the registrant from another status: moved to the
	 * waitlist from a seat, or from a request under review), null for other changes
	 * @param changes what it changed, one line each, in words ("Correo: ana@… → …")
	 */
	public record HistoryEntry(Instant at, String action, String statusBefore, List<String> changes) {

	}

	/** A staff note: when, and what it says. */
	public record NoteEntry(Instant at, String text) {

	}

}
