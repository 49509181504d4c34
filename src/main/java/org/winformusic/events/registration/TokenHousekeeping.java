package org.winformusic.events.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the registration feature's secrets and counters from piling up: each registration
 * keeps only its newest {@code app.manage-links-kept} manage-link tokens (every email
 * mints one, so an old email's link stops working once enough newer ones were sent),
 * "email me my link" requests go once they are older than the hour they are counted in,
 * and changes of address (the address asked for, the confirmation links) once their links
 * expired, and door phones' check-ins undone ({@link CheckIns#UNDONE_KEPT}) once no phone
 * would send them again. Safe on several instances at once: all are plain deletes of rows
 * nobody needs.
 */
@Component
class TokenHousekeeping {

	private static final Log logger = LogFactory.getLog(TokenHousekeeping.class);

	private final JdbcClient jdbc;

	private final RegistrationProperties properties;

	private final Clock clock;

	private final EmailChanges emailChanges;

	private final CheckIns checkIns;

	TokenHousekeeping(JdbcClient jdbc, RegistrationProperties properties, Clock clock, EmailChanges emailChanges,
			CheckIns checkIns) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.emailChanges = emailChanges;
		this.checkIns = checkIns;
	}

	@Scheduled(cron = "${app.housekeeping-cron:0 41 * * * *}")
	void run() {
		int tokens = dropOlderTokens();
		int requests = dropExpiredLinkRequests();
		int changes = this.emailChanges.dropExpired();
		int undone = this.checkIns.forgetOldUndone();
		if (tokens + requests + changes + undone > 0) {
			logger.info("Housekeeping removed " + tokens + " old manage-link token(s), " + requests
					+ " expired link request(s), " + changes + " expired change(s) of address and " + undone
					+ " old undone door check-in(s)");
		}
	}

	/** Deletes every token beyond each registration's newest few; returns how many. */
	int dropOlderTokens() {
		return this.jdbc
			.sql("""
					delete from registration_token t
					 using (select token_hash,
					               row_number() over (partition by registration_id order by created_at desc, token_hash) as n
					          from registration_token) ranked
					 where t.token_hash = ranked.token_hash and ranked.n > :kept""")
			.param("kept", Math.max(1, this.properties.manageLinksKept()))
			.update();
	}

	/** Deletes link requests outside the rate-limit window; returns how many. */
	int dropExpiredLinkRequests() {
		return this.jdbc.sql("delete from link_request where requested_at < ?")
			.param(OffsetDateTime.ofInstant(this.clock.instant().minus(LinkReminders.LINK_WINDOW), ZoneOffset.UTC))
			.update();
	}

}
