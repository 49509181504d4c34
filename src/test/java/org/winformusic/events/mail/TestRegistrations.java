package org.winformusic.events.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registration and event rows written straight to the database, for mail tests that do
 * not go through the registration feature.
 */
final class TestRegistrations {

	private static final AtomicInteger counter = new AtomicInteger();

	private TestRegistrations() {
	}

	static String uniqueEmail(String prefix) {
		return prefix + "-" + counter.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@example.org";
	}

	static long mexicoWorkshop(JdbcClient jdbc) {
		return jdbc.sql("select id from event where slug = 'mexico-workshop'").query(Long.class).single();
	}

	/**
	 * A published event with its seat rows, starting at {@code startsAt} for four hours.
	 */
	static long insertEvent(JdbcClient jdbc, Instant startsAt, int seats) {
		String slug = "mail-test-" + counter.incrementAndGet() + "-" + System.nanoTime() % 100000;
		long id = jdbc.sql("""
				insert into event (slug, title_es, title_en, summary_es, summary_en, description_es, description_en,
				       agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name,
				       venue_address, venue_map_url, capacity, published)
				values (:slug, 'Taller de prueba', 'Test workshop', 'Resumen', 'Summary', 'Descripción', 'Description',
				        'Inicio', 'Start', 'Acerca', 'About', :starts, :ends, 'America/Mexico_City', 'Sala',
				        'Calle 1, CDMX', 'https://maps.example.org/sala', :seats, true)
				returning id""")
			.param("slug", slug)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(startsAt.plusSeconds(4 * 3600)))
			.param("seats", seats)
			.query(Long.class)
			.single();
		jdbc.sql("insert into event_seat (event_id, seat_no) select ?, n from generate_series(1, ?) n")
			.params(id, seats)
			.update();
		return id;
	}

	/** A registration row; CONFIRMED ones take a seat. */
	static long insertRegistration(JdbcClient jdbc, long eventId, String status, String fullName, String email,
			String company, String locale) {
		Timestamp now = Timestamp.from(Instant.now());
		long id = jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, company_type, state, city,
				       association_interest, privacy_consent_version, privacy_consent_at, news_opt_in, locale,
				       created_at, updated_at, confirmed_at, waitlist_seq, search_text)
				values (:event, :status, :name, :email, :company, 'INDEPENDENT_LABEL', 'CMX', 'Ciudad de México',
				        'YES', 'test', :now, false, :locale, :now, :now,
				        case when :status = 'CONFIRMED' then cast(:now as timestamptz) end,
				        case when :status = 'WAITLISTED' then nextval('waitlist_seq') end, :search)
				returning id""")
			.param("event", eventId)
			.param("status", status)
			.param("name", fullName)
			.param("email", email)
			.param("company", company)
			.param("locale", locale)
			.param("now", now)
			.param("search", (fullName + " " + email).toLowerCase())
			.query(Long.class)
			.single();
		if (status.equals("CONFIRMED")) {
			jdbc.sql("""
					update event_seat set registration_id = :id
					 where (event_id, seat_no) = (select event_id, seat_no from event_seat
					                               where event_id = :event and registration_id is null
					                               order by seat_no limit 1)""")
				.param("id", id)
				.param("event", eventId)
				.update();
		}
		return id;
	}

}
