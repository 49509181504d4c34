package org.winformusic.events.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.ExpectedAttendees;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues the "see you soon" reminder to everyone expected at an event that starts within
 * {@code app.mail.reminder-before}: once per registration, whatever the number of
 * instances running this job (a unique index on the outbox decides). Not to whoever got
 * their seat once that window had opened (their confirmation or promotion, minutes old,
 * says it all), nor to someone who has arrived.
 */
@Component
class EventReminders {

	private static final Log logger = LogFactory.getLog(EventReminders.class);

	private static final int MAX_PER_RUN = 5000;

	private static final int PAGE = 1000;

	private final EventCatalog catalog;

	private final ExpectedAttendees attendees;

	private final JdbcClient jdbc;

	private final RegistrationMails mails;

	private final MailSettings settings;

	private final Clock clock;

	EventReminders(EventCatalog catalog, ExpectedAttendees attendees, JdbcClient jdbc, RegistrationMails mails,
			MailSettings settings, Clock clock) {
		this.catalog = catalog;
		this.attendees = attendees;
		this.jdbc = jdbc;
		this.mails = mails;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(cron = "${app.mail.reminder-cron:0 17 * * * *}")
	void queueOnSchedule() {
		if (this.settings.mail().senderEnabled()) {
			queueDueReminders();
		}
	}

	/** Queues the reminders due now and returns how many this call queued. */
	int queueDueReminders() {
		Instant now = this.clock.instant();
		Duration before = this.settings.mail().reminderBefore();
		Map<Long, Instant> seatedBefore = new HashMap<>();
		this.catalog.startingBetween(now, now.plus(before))
			.forEach((event, startsAt) -> seatedBefore.put(event, startsAt.minus(before)));
		int queued = 0;
		long after = 0;
		List<RegistrationMessage> page;
		do {
			// Pages of the expected, so a large event costs little memory.
			page = this.attendees.reminders(seatedBefore, after, PAGE);
			Set<Long> due = notReminded(page);
			for (RegistrationMessage reminder : page) {
				// Another instance may have queued it first: the unique index decides.
				if (queued < MAX_PER_RUN && due.contains(reminder.registrationId())
						&& this.mails.enqueueReminderOnce(reminder)) {
					queued++;
				}
				after = reminder.registrationId();
			}
		}
		while (page.size() == PAGE && queued < MAX_PER_RUN);
		if (queued > 0) {
			logger.info("Queued " + queued + " event reminder(s)");
		}
		return queued;
	}

	/** Those of these registrations that have no event reminder yet. */
	private Set<Long> notReminded(List<RegistrationMessage> reminders) {
		if (reminders.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select r.id from unnest(:ids) as r(id)
				 where not exists (select 1 from outbox_message o
				                    where o.registration_id = r.id and o.kind = 'EVENT_REMINDER')
				""")
			.param("ids", reminders.stream().mapToLong(RegistrationMessage::registrationId).toArray())
			.query(Long.class)
			.list());
	}

}
