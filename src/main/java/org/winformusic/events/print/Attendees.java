package org.winformusic.events.print;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.FilteredPeople;
import org.winformusic.events.registration.RegistrationStatus;

/**
 * The people to print, chosen by the admin list's filter (as the export chooses them),
 * alphabetical as {@link Attendee#alphabetical()}. A printout has at most a few hundred
 * rows, so they are sorted here, where Spanish collation is at hand, rather than by a
 * database collation that may differ between servers.
 */
@Component
class Attendees {

	private final FilteredPeople people;

	Attendees(FilteredPeople people) {
		this.people = people;
	}

	/**
	 * The registrations of {@code eventId} matching {@code filter}; when the filter names
	 * no status, those in {@code statusesByDefault}.
	 */
	List<Attendee> find(long eventId, RegistrationFilter filter, Set<RegistrationStatus> statusesByDefault) {
		return this.people.find(eventId, filter, statusesByDefault)
			.stream()
			.map((p) -> new Attendee(p.id(), p.fullName(), p.company(), p.jobTitle(), p.status(), p.checkedInAt()))
			.sorted(Attendee.alphabetical())
			.toList();
	}

}
