package org.winformusic.events.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.shared.EmailAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The manage link sent again by email ("email me my link", or a second registration with
 * the same address), within a limit per registration and hour. Runs inside the caller's
 * transaction.
 */
@Component
class LinkReminders {

	/** Manage links (the first included) one registration may be sent per hour. */
	static final int LINKS_PER_HOUR = 5;

	/** The window of {@link #LINKS_PER_HOUR}; housekeeping drops older link requests. */
	static final Duration LINK_WINDOW = Duration.ofHours(1);

	/**
	 * How long after the last email carrying the link was asked for (the registration's
	 * first email, or a link request) another request sends nothing. Two minutes: a
	 * double tap, a second submit without JavaScript or a Back-and-send comes within
	 * seconds, a retry on a slow phone connection within a minute, and the email asked
	 * for is normally delivered well within two; someone who still has nothing after that
	 * (checked spam, typed it again) gets another. Longer would leave them waiting
	 * without a word, since the page may not say whether anything was sent.
	 */
	static final Duration DOUBLE_TAP_WINDOW = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final Changes changes;

	private final Clock clock;

	LinkReminders(JdbcClient jdbc, Changes changes, Clock clock) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * Emails the manage link again ("email me my link", or a second registration with the
	 * address), unless the last email carrying it was asked for less than
	 * {@link #DOUBLE_TAP_WINDOW} ago (that request is the same one tapped twice, and its
	 * email is on its way: a second a second later would only confuse), or
	 * {@value #LINKS_PER_HOUR} went to this registration within the hour (the lookup form
	 * and duplicate registrations must not become a way to flood someone's inbox). Either
	 * way the caller answers the same.
	 */
	void remind(long registrationId) {
		// Two requests at once see each other: the second waits for the first's row.
		this.changes.lock(registrationId);
		// Counted at request time: the link itself is minted when the email is sent.
		// The registration's first email (its link included) counts as one.
		Instant now = this.clock.instant();
		Requests requests = this.jdbc.sql("""
				select count(*) filter (where at > :hourAgo) as recent, coalesce(bool_or(at > :tapAgo), false) as tapped
				  from (select requested_at as at from link_request where registration_id = :id
				        union all
				        select created_at from registration where id = :id) asked""")
			.param("id", registrationId)
			.param("hourAgo", utc(now.minus(LINK_WINDOW)))
			.param("tapAgo", utc(now.minus(DOUBLE_TAP_WINDOW)))
			.query((rs, n) -> new Requests(rs.getInt("recent"), rs.getBoolean("tapped")))
			.single();
		if (!requests.tapped() && requests.recent() < LINKS_PER_HOUR) {
			this.jdbc.sql("insert into link_request (registration_id, requested_at) values (?, ?)")
				.params(registrationId, utc(now))
				.update();
			this.changes.publish(registrationId, Type.LINK_REMINDER);
		}
	}

	/**
	 * The registration holding an address in its one spelling
	 * ({@link RegistrationValidator#address}). Rows stored before addresses were
	 * canonicalized keep the domain as it was typed, perhaps in ASCII
	 * ({@code xn--diseo-rta.mx}): no migration converts them (see README, "Registration
	 * rules"), so the ASCII spelling is looked for too.
	 */
	Optional<Long> holdingAddress(long eventId, String address) {
		return withAddress(eventId, address, RegistrationStatus.HOLDS_ADDRESS_SQL + " order by id");
	}

	/**
	 * The registration whose link the lookup form sends for an address: the one holding
	 * it, else the most recent cancelled one that still holds its data. Someone who
	 * cancelled gets their link back to see, download or erase what is kept until the
	 * retention period ends (the privacy notice says so); a new registration with the
	 * address is theirs to make on the form.
	 */
	Optional<Long> forLookup(long eventId, String address) {
		Optional<Long> holding = holdingAddress(eventId, address);
		if (holding.isPresent()) {
			return holding;
		}
		return withAddress(eventId, address, "status = 'CANCELLED' and anonymized_at is null order by id desc");
	}

	/**
	 * The first registration of the event with the address (either spelling) that
	 * {@code where}.
	 */
	private Optional<Long> withAddress(long eventId, String address, String whereAndOrder) {
		String ascii = EmailAddresses.ascii(address);
		return this.jdbc
			.sql("select id from registration where event_id = ? and lower(email) in (lower(?), lower(?)) and "
					+ whereAndOrder + " limit 1")
			.params(eventId, address, (ascii != null) ? ascii : address)
			.query(Long.class)
			.optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The link emails asked for within the hour, and whether one just now. */
	private record Requests(int recent, boolean tapped) {
	}

}
