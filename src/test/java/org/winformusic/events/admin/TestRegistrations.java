package org.winformusic.events.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.winformusic.events.registration.RegistrationFilter;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events and registrations written straight into the database for admin tests, each with
 * a unique slug so tests sharing a context do not see each other's data.
 */
final class TestRegistrations {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	TestRegistrations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A published event with {@code capacity} seats. */
	Event event(int capacity) {
		String slug = "admin-test-" + sequence.incrementAndGet() + "-" + System.nanoTime() % 100_000;
		long id = this.jdbc
			.sql("""
					insert into event (slug, title_es, title_en, summary_es, summary_en, description_es, description_en,
					  agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name, venue_address,
					  capacity, published)
					values (:slug, 'Taller ' || :slug, 'Workshop ' || :slug, 's', 's', 'd', 'd', 'a', 'a', 'b', 'b',
					  timestamptz '2028-05-01 16:00Z', timestamptz '2028-05-01 20:00Z', 'America/Mexico_City', 'Venue', 'Address',
					  :capacity, true)
					returning id
					""")
			.param("slug", slug)
			.param("capacity", capacity)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into event_seat (event_id, seat_no) select ?, n from generate_series(1, ?) n")
			.params(id, capacity)
			.update();
		return new Event(id, slug);
	}

	Registration confirmed(Event event, String name) {
		return add(event, name, "CONFIRMED", "INDEPENDENT_LABEL", "CMX", "YES", Instant.parse("2026-11-01T15:00:00Z"));
	}

	Registration add(Event event, String name, String status, String companyType, String state, String interest,
			Instant createdAt) {
		String email = name.toLowerCase().replaceAll("[^a-z]", "") + sequence.incrementAndGet() + "@example.test";
		return add(event, name, email, "Discos " + name, status, companyType, state, interest, createdAt);
	}

	Registration add(Event event, String name, String email, String company, String status, String companyType,
			String state, String interest, Instant createdAt) {
		Timestamp at = Timestamp.from(createdAt);
		long id = this.jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, company_type, state, city,
				  association_interest, privacy_consent_version, privacy_consent_at, locale, created_at, updated_at,
				  confirmed_at, waitlist_seq, search_text)
				values (:event, :status, :name, :email, :company, :type, :state, 'Ciudad', :interest, 'v1', :at, 'es',
				  :at, :at, case when :status = 'CONFIRMED' then cast(:at as timestamptz) end,
				  case when :status = 'WAITLISTED' then nextval('waitlist_seq') end, :search)
				returning id
				""")
			.param("event", event.id())
			.param("status", status)
			.param("name", name)
			.param("email", email)
			.param("company", company)
			.param("type", companyType)
			.param("state", state)
			.param("interest", interest)
			.param("at", at)
			.param("search", RegistrationFilter.searchable(name + " " + email + " " + company))
			.query(Long.class)
			.single();
		if (status.equals("CONFIRMED")) {
			int claimed = this.jdbc.sql("""
					update event_seat set registration_id = :id
					 where (event_id, seat_no) = (select event_id, seat_no from event_seat
					                               where event_id = :event and registration_id is null
					                               order by seat_no limit 1)
					""").param("id", id).param("event", event.id()).update();
			if (claimed != 1) {
				throw new IllegalStateException("No free seat for a confirmed test registration");
			}
		}
		return new Registration(id, name, email);
	}

	String status(long registrationId) {
		return this.jdbc.sql("select status from registration where id = ?")
			.param(registrationId)
			.query(String.class)
			.single();
	}

	long auditRows(long registrationId, String action) {
		return this.jdbc.sql("select count(*) from audit_log where registration_id = ? and action = ?")
			.params(registrationId, action)
			.query(Long.class)
			.single();
	}

	record Event(long id, String slug) {

	}

	record Registration(long id, String name, String email) {

	}

}
