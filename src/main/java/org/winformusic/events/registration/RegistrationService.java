package org.winformusic.events.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStateException.Reason;
import org.winformusic.events.registration.RegistrationValidator.ValidForm;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registrations: creating them under capacity, the waitlist, and every change of status.
 * Each operation runs in one transaction and publishes the {@link RegistrationMessage}
 * the registrant must receive.
 *
 * <p>
 * Capacity lives in seat rows ({@code event_seat}, one per seat). A registration claims
 * the lowest free seat with {@code FOR UPDATE SKIP LOCKED} in the same statement that
 * inserts it, so concurrent registrations never wait for each other and confirmed
 * registrations can never outnumber the rows. See {@link WaitlistPromoter} for how freed
 * and skipped seats reach the waitlist.
 */
@Service
public class RegistrationService {

	/**
	 * The hot path in one statement: claim the lowest free seat (unless the event needs
	 * approval), insert the registration as CONFIRMED with that seat, else WAITLISTED
	 * with the next waitlist number, and store the manage token's hash. When the address
	 * already holds an active registration of the event, the unique index on (event,
	 * lower(email)) makes the insert do nothing and the statement returns no row: no
	 * error, so nothing (not even PostgreSQL's own log) records the address.
	 */
	private static final String REGISTER = """
			with seat as (
			    select event_id, seat_no from event_seat
			     where event_id = :eventId and registration_id is null and not :pending
			     order by seat_no limit 1
			     for update skip locked
			), reg as (
			    insert into registration (event_id, status, full_name, email, company, job_title, company_type, state,
			        city, phone, association_interest, referral_source, comments, privacy_consent_version,
			        privacy_consent_at, news_opt_in, locale, created_at, updated_at, confirmed_at, waitlist_seq,
			        search_text)
			    values (:eventId,
			        case when :pending then 'PENDING'
			             when (select seat_no from seat) is not null then 'CONFIRMED' else 'WAITLISTED' end,
			        :fullName, :email, :company, :jobTitle, :companyType, :state, :city, :phone, :interest,
			        :referralSource, :comments, :consentVersion, :now, :newsOptIn, :locale, :now, :now,
			        case when (select seat_no from seat) is not null then :now end,
			        case when not :pending and (select seat_no from seat) is null then nextval('waitlist_seq') end,
			        :searchText)
			    on conflict (event_id, lower(email)) where status <> 'CANCELLED' do nothing
			    returning id, status
			), claim as (
			    update event_seat s set registration_id = (select id from reg)
			     where (s.event_id, s.seat_no) = (select event_id, seat_no from seat)
			), token as (
			    insert into registration_token (token_hash, registration_id, created_at)
			    select :tokenHash, id, :now from reg
			)
			select id, status from reg
			""";

	private static final String CLAIM_SEAT = """
			update event_seat set registration_id = :id
			 where (event_id, seat_no) = (select event_id, seat_no from event_seat
			                               where event_id = :eventId and registration_id is null
			                               order by seat_no limit 1 for update skip locked)
			returning seat_no
			""";

	/** Manage links (the first included) one registration may be sent per hour. */
	static final int LINKS_PER_HOUR = 5;

	/** The window of {@link #LINKS_PER_HOUR}; housekeeping drops older link requests. */
	static final Duration LINK_WINDOW = Duration.ofHours(1);

	private static final Set<RegistrationStatus> ACTIVE = Set.of(RegistrationStatus.PENDING,
			RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);

	private final JdbcClient jdbc;

	private final ManageTokens tokens;

	private final RegistrationDirectory directory;

	private final RegistrationValidator validator;

	private final WaitlistPromoter promoter;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	RegistrationService(JdbcClient jdbc, ManageTokens tokens, RegistrationDirectory directory,
			RegistrationValidator validator, WaitlistPromoter promoter, ApplicationEventPublisher events,
			MessageSource messages, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.directory = directory;
		this.validator = validator;
		this.promoter = promoter;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Registers for a published event whose registration window is open. An address that
	 * already holds an active registration gets its manage link emailed again
	 * (LINK_REMINDER) instead of a second registration.
	 * @throws NotFoundException when no event has this slug
	 */
	public RegistrationResult register(String eventSlug, RegistrationForm form, Locale locale) {
		return register(eventSlug, form, Set.of(), locale, true);
	}

	/**
	 * Registers, as the public form does.
	 * @param repeatedFields form fields that were posted more than once (an error each)
	 * @param acceptEmailTypo false to refuse, once, an address whose domain looks
	 * misspelled: the form then asks "did you mean …?"
	 */
	public RegistrationResult register(String eventSlug, RegistrationForm form, Set<String> repeatedFields,
			Locale locale, boolean acceptEmailTypo) {
		EventRow event = eventBySlug(eventSlug).orElseThrow(NotFoundException::new);
		Instant now = this.clock.instant();
		if (!event.open(now)) {
			return RegistrationResult.windowClosed();
		}
		ValidForm valid = this.validator.validate(form, repeatedFields, true);
		if (!valid.valid()) {
			return RegistrationResult.invalid(valid.problems(), valid.emailSuggestion());
		}
		if (valid.emailSuggestion() != null && !acceptEmailTypo) {
			return RegistrationResult.invalid(
					List.of(FieldProblem.of("email", "registration.error.email.typo", valid.emailSuggestion())),
					valid.emailSuggestion());
		}
		RegistrationResult result;
		try {
			result = insert(event, valid, locale, now);
		}
		catch (RuntimeException ex) {
			this.promoter.promote(event.id());
			throw ex;
		}
		if (result == null) {
			// The address is registered already; the seat the statement locked was
			// released.
			this.promoter.promote(event.id());
			return remindDuplicate(event.id(), valid.email());
		}
		if (result.status() == RegistrationStatus.WAITLISTED) {
			// It may have skipped a seat that another transaction locked, then released.
			this.promoter.promote(event.id());
		}
		return result;
	}

	/**
	 * The new registration, or null when the address is registered for the event already.
	 */
	private RegistrationResult insert(EventRow event, ValidForm valid, Locale locale, Instant now) {
		String token = ManageTokens.newToken();
		return this.transactions.execute((tx) -> {
			OffsetDateTime at = utc(now);
			Row row = this.jdbc.sql(REGISTER)
				.param("eventId", event.id())
				.param("pending", event.requiresApproval())
				.param("fullName", valid.fullName())
				.param("email", valid.email())
				.param("company", valid.company())
				.param("jobTitle", valid.jobTitle())
				.param("companyType", valid.companyType().name())
				.param("state", valid.state().name())
				.param("city", valid.city())
				.param("phone", valid.phone())
				.param("interest", valid.associationInterest().name())
				.param("referralSource", valid.referralSource())
				.param("comments", valid.comments())
				.param("consentVersion", privacyVersion())
				.param("now", at)
				.param("newsOptIn", valid.newsOptIn())
				.param("locale", SupportedLocales.of(locale.getLanguage()).getLanguage())
				.param("searchText", valid.searchText())
				.param("tokenHash", ManageTokens.hash(token))
				.query((rs, n) -> new Row(rs.getLong("id"), RegistrationStatus.valueOf(rs.getString("status"))))
				.optional()
				.orElse(null);
			if (row == null) {
				return null;
			}
			Type type = switch (row.status()) {
				case CONFIRMED -> Type.CONFIRMED;
				case WAITLISTED -> Type.WAITLISTED;
				default -> Type.RECEIVED_PENDING;
			};
			this.events.publishEvent(new RegistrationMessage(row.id(), type));
			return RegistrationResult.created(row.id(), token, row.status());
		});
	}

	/**
	 * The failed insert's transaction is rolled back: a new one mints a link for the
	 * registration the address already holds.
	 */
	private RegistrationResult remindDuplicate(long eventId, String email) {
		Long existing = this.transactions.execute((tx) -> {
			Optional<Long> id = activeRegistration(eventId, email);
			id.ifPresent(this::remindLink);
			return id.orElse(null);
		});
		return RegistrationResult.duplicate(existing);
	}

	/**
	 * "Email me my link": publishes a LINK_REMINDER when the address holds an active
	 * registration for the event, and does nothing otherwise; callers answer the same
	 * either way.
	 */
	public void sendLink(long eventId, String email) {
		change(() -> {
			String normalized = RegistrationValidator.normalize(email);
			if (normalized != null) {
				activeRegistration(eventId, normalized).ifPresent(this::remindLink);
			}
			return null;
		});
	}

	/**
	 * Emails the manage link again, unless {@value #LINKS_PER_HOUR} links went to this
	 * registration within the hour: the lookup form and duplicate registrations must not
	 * become a way to flood someone's inbox.
	 */
	private void remindLink(long registrationId) {
		// Counted at request time: the link itself is minted when the email is sent.
		// The registration's first email (its link included) counts as one.
		Instant now = this.clock.instant();
		int recent = this.jdbc.sql("""
				select (select count(*) from link_request where registration_id = :id and requested_at > :since)
				     + (select count(*) from registration where id = :id and created_at > :since)""")
			.param("id", registrationId)
			.param("since", utc(now.minus(LINK_WINDOW)))
			.query(Integer.class)
			.single();
		if (recent < LINKS_PER_HOUR) {
			this.jdbc.sql("insert into link_request (registration_id, requested_at) values (?, ?)")
				.params(registrationId, utc(now))
				.update();
			publish(registrationId, Type.LINK_REMINDER);
		}
	}

	/** The registration a manage token belongs to. */
	@Transactional(readOnly = true)
	public Optional<RegistrationView> findByToken(String token) {
		return this.tokens.resolve(token).flatMap(this.directory::find);
	}

	/**
	 * Self-service cancel. A registration that is already cancelled or declined stays so.
	 * @throws NotFoundException for an unknown token
	 */
	public RegistrationView cancelByToken(String token) {
		return change(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			Locked current = lock(id);
			if (ACTIVE.contains(current.status())) {
				end(current, RegistrationStatus.CANCELLED, Type.CANCELLED);
			}
			return view(id);
		});
	}

	/**
	 * Self-service edit, with the public form's validation (consent is not asked again).
	 * @throws RegistrationValidationException when the details break the rules
	 * @throws RegistrationStateException when the registration was cancelled or declined
	 */
	public RegistrationView updateByToken(String token, RegistrationForm form, Set<String> repeatedFields) {
		return change(() -> {
			long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
			return update(id, form, repeatedFields);
		});
	}

	/** PENDING → CONFIRMED when a seat is free, else WAITLISTED; tells the registrant. */
	public RegistrationView approve(long registrationId) {
		return change(() -> {
			Locked current = lock(registrationId);
			require(current, RegistrationStatus.PENDING);
			if (claimSeat(current)) {
				setStatus(registrationId, RegistrationStatus.CONFIRMED);
				publish(registrationId, Type.CONFIRMED);
			}
			else {
				setStatus(registrationId, RegistrationStatus.WAITLISTED);
				publish(registrationId, Type.WAITLISTED);
				this.promoter.promoteAfterCompletion(current.eventId());
			}
			return view(registrationId);
		});
	}

	/**
	 * Any active status → DECLINED; frees a held seat (promoting the waitlist); tells the
	 * registrant.
	 */
	public RegistrationView decline(long registrationId) {
		return endByStaff(registrationId, RegistrationStatus.DECLINED, Type.DECLINED);
	}

	/**
	 * Staff cancel: → CANCELLED; frees a held seat (promoting the waitlist); tells the
	 * registrant.
	 */
	public RegistrationView cancelByStaff(long registrationId) {
		return endByStaff(registrationId, RegistrationStatus.CANCELLED, Type.CANCELLED);
	}

	private RegistrationView endByStaff(long registrationId, RegistrationStatus status, Type message) {
		return change(() -> {
			Locked current = lock(registrationId);
			require(current, RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
			end(current, status, message);
			return view(registrationId);
		});
	}

	/**
	 * CONFIRMED or PENDING → WAITLISTED at the end of the waitlist; a freed seat goes to
	 * the first in the waitlist.
	 */
	public RegistrationView moveToWaitlist(long registrationId) {
		return change(() -> {
			Locked current = lock(registrationId);
			require(current, RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING);
			releaseSeat(registrationId);
			setStatus(registrationId, RegistrationStatus.WAITLISTED);
			publish(registrationId, Type.WAITLISTED);
			this.promoter.promoteAfterCompletion(current.eventId());
			return view(registrationId);
		});
	}

	/**
	 * WAITLISTED or PENDING → CONFIRMED. Without a free seat this fails unless
	 * {@code exceedCapacity}, which adds one seat to the event (capacity + 1).
	 * @throws RegistrationStateException (NO_FREE_SEAT) when the event is full and
	 * {@code exceedCapacity} is false
	 */
	public RegistrationView confirm(long registrationId, boolean exceedCapacity) {
		return change(() -> {
			Locked current = lock(registrationId);
			require(current, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING);
			if (!claimSeat(current)) {
				if (!exceedCapacity) {
					throw new RegistrationStateException(Reason.NO_FREE_SEAT,
							"No free seat for registration " + registrationId);
				}
				this.jdbc.sql("update event set capacity = capacity + 1, updated_at = :now where id = :eventId")
					.param("now", utc(this.clock.instant()))
					.param("eventId", current.eventId())
					.update();
				this.jdbc.sql("""
						insert into event_seat (event_id, seat_no, registration_id)
						select :eventId, coalesce(max(seat_no), 0) + 1, :id from event_seat where event_id = :eventId
						""").param("eventId", current.eventId()).param("id", registrationId).update();
			}
			setStatus(registrationId, RegistrationStatus.CONFIRMED);
			// "A seat freed up" fits the waitlist; an approved request is simply
			// confirmed.
			publish(registrationId,
					(current.status() == RegistrationStatus.WAITLISTED) ? Type.PROMOTED : Type.CONFIRMED);
			return view(registrationId);
		});
	}

	/** Records the check-in time; a second check-in keeps the first time and says so. */
	public CheckIn checkIn(long registrationId) {
		return change(() -> {
			Locked current = lock(registrationId);
			require(current, RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED);
			if (current.checkedIn()) {
				return new CheckIn(view(registrationId), true);
			}
			this.jdbc.sql("update registration set checked_in_at = :now, updated_at = :now where id = :id")
				.param("now", utc(this.clock.instant()))
				.param("id", registrationId)
				.update();
			return new CheckIn(view(registrationId), false);
		});
	}

	public RegistrationView undoCheckIn(long registrationId) {
		return change(() -> {
			lock(registrationId);
			this.jdbc.sql("update registration set checked_in_at = null, updated_at = :now where id = :id")
				.param("now", utc(this.clock.instant()))
				.param("id", registrationId)
				.update();
			return view(registrationId);
		});
	}

	/**
	 * Staff edit of the details, with the public form's validation.
	 * @throws RegistrationValidationException when the details break the rules
	 */
	public RegistrationView update(long registrationId, RegistrationForm form) {
		return change(() -> update(registrationId, form, Set.of()));
	}

	private RegistrationView update(long registrationId, RegistrationForm form, Set<String> repeatedFields) {
		ValidForm valid = this.validator.validate(form, repeatedFields, false);
		if (!valid.valid()) {
			throw new RegistrationValidationException(valid.problems());
		}
		Locked current = lock(registrationId);
		require(current, RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
		try {
			this.jdbc.sql("""
					update registration
					   set full_name = :fullName, email = :email, company = :company, job_title = :jobTitle,
					       company_type = :companyType, state = :state, city = :city, phone = :phone,
					       association_interest = :interest, referral_source = :referralSource, comments = :comments,
					       news_opt_in = :newsOptIn, search_text = :searchText, updated_at = :now,
					       version = version + 1
					 where id = :id
					""")
				.param("fullName", valid.fullName())
				.param("email", valid.email())
				.param("company", valid.company())
				.param("jobTitle", valid.jobTitle())
				.param("companyType", valid.companyType().name())
				.param("state", valid.state().name())
				.param("city", valid.city())
				.param("phone", valid.phone())
				.param("interest", valid.associationInterest().name())
				.param("referralSource", valid.referralSource())
				.param("comments", valid.comments())
				.param("newsOptIn", valid.newsOptIn())
				.param("searchText", valid.searchText())
				.param("now", utc(this.clock.instant()))
				.param("id", registrationId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RegistrationValidationException(
					List.of(FieldProblem.of("email", "registration.error.email.taken")));
		}
		return view(registrationId);
	}

	/**
	 * Sets an event's capacity (seat rows); raising it promotes the waitlist at once.
	 * Lowering it removes free seats only, highest numbers first.
	 * @throws RegistrationStateException (CAPACITY_BELOW_HELD_SEATS) when fewer seats
	 * than people hold were asked for
	 */
	public void changeCapacity(long eventId, int capacity) {
		change(() -> {
			if (capacity < 0) {
				throw new IllegalArgumentException("Capacity must not be negative");
			}
			// Capacity changes of one event serialize on its row; registrations never
			// take
			// it.
			this.jdbc.sql("select id from event where id = ? for update")
				.param(eventId)
				.query(Long.class)
				.optional()
				.orElseThrow(NotFoundException::new);
			int[] seats = this.jdbc.sql(
					"select count(*), count(registration_id), coalesce(max(seat_no), 0) from event_seat where event_id = ?")
				.param(eventId)
				.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
				.single();
			int total = seats[0];
			int held = seats[1];
			int highest = seats[2];
			if (capacity > total) {
				this.jdbc.sql("""
						insert into event_seat (event_id, seat_no)
						select :eventId, n from generate_series(:from, :to) n
						""")
					.param("eventId", eventId)
					.param("from", highest + 1)
					.param("to", highest + capacity - total)
					.update();
				this.promoter.promoteAfterCompletion(eventId);
			}
			else if (capacity < total) {
				int remove = total - capacity;
				int removed = (capacity < held) ? 0 : this.jdbc.sql("""
						delete from event_seat where (event_id, seat_no) in (
						    select event_id, seat_no from event_seat
						     where event_id = :eventId and registration_id is null
						     order by seat_no desc limit :remove for update)
						""").param("eventId", eventId).param("remove", remove).update();
				if (removed < remove) {
					throw new RegistrationStateException(Reason.CAPACITY_BELOW_HELD_SEATS,
							"Event " + eventId + " has " + held + " held seats; capacity " + capacity + " refused");
				}
			}
			this.jdbc.sql("update event set capacity = :capacity, updated_at = :now where id = :eventId")
				.param("capacity", capacity)
				.param("now", utc(this.clock.instant()))
				.param("eventId", eventId)
				.update();
			return null;
		});
	}

	/** Cancel or decline: frees the seat, tells the registrant, promotes the waitlist. */
	/**
	 * Runs a change in a transaction of its own, promoting the waitlist after it ends
	 * when the change asked for it (see {@link WaitlistPromoter#promoteAfterCompletion}).
	 * Within a caller's transaction the change joins it.
	 */
	private <T> T change(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return this.promoter.promotingAfter(() -> this.transactions.execute((tx) -> work.get()));
	}

	private void end(Locked current, RegistrationStatus status, Type message) {
		releaseSeat(current.id());
		setStatus(current.id(), status);
		publish(current.id(), message);
		this.promoter.promoteAfterCompletion(current.eventId());
	}

	private boolean claimSeat(Locked current) {
		return this.jdbc.sql(CLAIM_SEAT)
			.param("id", current.id())
			.param("eventId", current.eventId())
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	private void releaseSeat(long registrationId) {
		this.jdbc.sql("update event_seat set registration_id = null where registration_id = ?")
			.param(registrationId)
			.update();
	}

	private void setStatus(long id, RegistrationStatus status) {
		String changes = switch (status) {
			case CONFIRMED -> "confirmed_at = :now, waitlist_seq = null";
			case WAITLISTED -> "confirmed_at = null, waitlist_seq = nextval('waitlist_seq')";
			case CANCELLED -> "cancelled_at = :now, waitlist_seq = null";
			case DECLINED -> "declined_at = :now, waitlist_seq = null";
			case PENDING -> "waitlist_seq = null";
		};
		this.jdbc
			.sql("update registration set status = :status, " + changes
					+ ", updated_at = :now, version = version + 1 where id = :id")
			.param("status", status.name())
			.param("now", utc(this.clock.instant()))
			.param("id", id)
			.update();
	}

	private void publish(long registrationId, Type type) {
		this.events.publishEvent(new RegistrationMessage(registrationId, type));
	}

	private Locked lock(long id) {
		return this.jdbc.sql("select id, event_id, status, checked_in_at from registration where id = ? for update")
			.param(id)
			.query((rs, n) -> new Locked(rs.getLong("id"), rs.getLong("event_id"),
					RegistrationStatus.valueOf(rs.getString("status")), rs.getObject("checked_in_at") != null))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	private static void require(Locked current, RegistrationStatus... allowed) {
		if (!List.of(allowed).contains(current.status())) {
			throw new RegistrationStateException(Reason.WRONG_STATUS,
					"Registration " + current.id() + " is " + current.status());
		}
	}

	private RegistrationView view(long id) {
		return this.directory.find(id).orElseThrow(NotFoundException::new);
	}

	private Optional<Long> activeRegistration(long eventId, String email) {
		return this.jdbc
			.sql("select id from registration where event_id = ? and lower(email) = lower(?) and status <> 'CANCELLED'")
			.params(eventId, email)
			.query(Long.class)
			.optional();
	}

	private Optional<EventRow> eventBySlug(String slug) {
		if (slug == null || slug.length() > 80) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, published, requires_approval, registration_opens_at, registration_closes_at, starts_at
				  from event where slug = ?
				""")
			.param(slug)
			.query((rs, n) -> new EventRow(rs.getLong("id"), rs.getBoolean("published"),
					rs.getBoolean("requires_approval"),
					instant(rs.getObject("registration_opens_at", OffsetDateTime.class)),
					instant(rs.getObject("registration_closes_at", OffsetDateTime.class)),
					instant(rs.getObject("starts_at", OffsetDateTime.class))))
			.optional();
	}

	private String privacyVersion() {
		return this.messages.getMessage("privacy.version", null, SupportedLocales.SPANISH);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * The outcome of a check-in.
	 *
	 * @param alreadyCheckedIn true when the person was checked in before (nothing
	 * changed)
	 */
	public record CheckIn(RegistrationView registration, boolean alreadyCheckedIn) {
	}

	private record Row(long id, RegistrationStatus status) {
	}

	private record Locked(long id, long eventId, RegistrationStatus status, boolean checkedIn) {
	}

	/** What the hot path needs of an event. */
	private record EventRow(long id, boolean published, boolean requiresApproval, Instant opensAt, Instant closesAt,
			Instant startsAt) {

		/** The same rule as {@code EventInfo.registrationWindow}: open and published. */
		boolean open(Instant now) {
			if (!this.published || (this.opensAt != null && now.isBefore(this.opensAt))) {
				return false;
			}
			return now.isBefore((this.closesAt != null) ? this.closesAt : this.startsAt);
		}

	}

}
