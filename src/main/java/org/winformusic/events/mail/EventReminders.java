package org.winformusic.events.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues the "see you soon" reminder to everyone confirmed for an event that starts
 * within {@code app.mail.reminder-before}: once per registration, whatever the number of
 * instances running this job (a unique index on the outbox decides).
 */
@Component
class EventReminders {

	private static final Log logger = LogFactory.getLog(EventReminders.class);

	private static final int MAX_PER_RUN = 5000;

	private final JdbcClient jdbc;

	private final RegistrationMails mails;

	private final MailSettings settings;

	private final Clock clock;

	EventReminders(JdbcClient jdbc, RegistrationMails mails, MailSettings settings, Clock clock) {
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
		List<Long> due = this.jdbc.sql("""
				select r.id from registration r join event e on e.id = r.event_id
				 where r.status = 'CONFIRMED' and e.starts_at > :now and e.starts_at <= :until
				   and not exists (select 1 from outbox_message o
				                    where o.registration_id = r.id and o.kind = 'EVENT_REMINDER')
				 order by r.id limit :max""")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(this.settings.mail().reminderBefore())))
			.param("max", MAX_PER_RUN)
			.query(Long.class)
			.list();
		int queued = 0;
		for (long registrationId : due) {
			// Another instance may have queued it first: the unique index decides.
			if (this.mails.enqueueReminderOnce(registrationId)) {
				queued++;
			}
		}
		if (queued > 0) {
			logger.info("Queued " + queued + " event reminder(s)");
		}
		return queued;
	}

}
