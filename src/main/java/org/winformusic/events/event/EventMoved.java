package org.winformusic.events.event;

import java.time.Instant;
import java.time.ZoneId;

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
	 *
	 * @param zone the event's time zone then, the one its registrants read those times in
	 * (null when not known: a message queued before it was kept)
	 */
	public record Before(Instant startsAt, Instant endsAt, String venueName, String venueAddress, ZoneId zone) {

		/** When and where, the zone not known. */
		public Before(Instant startsAt, Instant endsAt, String venueName, String venueAddress) {
			this(startsAt, endsAt, venueName, venueAddress, null);
		}

		/**
		 * How the event is now: its start, end, venue and the zone its times are read in.
		 */
		static Before of(Event event) {
			return new Before(event.getStartsAt(), event.getEndsAt(), event.venueName(), event.venueAddress(),
					event.zone());
		}

		/**
		 * Whether the event is still when and where it was: registrants must hear about a
		 * change of the start, the end or the venue. The time zone alone does not move
		 * the event (when the instants stay); the map link only points to the same place.
		 */
		boolean sameWhenAndWhere(Before other) {
			return this.startsAt.equals(other.startsAt) && this.endsAt.equals(other.endsAt)
					&& this.venueName.equals(other.venueName) && this.venueAddress.equals(other.venueAddress);
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
