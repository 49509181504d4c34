package org.winformusic.events.registration;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventDays;
import org.winformusic.events.event.RegisteringEvent;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Someone who turns up at the door without a registration (a walk-in), added by staff:
 * confirmed into a free seat and checked in at once; when no seat is free, added to the
 * waitlist or given an extra seat only as staff chose. The registration window does not
 * apply (the door opens after it closes); a published event on its days does: from
 * midnight of its first day in its zone ({@link EventDays}) until its end.
 * <p>
 * The seat is claimed as the public form claims it ({@link PublicRegistrations}): the
 * lowest free seat, {@code FOR UPDATE SKIP LOCKED}, in the statement that inserts, and
 * none while anyone waits (their seats come first). The unique index on (event,
 * lower(email)) makes a second walk-in with the same address (a double submit, or two
 * phones at once) insert nothing: the caller is shown the registration that holds it.
 */
@Service
public class WalkIns {

	/**
	 * Claim a free seat (none while someone waits), then insert the walk-in: CONFIRMED
	 * and checked in with the seat, or without one when staff add a seat; WAITLISTED when
	 * staff chose the waitlist; nothing when there is no seat and staff chose neither, or
	 * when a registration of the event holds the address.
	 */
	private static final String ADD = """
			with seat as (
			    select event_id, seat_no from event_seat
			     where event_id = :eventId and registration_id is null
			       and not exists (select 1 from registration w
			                        where w.event_id = :eventId and w.status = 'WAITLISTED')
			     order by seat_no limit 1
			     for update skip locked
			), chosen as (
			    select case when exists (select 1 from seat) or :addSeat then 'CONFIRMED'
			                when :waitlist then 'WAITLISTED' end as status
			), reg as (
			    insert into registration (event_id, status, full_name, email, company, job_title, company_type, state,
			        city, phone, association_interest, referral_source, comments, privacy_consent_version,
			        privacy_consent_at, news_opt_in, locale, created_at, updated_at, confirmed_at, waitlist_seq,
			        checked_in_at, search_text)
			    select :eventId, status, :fullName, :email, :company, :jobTitle, :companyType, :state, :city, :phone,
			        :interest, :referralSource, :comments, :consentVersion, :now, false, :locale, :now, :now,
			        case when status = 'CONFIRMED' then :now end,
			        case when status = 'WAITLISTED' then nextval('waitlist_seq') end,
			        case when status = 'CONFIRMED' then :now end, :searchText
			      from chosen where status is not null
			    on conflict (event_id, lower(email)) where
			    """ + RegistrationStatus.HOLDS_ADDRESS_SQL + """
			    do nothing
			    returning id, status
			), claim as (
			    update event_seat s set registration_id = (select id from reg)
			     where (s.event_id, s.seat_no) = (select event_id, seat_no from seat)
			)
			select id, status, exists (select 1 from seat) as seated from reg
			""";

	private final JdbcClient jdbc;

	private final Changes changes;

	private final Seats seats;

	private final LinkReminders links;

	private final EventCatalog catalog;

	private final MessageSource messages;

	private final EventDays days;

	WalkIns(JdbcClient jdbc, Changes changes, Seats seats, LinkReminders links, EventCatalog catalog,
			MessageSource messages, EventDays days) {
		this.days = days;
		this.jdbc = jdbc;
		this.changes = changes;
		this.seats = seats;
		this.links = links;
		this.catalog = catalog;
		this.messages = messages;
	}

	/**
	 * Adds a walk-in with a form checked against the event (consent required: staff tick
	 * that the person was told about the privacy notice and agrees). Runs in the caller's
	 * transaction, or its own; the confirmed or waitlist email, in {@code language}, is
	 * queued in it.
	 * @param whenFull what to do when no seat is free
	 */
	public WalkIn add(RegisteringEvent event, CheckedForm form, Locale language, WhenFull whenFull) {
		if (form.eventId() != event.id()) {
			throw new IllegalArgumentException("The form was checked for another event");
		}
		// Before the event's first day (in its zone) nobody arrives: no walk-in either.
		if (!event.published() || this.catalog.ended(event.id()) || !this.days.begun(event.id())) {
			return new WalkIn(Outcome.EVENT_CLOSED, null, false);
		}
		return this.changes.run(() -> {
			// A seat this statement locked and then gave up (no insert, a rollback) may
			// have been skipped by someone who joined the waitlist meanwhile.
			this.changes.requestPromotion(event.id());
			ValidForm valid = form.values();
			// Two phones (or taps) adding one address wait for each other here, so the
			// second finds the first's registration instead of "no seat left" while the
			// first, which took the last seat, has not committed yet.
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('walk-in:' || ? || ':' || lower(?)))")
				.params(event.id(), valid.email())
				.query((rs) -> {
				});
			OffsetDateTime now = this.changes.now();
			Row row = valid.bindTo(this.jdbc.sql(ADD))
				.param("eventId", event.id())
				.param("addSeat", whenFull == WhenFull.ADD_SEAT)
				.param("waitlist", whenFull == WhenFull.WAITLIST)
				.param("consentVersion", this.messages.getMessage("privacy.version", null, SupportedLocales.SPANISH))
				.param("now", now)
				.param("locale", SupportedLocales.of(language.getLanguage()).getLanguage())
				.query((rs, n) -> new Row(rs.getLong("id"), RegistrationStatus.valueOf(rs.getString("status")),
						rs.getBoolean("seated")))
				.optional()
				.orElse(null);
			if (row == null) {
				return this.links.holdingAddress(event.id(), valid.email())
					.map((id) -> new WalkIn(Outcome.ALREADY_REGISTERED, this.changes.view(id), false))
					.orElseGet(() -> new WalkIn(Outcome.FULL, null, false));
			}
			boolean extraSeat = row.status() == RegistrationStatus.CONFIRMED && !row.seated();
			if (extraSeat) {
				this.seats.addHeldSeat(event.id(), row.id());
			}
			this.changes.publish(row.id(),
					(row.status() == RegistrationStatus.CONFIRMED) ? Type.CONFIRMED : Type.WAITLISTED);
			Outcome outcome = (row.status() == RegistrationStatus.CONFIRMED) ? Outcome.CHECKED_IN : Outcome.WAITLISTED;
			return new WalkIn(outcome, this.changes.view(row.id()), extraSeat);
		});
	}

	/** What staff chose for a walk-in when no seat is free. */
	public enum WhenFull {

		/** Add nothing: the form says there is no seat and offers the choices. */
		REFUSE,

		/** Add them to the end of the waitlist, not checked in. */
		WAITLIST,

		/** Add a seat to the event for them (capacity + 1): for ADMIN only. */
		ADD_SEAT

	}

	/** How adding a walk-in went. */
	public enum Outcome {

		/** Confirmed into a seat and checked in. */
		CHECKED_IN,

		/** On the waitlist, not checked in. */
		WAITLISTED,

		/** No seat free, and staff chose neither the waitlist nor an extra seat. */
		FULL,

		/** A registration of the event holds the address: nothing was added. */
		ALREADY_REGISTERED,

		/**
		 * The event is not published, has ended or its first day has not begun: nothing
		 * was added.
		 */
		EVENT_CLOSED

	}

	/**
	 * The outcome; {@code registration}: the walk-in, or the registration that holds the
	 * address (null when nothing was added and none holds it); {@code extraSeat}: a seat
	 * was added to the event for them.
	 */
	public record WalkIn(Outcome outcome, RegistrationView registration, boolean extraSeat) {
	}

	private record Row(long id, RegistrationStatus status, boolean seated) {
	}

}
