package org.winformusic.events.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStateException.Reason;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A registrant's change of email address, which takes effect only once the new address
 * confirms it. The request waits in {@code email_change} (one per registration: a newer
 * one replaces it); the address asked for gets {@link Type#EMAIL_CONFIRM}, whose link is
 * minted when that email is sent (only its SHA-256 is stored, in
 * {@code email_change_token}, like manage links) and works once, for {@link #LINK_VALID}
 * after the email left. Whether another registration of the event holds the address is
 * not looked at here, so the edit form answers the same for any address: its owner is
 * told when they confirm ({@link SelfService#confirmEmailChange}).
 */
@Component
public class EmailChanges {

	/** Where a confirmation link leads, followed by its token. */
	public static final String CONFIRM_PATH = "/email-change/";

	/** How long a confirmation link works after its email was sent. */
	public static final Duration LINK_VALID = Duration.ofHours(48);

	/**
	 * Requests a registration may make within an hour: each emails an address someone
	 * typed, so a manage link cannot be used to send a flood.
	 */
	static final int REQUESTS_PER_HOUR = 5;

	/** What became of a request. */
	enum State {

		/** Waiting for the new address to confirm. */
		PENDING,
		/** Confirmed: the registration has the new address. */
		CONFIRMED,
		/** Replaced by a newer request, or by a staff edit of the address. */
		SUPERSEDED,
		/** Cancelled by the registrant. */
		CANCELLED

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EmailChanges(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** The change of a registration that waits for confirmation and has not expired. */
	Optional<Waiting> waiting(long registrationId) {
		return this.jdbc.sql("""
				select new_email, requested_at, expires_at from email_change
				 where registration_id = ? and state = 'PENDING' and expires_at > ?""")
			.params(registrationId, now())
			.query((rs, n) -> new Waiting(rs.getString("new_email"), rs.getTimestamp("requested_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	/**
	 * Records a request to change the registration's address to {@code address},
	 * replacing any waiting one, and queues the email with its confirmation link. The
	 * caller holds the registration's row lock.
	 * @throws RegistrationStateException (EMAIL_CHANGES_LIMIT) when the registration made
	 * {@link #REQUESTS_PER_HOUR} requests within the last hour: nothing was recorded
	 */
	void request(RegistrationView registration, String address) {
		Instant now = this.clock.instant();
		long recent = this.jdbc.sql("select count(*) from email_change where registration_id = ? and requested_at > ?")
			.params(registration.id(), Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		if (recent >= REQUESTS_PER_HOUR) {
			throw new RegistrationStateException(Reason.EMAIL_CHANGES_LIMIT,
					"Registration " + registration.id() + " asked for too many address changes");
		}
		end(registration.id(), State.SUPERSEDED);
		this.jdbc.sql("""
				insert into email_change (registration_id, new_email, state, requested_at, expires_at)
				values (?, ?, 'PENDING', ?, ?)""")
			.params(registration.id(), address, Timestamp.from(now), Timestamp.from(now.plus(LINK_VALID)))
			.update();
		this.events.publishEvent(new RegistrationMessage(registration.id(), registration.eventId(),
				registration.locale().getLanguage(), Type.EMAIL_CONFIRM, address));
	}

	/**
	 * Ends the registration's waiting change, if any, as {@code state}; its links then
	 * say so, and its email, if still queued, is not sent.
	 * @return whether a change was waiting (expired ones included)
	 */
	boolean end(long registrationId, State state) {
		return this.jdbc.sql("update email_change set state = ? where registration_id = ? and state = 'PENDING'")
			.params(state.name(), registrationId)
			.update() > 0;
	}

	/**
	 * Mints the confirmation link of the email about to be sent to {@code address}, and
	 * keeps the change open for {@link #LINK_VALID} from now, as that email says. Empty
	 * when no change to that address waits any more (replaced, cancelled, expired): the
	 * email is then not sent. The raw token is returned, never stored.
	 */
	public Optional<String> issueConfirmToken(long registrationId, String address) {
		if (address == null) {
			return Optional.empty();
		}
		String token = ManageTokens.newToken();
		Instant now = this.clock.instant();
		// SQL: one statement; the update's row lock orders it with a newer request or a
		// cancel, so a link is minted only for a change still waiting.
		int minted = this.jdbc.sql("""
				with waiting as (
				    update email_change set expires_at = greatest(expires_at, :until)
				     where registration_id = :registration and state = 'PENDING' and expires_at > :now
				       and lower(new_email) = lower(:address)
				    returning id)
				insert into email_change_token (token_hash, change_id, created_at)
				select :hash, id, :now from waiting""")
			.param("until", Timestamp.from(now.plus(LINK_VALID)))
			.param("registration", registrationId)
			.param("now", Timestamp.from(now))
			.param("address", address)
			.param("hash", ManageTokens.hash(token))
			.update();
		return (minted == 1) ? Optional.of(token) : Optional.empty();
	}

	/** The change a confirmation token belongs to, read without any lock. */
	Optional<Change> find(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select c.id, c.registration_id, c.new_email, c.state, c.expires_at
				  from email_change_token t join email_change c on c.id = t.change_id
				 where t.token_hash = ?""").param(ManageTokens.hash(token)).query(EmailChanges::change).optional();
	}

	/**
	 * The change read again with its row locked, for the rest of the confirmation (the
	 * caller locked the registration first, as every change does).
	 */
	Change lock(long changeId) {
		return this.jdbc
			.sql("select id, registration_id, new_email, state, expires_at from email_change where id = ? for update")
			.param(changeId)
			.query(EmailChanges::change)
			.single();
	}

	void confirmed(long changeId) {
		this.jdbc.sql("update email_change set state = 'CONFIRMED' where id = ?").param(changeId).update();
	}

	/**
	 * Whether another registration of the event that holds its address (the unique index
	 * of event and address, every status but cancelled) uses {@code address}.
	 */
	boolean heldByAnother(long eventId, String address, long registrationId) {
		return this.jdbc
			.sql("""
					select exists (select 1 from registration
					                where event_id = ? and lower(email) = lower(?) and status <> 'CANCELLED' and id <> ?)""")
			.params(eventId, address, registrationId)
			.query(Boolean.class)
			.single();
	}

	/** Deletes every change of these registrations (their personal data goes). */
	void deleteFor(Collection<Long> registrationIds) {
		if (!registrationIds.isEmpty()) {
			this.jdbc.sql("delete from email_change where registration_id in (:ids)")
				.param("ids", registrationIds)
				.update();
		}
	}

	/** Deletes the changes whose links expired; returns how many. */
	int dropExpired() {
		return this.jdbc.sql("delete from email_change where expires_at < ?").param(now()).update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Change(rs.getLong("id"), rs.getLong("registration_id"), rs.getString("new_email"),
				State.valueOf(rs.getString("state")), rs.getTimestamp("expires_at").toInstant());
	}

	/**
	 * A change of address waiting for confirmation, as the manage page and the data
	 * report show it.
	 *
	 * @param newEmail the address asked for, where the confirmation link went
	 */
	public record Waiting(String newEmail, Instant requestedAt, Instant expiresAt) {

	}

	/** A change as a confirmation link finds it. */
	record Change(long id, long registrationId, String newEmail, State state, Instant expiresAt) {

	}

}
