package org.winformusic.events.registration;

/** Where a registration stands. Capacity counts {@link #CONFIRMED} only. */
public enum RegistrationStatus {

	/** The event requires approval and organizers have not decided yet. */
	PENDING,
	/** Holds a seat. */
	CONFIRMED,
	/** Waits for a seat, in registration order. */
	WAITLISTED,
	/** Organizers said no. */
	DECLINED,
	/** Cancelled by the registrant or by staff; the address may register again. */
	CANCELLED

}
