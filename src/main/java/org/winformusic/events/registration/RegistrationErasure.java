package org.winformusic.events.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.winformusic.events.shared.EmailAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal-data side of registrations: blocking an erased registration, anonymizing
 * the registrations of long-ended events, suppressing blocked data for good, finding
 * every registration of one address, and the news opt-out.
 *
 * <p>
 * Anonymizing overwrites the fields a person typed, deletes the answers to the event's
 * own questions, and keeps what WIN's statistics need (event, status, dates, state,
 * company type, association interest, check-in time). The email becomes
 * {@code anonymized-<id>@invalid}: unique, so the one-active-registration index holds,
 * and in a reserved domain nobody can receive mail at.
 */
@Service
public class RegistrationErasure {

	private static final String ANONYMIZE = """
			update registration
			   set full_name = '—', email = 'anonymized-' || id || '@invalid', company = '—', job_title = null,
			       city = '—', phone = null, referral_source = null, comments = null, news_opt_in = false,
			       search_text = '', anonymized_at = :now, version = version + 1
			 where id in (:ids)
			""";

	private final JdbcClient jdbc;

	private final RegistrationDirectory directory;

	private final RegistrationRepository repository;

	private final EmailChanges emailChanges;

	RegistrationErasure(JdbcClient jdbc, RegistrationDirectory directory, RegistrationRepository repository,
			EmailChanges emailChanges) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.repository = repository;
		this.emailChanges = emailChanges;
	}

	/**
	 * Blocks a registration: its personal fields move to
	 * {@code registration_blocked_data} (kept apart, read by nothing but the retention
	 * job), the row keeps only what proves the request, and its manage links stop
	 * working: they only say that the data was erased ({@link ManageTokens#erased}),
	 * until the blocked copy is suppressed. Cancel it first: blocking does not touch
	 * seats. A registration blocked already stays as it is.
	 * @return true when this call blocked it
	 */
	@Transactional
	public boolean block(long registrationId, Instant now) {
		// SQL: copies the row as JSON and moves it in the database, no entity round trip.
		int moved = this.jdbc.sql("""
				insert into registration_blocked_data (registration_id, blocked_at, data)
				select r.id, :now, to_jsonb(r) - 'search_text' || jsonb_build_object('answers',
				       (select coalesce(jsonb_agg(jsonb_build_object('question_id', a.question_id,
				                'text', a.text_value, 'yes_no', a.yes_no)), '[]') from registration_answer a
				         where a.registration_id = r.id),
				       'choices', (select coalesce(jsonb_agg(c.choice_id), '[]') from registration_answer_choice c
				         where c.registration_id = r.id))
				  from registration r
				 where r.id = :id and r.blocked_at is null
				on conflict (registration_id) do nothing
				""").param("id", registrationId).param("now", Timestamp.from(now)).update();
		if (moved == 0) {
			return false;
		}
		this.jdbc.sql("update registration set blocked_at = :now, version = version + 1 where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", registrationId)
			.update();
		// The link's hashes stay (a hash is no personal data): the old link then says the
		// data was erased, not that a newer link was sent. Suppression deletes them.
		anonymize(List.of(registrationId), now, false);
		return true;
	}

	/**
	 * Up to {@code limit} registrations of these events that still hold personal data,
	 * locked for anonymizing (another instance's run skips them).
	 */
	@Transactional
	public List<Long> holdingPersonalData(List<Long> eventIds, int limit) {
		if (eventIds.isEmpty()) {
			return List.of();
		}
		// SQL: SKIP LOCKED lets several instances run the retention job side by side.
		return this.jdbc.sql("""
				select id from registration
				 where event_id = any(:events) and anonymized_at is null
				 order by id limit :limit
				 for update skip locked
				""")
			.param("events", eventIds.stream().mapToLong(Long::longValue).toArray())
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Overwrites the personal fields of these registrations (see the class comment) and
	 * drops their manage links and their changes of address (the addresses asked for, and
	 * the confirmation links).
	 */
	@Transactional
	public void anonymize(List<Long> registrationIds, Instant now) {
		anonymize(registrationIds, now, true);
	}

	private void anonymize(List<Long> registrationIds, Instant now, boolean dropLinks) {
		if (registrationIds.isEmpty()) {
			return;
		}
		// SQL: one set-based update for the whole batch.
		this.jdbc.sql(ANONYMIZE).param("ids", registrationIds).param("now", Timestamp.from(now)).update();
		// Answers to the event's own questions are what the person typed or chose.
		this.jdbc.sql("delete from registration_answer where registration_id in (:ids)")
			.param("ids", registrationIds)
			.update();
		this.jdbc.sql("delete from registration_answer_choice where registration_id in (:ids)")
			.param("ids", registrationIds)
			.update();
		if (dropLinks) {
			dropLinks(registrationIds);
		}
		this.emailChanges.deleteFor(registrationIds);
	}

	/**
	 * Deletes the blocked copies whose blocking period ended before {@code cutoff}
	 * (supresión); the anonymized registration rows stay for the statistics.
	 * @return the registrations whose copy was deleted
	 */
	@Transactional
	public List<Long> suppressBlockedBefore(Instant cutoff) {
		List<Long> suppressed = this.jdbc
			.sql("delete from registration_blocked_data where blocked_at < ? returning registration_id")
			.param(Timestamp.from(cutoff))
			.query(Long.class)
			.list();
		// The links kept to say "erased" go with the data they stood for.
		if (!suppressed.isEmpty()) {
			dropLinks(suppressed);
		}
		return suppressed;
	}

	private void dropLinks(List<Long> registrationIds) {
		this.jdbc.sql("delete from registration_token where registration_id in (:ids)")
			.param("ids", registrationIds)
			.update();
	}

	/** Whether the registration was blocked after an erasure request. */
	@Transactional(readOnly = true)
	public boolean isBlocked(long registrationId) {
		return this.jdbc.sql("select blocked_at is not null from registration where id = ?")
			.param(registrationId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Whether the registration's personal data is gone: erased on request (blocked) or
	 * anonymized by retention. It has no address left; staff can no longer email, edit or
	 * erase it.
	 */
	@Transactional(readOnly = true)
	public boolean isErased(long registrationId) {
		return this.jdbc.sql("select anonymized_at is not null from registration where id = ?")
			.param(registrationId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Every registration of an address across all events (not blocked ones: their data is
	 * out of reach), oldest first — for a request that arrived by email.
	 */
	@Transactional(readOnly = true)
	public List<RegistrationView> findByEmail(String email) {
		String address = RegistrationValidator.address(email);
		if (address == null) {
			return List.of();
		}
		String ascii = EmailAddresses.ascii(address);
		return this.repository.findViewsByEmail(address, (ascii != null) ? ascii : address);
	}

	/** A registration as {@link RegistrationDirectory} reads it. */
	@Transactional(readOnly = true)
	public java.util.Optional<RegistrationView> find(long registrationId) {
		return this.directory.find(registrationId);
	}

	/**
	 * Whether an address is the placeholder an erased or anonymized registration holds
	 * instead of one ({@code anonymized-<id>@invalid}): pages and exports show no
	 * address.
	 */
	public static boolean isErasedAddress(String email) {
		return email != null && email.startsWith("anonymized-") && email.endsWith("@invalid");
	}

	/**
	 * Opposition to news: turns {@code newsOptIn} off. No confirmation is asked or sent.
	 * @return false for an unknown registration
	 */
	@Transactional
	public boolean stopNews(long registrationId, Instant now) {
		// SQL: one column set without loading the row (a link in an email, no form).
		return this.jdbc
			.sql("update registration set news_opt_in = false, updated_at = ?, version = version + 1 where id = ?")
			.params(Timestamp.from(now), registrationId)
			.update() > 0;
	}

}
