package org.winformusic.events.print;

import java.util.Comparator;

import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.shared.PersonName;

/** One person on a badge or a door-list row. */
record Attendee(long id, String fullName, String company, String jobTitle, RegistrationStatus status, PersonName name) {

	Attendee(long id, String fullName, String company, String jobTitle, RegistrationStatus status) {
		this(id, fullName, company, jobTitle, status, PersonName.of(fullName));
	}

	/**
	 * Family name, given names (Spanish collation), then registration order for twins.
	 */
	static Comparator<Attendee> alphabetical() {
		return Comparator.comparing(Attendee::name, PersonName.spanishOrder()).thenComparingLong(Attendee::id);
	}

}
