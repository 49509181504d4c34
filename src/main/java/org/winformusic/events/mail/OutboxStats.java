package org.winformusic.events.mail;

/**
 * The backlog of the outbox, for health, metrics and the admin pages.
 *
 * @param pending messages waiting to be sent (due or not yet due)
 * @param failed messages that will not be sent without a staff resend
 * @param oldestDueAgeSeconds how long the oldest due message has been waiting, 0 when
 * none is due
 */
record OutboxStats(long pending, long sending, long failed, long oldestDueAgeSeconds) {

}
