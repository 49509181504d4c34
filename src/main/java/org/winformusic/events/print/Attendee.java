package org.winformusic.events.print;

import java.time.Instant;
import java.util.Comparator;

import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.shared.PersonName;

/**
 * One person on a badge or a door-list row, and when they checked in (null while they
 * have not).
 */
record Attendee(long id, String fullName, String company, String jobTitle, RegistrationStatus status,
		Instant checkedInAt, PersonName name) {

	Attendee(long id, String fullName, String company, String jobTitle, RegistrationStatus status) {
		this(id, fullName, company, jobTitle, status, null);
	}

	Attendee(long id, String fullName, String company, String jobTitle, RegistrationStatus status,
			Instant checkedInAt) {
		this(id, fullName, company, jobTitle, status, checkedInAt, PersonName.of(fullName));
	}

	/** Checked in with a seat: the door list marks the arrival instead of a tick box. */
	boolean arrived() {
		return this.status == RegistrationStatus.CONFIRMED && this.checkedInAt != null;
	}

	/** Has a seat: the only ones the door lets in, whose row has a tick box. */
	boolean seated() {
		return this.status == RegistrationStatus.CONFIRMED;
	}

	/**
	 * Family name, given names (Spanish collation), then registration order for twins.
	 */
	static Comparator<Attendee> alphabetical() {
		return Comparator.comparing(Attendee::name, PersonName.spanishOrder()).thenComparingLong(Attendee::id);
	}

}
