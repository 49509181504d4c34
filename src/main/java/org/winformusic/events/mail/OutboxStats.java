package org.winformusic.events.mail;

/**
 * The backlog of the outbox, for health, metrics and the admin pages.
 *
 * @param pending messages waiting to be sent (due or not yet due)
 * @param failed messages that will not be sent without a staff resend
 * @param oldestDueAgeSeconds how long the oldest due message has been due without being
 * sent (the sender's lag), 0 when none is due: between the retries of a mail outage it
 * reads 0, since nothing is due then
 * @param oldestWaitingAgeSeconds how long ago the oldest message not sent yet (waiting,
 * retrying or being sent) was queued, 0 when none waits: what a registrant waiting for an
 * email sees, outage or not
 */
record OutboxStats(long pending, long sending, long failed, long oldestDueAgeSeconds, long oldestWaitingAgeSeconds) {

	/**
	 * How long the oldest message not sent yet has waited, in whole minutes, hours or
	 * days as staff pages say it; null when nothing waits.
	 */
	public Age oldestWaiting() {
		if (this.pending + this.sending == 0) {
			return null;
		}
		long seconds = this.oldestWaitingAgeSeconds;
		if (seconds < 60) {
			return new Age("mail.outbox.age.lessThanAMinute", 0);
		}
		if (seconds < 3600) {
			return new Age("mail.outbox.age.minutes", seconds / 60);
		}
		if (seconds < 48 * 3600) {
			return new Age("mail.outbox.age.hours", seconds / 3600);
		}
		return new Age("mail.outbox.age.days", seconds / 86400);
	}

	/**
	 * An age in words: a message key taking the amount as its argument.
	 */
	public record Age(String key, long amount) {

	}

}
