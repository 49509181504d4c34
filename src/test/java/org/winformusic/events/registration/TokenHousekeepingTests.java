package org.winformusic.events.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration keeps its newest manage links only, and "email me my link" requests are
 * counted at request time and dropped once outside their hour.
 */
@IntegrationTest
class TokenHousekeepingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	ManageTokens tokens;

	@Autowired
	TokenHousekeeping housekeeping;

	@Autowired
	EmailChanges emailChanges;

	@Test
	void aRegistrationKeepsItsFiveNewestLinksAndOlderOnesStopWorking() {
		RegistrationResult result = register("keep@example.com");
		List<String> issued = new ArrayList<>();
		issued.add(result.manageToken());
		for (int i = 0; i < 6; i++) {
			issued.add(this.tokens.issue(result.registrationId()));
		}
		// Oldest first, a minute apart.
		Instant start = Instant.now().minus(Duration.ofHours(2));
		for (int i = 0; i < issued.size(); i++) {
			this.jdbc.sql("update registration_token set created_at = ? where token_hash = ?")
				.params(OffsetDateTime.ofInstant(start.plusSeconds(60L * i), ZoneOffset.UTC),
						ManageTokens.hash(issued.get(i)))
				.update();
		}

		assertThat(this.housekeeping.dropOlderTokens()).isGreaterThanOrEqualTo(2);

		assertThat(this.tokens.resolve(issued.get(0))).isEmpty();
		assertThat(this.tokens.resolve(issued.get(1))).isEmpty();
		for (String token : issued.subList(2, 7)) {
			assertThat(this.tokens.resolve(token)).contains(result.registrationId());
		}
		assertThat(this.housekeeping.dropOlderTokens()).as("nothing more to drop").isZero();
	}

	@Test
	void linkRequestsAreCountedAtRequestTimeAndDroppedOutsideTheirHour() {
		RegistrationResult result = register("links@example.com");
		long eventId = this.jdbc.sql("select event_id from registration where id = ?")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		// Three minutes apart, so none is a double tap; all within the hour.
		for (int i = 0; i < 10; i++) {
			new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(result.registrationId());
			this.registrations.sendLink(eventId, "links@example.com");
		}
		// The registration's own email counts as the first of five.
		assertThat(requests(result.registrationId())).isEqualTo(LinkReminders.LINKS_PER_HOUR - 1);
		assertThat(this.jdbc.sql("select count(*) from registration_token where registration_id = ?")
			.param(result.registrationId())
			.query(Long.class)
			.single()).as("links are minted when the emails are sent, not when asked for").isEqualTo(1);

		this.jdbc
			.sql("update link_request set requested_at = requested_at - interval '61 minutes'"
					+ " where registration_id = ?")
			.param(result.registrationId())
			.update();
		this.jdbc.sql("update registration set created_at = created_at - interval '61 minutes' where id = ?")
			.param(result.registrationId())
			.update();
		assertThat(this.housekeeping.dropExpiredLinkRequests()).isGreaterThanOrEqualTo(4);
		assertThat(requests(result.registrationId())).isZero();

		this.registrations.sendLink(eventId, "links@example.com");
		assertThat(requests(result.registrationId())).as("a new hour, a new link").isEqualTo(1);
	}

	@Test
	void aChangeOfAddressGoesOnceItsLinkExpiredWithTheLinksSentForIt() {
		RegistrationResult result = register("moving@example.com");
		long id = result.registrationId();
		for (String address : new String[] { "expired@example.com", "waiting@example.com" }) {
			this.jdbc.sql("""
					update email_change set state = 'SUPERSEDED' where registration_id = ? and state = 'PENDING'""")
				.param(id)
				.update();
			this.jdbc.sql("""
					insert into email_change (registration_id, new_email, state, requested_at, expires_at)
					values (?, ?, 'PENDING', now(), now() + interval '48 hours')""").params(id, address).update();
			assertThat(this.emailChanges.issueConfirmToken(id, address)).isPresent();
		}
		this.jdbc.sql("update email_change set expires_at = now() - interval '1 minute' where new_email = ?")
			.param("expired@example.com")
			.update();

		this.housekeeping.run();

		assertThat(this.jdbc.sql("select new_email from email_change where registration_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("waiting@example.com");
		assertThat(this.jdbc.sql("""
				select count(*) from email_change_token t join email_change c on c.id = t.change_id
				 where c.registration_id = ?""").param(id).query(Long.class).single()).isOne();
	}

	/**
	 * A door phone's check-in undone is remembered so that it is not recorded again when
	 * sent after its undo; after 30 days no phone sends it any more, and it goes.
	 */
	@Test
	void undoneDoorCheckInsAreForgottenAfterThirtyDays() {
		long id = register("undone@example.com").registrationId();
		for (String[] undone : new String[][] { { "phone-old", "31 days" }, { "phone-recent", "29 days" } }) {
			this.jdbc.sql("""
					insert into checkin_undone (registration_id, checkin_key, undone_at)
					values (?, ?, now() - cast(? as interval))""").params(id, undone[0], undone[1]).update();
		}

		this.housekeeping.run();

		assertThat(this.jdbc.sql("select checkin_key from checkin_undone where registration_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("phone-recent");
	}

	private long requests(long registrationId) {
		return this.jdbc.sql("select count(*) from link_request where registration_id = ?")
			.param(registrationId)
			.query(Long.class)
			.single();
	}

	private RegistrationResult register(String email) {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		return this.registrations.register(event.slug(), new RegistrationForm("Ana Limpia", email, "Discos", null,
				"INDEPENDENT_LABEL", "CMX", "Ciudad de México", null, "YES", null, null, true, false, null),
				Locale.ENGLISH);
	}

}
