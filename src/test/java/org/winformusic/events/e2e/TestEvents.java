package org.winformusic.events.e2e;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Events for browser tests, copied from the seeded Mexico workshop. */
final class TestEvents {

	private TestEvents() {
	}

	/** A published copy of the Mexico workshop with its own slug and number of seats. */
	static long copyOfMexicoWorkshop(JdbcClient jdbc, String slug, int seats) {
		long id = jdbc.sql("""
				insert into event (slug, title_es, title_en, summary_es, summary_en, description_es, description_en,
				                   agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name,
				                   venue_address, venue_map_url, capacity, requires_approval, registration_opens_at,
				                   registration_closes_at, published)
				select ?, title_es, title_en, summary_es, summary_en, description_es, description_en, agenda_es,
				       agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name, venue_address,
				       venue_map_url, ?, requires_approval, registration_opens_at, registration_closes_at, true
				  from event where slug = 'mexico-workshop'
				returning id
				""").params(slug, seats).query(Long.class).single();
		jdbc.sql("insert into event_seat (event_id, seat_no) select ?, s from generate_series(1, ?) s")
			.params(id, seats)
			.update();
		return id;
	}

}
