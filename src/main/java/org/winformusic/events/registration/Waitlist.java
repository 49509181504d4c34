package org.winformusic.events.registration;

/**
 * The waitlist order and a person's place in it, defined once: the waitlisted
 * registrations of an event in {@code (waitlist_seq, id)} order ({@link Seats} promotes
 * them in {@code waitlist_seq} order; the id only breaks a tie the sequence never makes).
 * A registration draws its {@code waitlist_seq} each time it joins the waitlist
 * (registering while full, approved while full, moved there by staff), so the order is
 * the order people joined it, not the order they registered in. A place counts the whole
 * waitlist of the event, never only the rows a filter shows, so the manage page, the
 * emails and a filtered export all give a person the same place
 * ({@code WaitlistPositionTests}). Two shapes of that one rule, both read from the
 * partial index {@code registration_waitlist_idx (event_id, waitlist_seq, id)} alone
 * (V18): one row's place, and every place of an event in one pass.
 */
final class Waitlist {

	/**
	 * One registration's place (null unless waitlisted): how many waitlisted
	 * registrations of its event are at or before it. The {@link Registration} entity's
	 * {@code @Formula}: Hibernate qualifies the unqualified columns with the entity's
	 * alias, so the inner table has one ({@code w}) on every column.
	 */
	static final String PLACE = """
			(case when status = 'WAITLISTED' then
			     (select count(*) from registration w
			       where w.event_id = event_id and w.status = 'WAITLISTED'
			         and (w.waitlist_seq, w.id) <= (waitlist_seq, id))
			 end)""";

	private Waitlist() {
	}

	/**
	 * A derived table {@code (id, position)}, position 1-based, of the waitlisted
	 * registrations of the event {@code event} names (an SQL expression such as
	 * {@code :eventId}, never user input): the places of a whole export numbered in one
	 * pass, where {@link #PLACE} per row would count the waitlist again for each person.
	 */
	static String positions(String event) {
		return """
				(select id, row_number() over (order by waitlist_seq, id) as position
				   from registration
				  where event_id = %s and status = 'WAITLISTED')""".formatted(event);
	}

}
