package org.winformusic.events.event;

import java.time.Instant;

/**
 * Published inside the transaction of an event save that changed when the event happens
 * (its start or end) or where (the venue's name or address): people already registered
 * must be told, and their calendars must take the new time. The registration feature,
 * which knows who registered, handles it in that same transaction. A save that changes
 * only texts (description, agenda, speakers) publishes nothing.
 *
 * @param eventId the event that moved
 * @param before when and where it was before this save, so the email can say what
 * changed; null only from callers that do not know it
 */
public record EventMoved(long eventId, Before before) {

	/**
	 * When and where an event was: the facts its registrants are told about when they
	 * change. Nothing personal: the event's public schedule and venue.
	 */
	public record Before(Instant startsAt, Instant endsAt, String venueName, String venueAddress) {

		/**
		 * What registrants must hear about when it changes: the start, the end and the
		 * venue. The time zone alone does not move the event (the instants stay); the map
		 * link only points to the same place.
		 */
		static Before of(Event event) {
			return new Before(event.getStartsAt(), event.getEndsAt(), event.venueName(), event.venueAddress());
		}

		/** Whether the event, as it is now, is still where and when it was. */
		public boolean sameAs(EventInfo now) {
			return this.startsAt.equals(now.startsAt()) && this.endsAt.equals(now.endsAt())
					&& this.venueName.equals(now.venueName()) && this.venueAddress.equals(now.venueAddress());
		}

		/** Whether the venue (its name or address) is another one now. */
		public boolean venueChanged(EventInfo now) {
			return !this.venueName.equals(now.venueName()) || !this.venueAddress.equals(now.venueAddress());
		}

	}

}
