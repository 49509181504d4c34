package org.winformusic.events.registration;

/** Where a registration stands. Capacity counts {@link #CONFIRMED} only. */
public enum RegistrationStatus {

	/** The event requires approval and organizers have not decided yet. */
	PENDING,
	/** Holds a seat. */
	CONFIRMED,
	/** Waits for a seat; the waitlist is served in the order people joined it. */
	WAITLISTED,
	/** Organizers said no; the address may not register again for the event. */
	DECLINED,
	/** Cancelled by the registrant or by staff; the address may register again. */
	CANCELLED;

	/**
	 * Whether the registration is still going (pending, confirmed or waitlisted): the
	 * registrant may edit or cancel it, staff may decline or cancel it. Declined and
	 * cancelled ones have ended.
	 */
	public boolean active() {
		return this == PENDING || this == CONFIRMED || this == WAITLISTED;
	}

	/**
	 * Whether the registration keeps its email address from registering again for the
	 * same event: an active one, and a declined one too, so organizers' "no" cannot be
	 * undone by registering again. Only {@link #CANCELLED} frees the address. The unique
	 * index {@code registration_address_held_uq} enforces it with the predicate
	 * {@link #HOLDS_ADDRESS_SQL}.
	 */
	public boolean holdsAddress() {
		return this != CANCELLED;
	}

	/**
	 * {@link #holdsAddress()} in SQL: the predicate of the unique index, which an
	 * {@code on conflict} clause must repeat word for word.
	 */
	public static final String HOLDS_ADDRESS_SQL = "status <> 'CANCELLED'";

}
