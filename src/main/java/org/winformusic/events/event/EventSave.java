package org.winformusic.events.event;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What a save of the event editor did, for the notice after it: whether anything changed,
 * whether the event moved in a way its registrants are told of (its date, its hours, its
 * venue) and, if so, how many people that concerns and whether they are told.
 *
 * @param changed whether anything was saved
 * @param date whether the day of the start or end changed
 * @param time whether the hour of the start or end changed
 * @param venue whether the venue's name or address changed
 * @param people how many people a move tells ({@link EventRegistrations#toTellOfAMove}),
 * 0 when the event did not move (or is over)
 * @param told whether their emails were queued; false when the organizer chose not to
 * tell them
 */
public record EventSave(boolean changed, boolean date, boolean time, boolean venue, int people, boolean told) {

	static final EventSave UNCHANGED = new EventSave(false, false, false, false, 0, false);

	/** A save that changed something, but not the date, hours or venue. */
	static final EventSave CHANGED = new EventSave(true, false, false, false, 0, false);

	/**
	 * A save that changed something; a move when {@code before} differs from
	 * {@code after}, in the event's zone.
	 */
	static EventSave of(EventMoved.Before before, EventMoved.Before after, ZoneId zone, int people, boolean told) {
		ZonedDateTime startedAt = before.startsAt().atZone(zone);
		ZonedDateTime endedAt = before.endsAt().atZone(zone);
		ZonedDateTime startsAt = after.startsAt().atZone(zone);
		ZonedDateTime endsAt = after.endsAt().atZone(zone);
		boolean date = !startedAt.toLocalDate().equals(startsAt.toLocalDate())
				|| !endedAt.toLocalDate().equals(endsAt.toLocalDate());
		boolean time = !startedAt.toLocalTime().equals(startsAt.toLocalTime())
				|| !endedAt.toLocalTime().equals(endsAt.toLocalTime());
		boolean venue = !before.venueName().equals(after.venueName())
				|| !before.venueAddress().equals(after.venueAddress());
		return new EventSave(true, date, time, venue, people, told);
	}

	/** Whether the save moved the event (date, hours or venue) before it ended. */
	public boolean moved() {
		return this.date || this.time || this.venue;
	}

	/**
	 * The audit trail's line about the emails of a move: {@code told=7} (queued for 7
	 * people, or {@code told=0}: nobody to tell), {@code notTold=7} (the organizer chose
	 * not to tell the 7 people); empty when the event did not move.
	 */
	String auditLine() {
		if (!moved()) {
			return "";
		}
		return ((this.told || this.people == 0) ? "told=" : "notTold=") + this.people;
	}

}
