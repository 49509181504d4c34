package org.winformusic.events.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.RegisteringEvent;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * What a visitor does without a manage link: register, and ask for the link by email.
 * <p>
 * Capacity lives in seat rows ({@code event_seat}, one per seat). A registration claims
 * the lowest free seat with {@code FOR UPDATE SKIP LOCKED} in the same statement that
 * inserts it, so concurrent registrations never wait for each other and confirmed
 * registrations can never outnumber the rows. See {@link WaitlistPromoter} for how freed
 * and skipped seats reach the waitlist.
 */
@Service
public class PublicRegistrations {

	/**
	 * The hot path in one statement: claim the lowest free seat (unless the event needs
	 * approval, or someone is waiting: then the newcomer joins the waitlist behind them,
	 * and freed seats go to the waitlist in order; the check is one probe of
	 * {@code registration_waitlist_idx}), insert the registration as CONFIRMED with that
	 * seat, else WAITLISTED with the next waitlist number, and store the manage token's
	 * hash. When a registration of the event already holds the address (any but a
	 * cancelled one: {@link RegistrationStatus#holdsAddress()}), the unique index on
	 * (event, lower(email)) makes the insert do nothing and the statement returns no row:
	 * no error, so nothing (not even PostgreSQL's own log) records the address.
	 */
	private static final String REGISTER = """
			with seat as (
			    select event_id, seat_no from event_seat
			     where event_id = :eventId and registration_id is null and not :pending
			       and not exists (select 1 from registration w
			                        where w.event_id = :eventId and w.status = 'WAITLISTED')
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
			    on conflict (event_id, lower(email)) where
			    """ + RegistrationStatus.HOLDS_ADDRESS_SQL + """
			    do nothing
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

	private final JdbcClient jdbc;

	private final Changes changes;

	private final RegistrationValidator validator;

	private final WaitlistPromoter promoter;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final AnswerChecks answers;

	private final EventCatalog catalog;

	private final LinkReminders links;

	PublicRegistrations(JdbcClient jdbc, Changes changes, RegistrationValidator validator, WaitlistPromoter promoter,
			ApplicationEventPublisher events, MessageSource messages, Clock clock,
			PlatformTransactionManager transactionManager, AnswerChecks answers, EventCatalog catalog,
			LinkReminders links) {
		this.links = links;
		this.jdbc = jdbc;
		this.changes = changes;
		this.validator = validator;
		this.promoter = promoter;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.answers = answers;
		this.catalog = catalog;
	}

	/**
	 * Registers with a form that must pass {@link RegistrationValidator} (scripts and
	 * tests; the public form checks it itself, to show the problems).
	 * @throws NotFoundException when no event has this slug
	 * @throws IllegalArgumentException when the form breaks the rules
	 */
	public RegistrationResult register(String eventSlug, RegistrationForm form, Locale locale) {
		RegisteringEvent event = this.catalog.registering(eventSlug).orElseThrow(NotFoundException::new);
		if (!event.open(this.clock.instant())) {
			return RegistrationResult.windowClosed();
		}
		BindingResult errors = new BeanPropertyBindingResult(form, RegistrationFormBinding.NAME);
		CheckedForm checked = this.validator.check(form, FormContext.registering(event), errors);
		if (checked == null) {
			throw new IllegalArgumentException("Invalid registration form, fields "
					+ errors.getFieldErrors().stream().map((e) -> e.getField() + " " + e.getCode()).toList());
		}
		return register(event, checked, locale);
	}

	/**
	 * Registers for an event whose registration window is open, with a form checked
	 * against it. An address that already holds an active registration gets its manage
	 * link emailed again (LINK_REMINDER) instead of a second registration.
	 */
	public RegistrationResult register(RegisteringEvent event, CheckedForm form, Locale locale) {
		if (form.eventId() != event.id()) {
			throw new IllegalArgumentException("The form was checked for another event");
		}
		Instant now = this.clock.instant();
		if (!event.open(now)) {
			return RegistrationResult.windowClosed();
		}
		ValidForm valid = form.values();
		RegistrationResult result;
		try {
			result = insert(event, valid, form.answers(), locale, now);
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
			this.promoter.promoteAfterRegistering(event.id());
		}
		return result;
	}

	/**
	 * The new registration, or null when the address is registered for the event already.
	 */
	private RegistrationResult insert(RegisteringEvent event, ValidForm valid, CheckedAnswers answers, Locale locale,
			Instant now) {
		String token = ManageTokens.newToken();
		String language = SupportedLocales.of(locale.getLanguage()).getLanguage();
		return this.transactions.execute((tx) -> {
			OffsetDateTime at = utc(now);
			Row row = valid.bindTo(this.jdbc.sql(REGISTER))
				.param("eventId", event.id())
				.param("pending", event.requiresApproval())
				.param("consentVersion", privacyVersion())
				.param("now", at)
				.param("newsOptIn", valid.newsOptIn())
				.param("locale", language)
				.param("tokenHash", ManageTokens.hash(token))
				.query((rs, n) -> new Row(rs.getLong("id"), RegistrationStatus.valueOf(rs.getString("status"))))
				.optional()
				.orElse(null);
			if (row == null) {
				return null;
			}
			this.answers.store(row.id(), answers, false);
			Type type = switch (row.status()) {
				case CONFIRMED -> Type.CONFIRMED;
				case WAITLISTED -> Type.WAITLISTED;
				default -> Type.RECEIVED_PENDING;
			};
			this.events.publishEvent(new RegistrationMessage(row.id(), event.id(), language, type));
			return RegistrationResult.created(row.id(), token, row.status());
		});
	}

	/**
	 * The failed insert's transaction is rolled back: a new one mints a link for the
	 * registration the address already holds.
	 */
	private RegistrationResult remindDuplicate(long eventId, String email) {
		Long existing = this.transactions.execute((tx) -> {
			Optional<Long> id = this.links.holdingAddress(eventId, email);
			id.ifPresent(this.links::remind);
			return id.orElse(null);
		});
		return RegistrationResult.duplicate(existing);
	}

	/**
	 * "Email me my link": publishes a LINK_REMINDER when the address holds a registration
	 * for the event, or had one that was cancelled and still holds its data
	 * ({@link LinkReminders#forLookup}), and does nothing otherwise; callers answer the
	 * same either way.
	 */
	public void sendLink(long eventId, String email) {
		this.changes.run(() -> {
			String address = RegistrationValidator.address(email);
			if (address != null) {
				this.links.forLookup(eventId, address).ifPresent(this.links::remind);
			}
			return null;
		});
	}

	private String privacyVersion() {
		return this.messages.getMessage("privacy.version", null, SupportedLocales.SPANISH);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private record Row(long id, RegistrationStatus status) {
	}

}
