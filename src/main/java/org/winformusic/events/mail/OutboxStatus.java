package org.winformusic.events.mail;

/** Where an outgoing email stands. */
public enum OutboxStatus {

	/** Waiting for its next attempt (the first, or a retry after a temporary failure). */
	PENDING,
	/** Claimed by a sender right now. */
	SENDING,
	/** Accepted by the SMTP server. */
	SENT,
	/** Rejected for good, or out of attempts. */
	FAILED,
	/**
	 * Not sent: when its turn came it no longer applied (a confirmation for someone who
	 * had cancelled meanwhile, or a registration that was deleted).
	 */
	SKIPPED

}
