package org.winformusic.events.event;

/**
 * Published inside the transaction of an event save that changed when the event happens
 * (its start or end) or where (the venue's name or address): people already registered
 * must be told, and their calendars must take the new time. The registration feature,
 * which knows who registered, handles it in that same transaction. A save that changes
 * only texts (description, agenda, speakers) publishes nothing.
 *
 * @param eventId the event that moved
 */
public record EventMoved(long eventId) {
}
