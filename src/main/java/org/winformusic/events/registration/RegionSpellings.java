package org.winformusic.events.registration;

import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored spellings of a region staff filter by: a region typed as text is one region
 * whatever its case, accents and spaces ({@link Regions#key}), and registrations keep it
 * as their registrants typed it. The spellings come from the event's tallies of regions
 * (V16: a row per spelling of those who may come, a few dozen per event), never from
 * {@code registration}, so a registration costs nothing more; the list, the export and
 * the printouts then select {@code state in (...)} through the state index as before.
 */
final class RegionSpellings {

	/** Every region spelling counted for the event, folded or pending. */
	static final String READ = """
			select value from registration_tally where event_id = :event and dimension = 'state'
			union
			select value from registration_tally_delta where event_id = :event and dimension = 'state'
			""";

	private RegionSpellings() {
	}

	/**
	 * The spellings of {@code typed}'s region that the event's tallies hold, and
	 * {@code typed} itself (a spelling only cancelled or declined registrations have is
	 * not tallied: it is found as typed); sorted, empty when no region is filtered.
	 */
	static List<String> of(JdbcClient jdbc, long eventId, String typed) {
		if (typed == null) {
			return List.of();
		}
		String key = Regions.key(typed);
		TreeSet<String> spellings = new TreeSet<>();
		spellings.add(typed);
		for (String stored : jdbc.sql(READ).param("event", eventId).query(String.class).list()) {
			if (key.equals(Regions.key(stored))) {
				spellings.add(stored);
			}
		}
		return List.copyOf(spellings);
	}

}
