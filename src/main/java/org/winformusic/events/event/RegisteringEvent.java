package org.winformusic.events.event;

import java.time.Instant;

/**
 * What the registering hot path needs of an event, read exactly (never cached) in one
 * query by {@link EventCatalog#registering}.
 *
 * @param hasQuestions whether the event asks questions of its own
 */
public record RegisteringEvent(long id, boolean published, boolean requiresApproval, Instant opensAt, Instant closesAt,
		Instant startsAt, String country, boolean hasQuestions) {

	/** The same rule as {@link EventInfo#registrationWindow}: open and published. */
	public boolean open(Instant now) {
		return EventInfo.window(this.published, this.opensAt, this.closesAt, this.startsAt,
				now) == EventInfo.RegistrationWindow.OPEN;
	}

}
