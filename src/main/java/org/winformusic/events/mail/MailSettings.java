package org.winformusic.events.mail;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the email feature ({@code app.mail-from}, {@code app.mail-poll-interval},
 * {@code app.mail.*}).
 *
 * @param mailFrom the From address ({@code APP_MAIL_FROM}), required in production
 * @param mailPollInterval how often the sender looks for due messages
 * @param mail the outbox's tuning
 */
@ConfigurationProperties("app")
record MailSettings(String mailFrom, @DefaultValue("5s") Duration mailPollInterval, @DefaultValue Sending mail) {

	/**
	 * How the outbox sends and retries.
	 *
	 * @param senderEnabled whether the scheduled sender and reminder jobs run on this
	 * instance
	 * @param maxAttempts attempts before a message is marked FAILED
	 * @param backoff waits before the 2nd, 3rd, ... attempt; the last one repeats
	 * @param sendingTimeout a message left in SENDING longer than this (a crashed
	 * instance) is queued again
	 * @param batchSize messages claimed (and sent over one SMTP connection) at a time
	 * @param reminderBefore how long before the event the reminder goes out
	 * @param senderThreads SMTP connections one instance uses at once
	 * @param senderThreads SMTP connections used at once by one instance
	 */
	record Sending(@DefaultValue("true") boolean senderEnabled, @DefaultValue("8") int maxAttempts, @DefaultValue( {
			"1m", "5m", "15m", "60m" }) List<Duration> backoff, @DefaultValue("5m") Duration sendingTimeout,
			@DefaultValue("20") int batchSize, @DefaultValue("48h") Duration reminderBefore,
			@DefaultValue("4") int senderThreads){

		/** The wait after the given number of failed attempts (1-based). */
		Duration backoffAfter(int attempts) {
			if (this.backoff.isEmpty()) {
				return Duration.ofHours(1);
			}
			int index = Math.min(Math.max(attempts, 1), this.backoff.size()) - 1;
			return this.backoff.get(index);
		}

	}

}
