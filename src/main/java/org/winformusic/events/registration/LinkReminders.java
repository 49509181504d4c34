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

	/** How long after registering a second form with the address sends no email. */
	static final Duration FIRST_EMAIL_WINDOW = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final Changes changes;

	private final Clock clock;

	LinkReminders(JdbcClient jdbc, Changes changes, Clock clock) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * Emails the manage link again, unless {@value #LINKS_PER_HOUR} links went to this
	 * registration within the hour: the lookup form and duplicate registrations must not
	 * become a way to flood someone's inbox.
	 */
	void remind(long registrationId) {
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
			this.changes.publish(registrationId, Type.LINK_REMINDER);
		}
	}

	/**
	 * The same address registered again: its link is emailed again, unless the
	 * registration is younger than {@link #FIRST_EMAIL_WINDOW}. Then the second form is a
	 * double tap or a Back-and-send of the first, whose email (carrying the link) is on
	 * its way: a second email a second later would only confuse.
	 */
	void remindOfDuplicate(long registrationId) {
		boolean fresh = this.jdbc.sql("select created_at > ? from registration where id = ?")
			.params(utc(this.clock.instant().minus(FIRST_EMAIL_WINDOW)), registrationId)
			.query(Boolean.class)
			.single();
		if (!fresh) {
			remind(registrationId);
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

}
