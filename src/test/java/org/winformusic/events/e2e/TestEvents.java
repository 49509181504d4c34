package org.winformusic.events.e2e;

import java.util.Locale;

import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.registration.PublicRegistrations;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events for browser tests, copied from the seeded Mexico workshop, and people registered
 * for them through the registration service, as the public form does.
 */
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

	/**
	 * Like {@link #copyOfMexicoWorkshop} but every registration waits for an organizer.
	 */
	static long copyNeedingApproval(JdbcClient jdbc, String slug, int seats) {
		long id = copyOfMexicoWorkshop(jdbc, slug, seats);
		jdbc.sql("update event set requires_approval = true where id = ?").param(id).update();
		return id;
	}

	/** Registers someone from Mexico City in Spanish; fails when not registered. */
	static RegistrationResult register(PublicRegistrations registrations, String slug, String fullName, String email,
			String company) {
		RegistrationForm form = new RegistrationForm(fullName, email, company, null, "INDEPENDENT_LABEL", "CMX",
				"Ciudad de México", null, "YES", null, null, true, null, null);
		RegistrationResult result = registrations.register(slug, form, Locale.forLanguageTag("es"));
		assertThat(result.outcome()).as(result.problems().toString()).isEqualTo(RegistrationResult.Outcome.CREATED);
		return result;
	}

}
