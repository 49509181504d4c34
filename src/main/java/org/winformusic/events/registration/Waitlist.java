package org.winformusic.events.registration;

/**
 * The waitlist order, defined once: the waitlisted registrations of an event in
 * {@code waitlist_seq} order (the order {@link Seats} promotes them in; the id only
 * breaks a tie the sequence never makes). A position counts the whole waitlist of the
 * event, never only the rows a filter shows, so the manage page, the emails and a
 * filtered export all give a person the same place.
 */
final class Waitlist {

	private Waitlist() {
	}

	/**
	 * A derived table {@code (id, position)}, position 1-based, of the waitlisted
	 * registrations of the one event that {@code event} names: an SQL expression such as
	 * {@code :eventId}, or {@code r.event_id} in a lateral join (never user input).
	 * Counted once per event, so an export of thousands of waitlisted people numbers them
	 * in one pass, from the partial index {@code registration_waitlist_idx} alone (V18).
	 */
	static String positions(String event) {
		return """
				(select id, row_number() over (order by waitlist_seq, id) as position
				   from registration
				  where event_id = %s and status = 'WAITLISTED')""".formatted(event);
	}

}
