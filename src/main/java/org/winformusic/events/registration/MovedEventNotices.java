package org.winformusic.events.registration;

import org.winformusic.events.event.EventMoved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells everyone who holds a seat or waits for one that their event moved (new date,
 * hours or venue): one {@link RegistrationMessage.Type#EVENT_CHANGED} per registration,
 * published inside the organizer's save, so the emails exist exactly when the save
 * commits. Cancelled and declined registrations are not told, nor erased ones (no address
 * is left), as {@link Changes#publish} skips them. Each message keeps when and where the
 * event was before the save, so it can say what changed.
 */
@Component
class MovedEventNotices {

	/**
	 * Whoever is told of a move: the registrations of {@code :event} that hold a seat,
	 * wait for one or are in review, with their address still kept.
	 */
	static final String TOLD = "event_id = :event and status in ('CONFIRMED', 'WAITLISTED', 'PENDING')"
			+ " and anonymized_at is null";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	MovedEventNotices(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void on(EventMoved moved) {
		// SQL: one set-based read of whoever must be told, however many registered; the
		// mail feature then writes one outbox row per message.
		this.jdbc.sql("select id, locale from registration where " + TOLD + " order by id")
			.param("event", moved.eventId())
			.query((rs, n) -> new RegistrationMessage(rs.getLong("id"), moved.eventId(), rs.getString("locale"),
					RegistrationMessage.Type.EVENT_CHANGED, null, moved.before()))
			.list()
			.forEach(this.events::publishEvent);
	}

}
