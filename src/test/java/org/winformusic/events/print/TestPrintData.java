package org.winformusic.events.print;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.winformusic.events.registration.RegistrationFilter;

/**
 * Events and registrations written straight with SQL for the printout tests; each test
 * makes its own event.
 */
final class TestPrintData {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	TestPrintData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A published event on 1 May 2028, 10:00-14:00 in Mexico City; returns its slug. */
	String event(String title) {
		String slug = "print-" + sequence.incrementAndGet() + "-" + ProcessHandle.current().pid();
		this.jdbc.sql("""
				insert into event (slug, title_es, title_en, summary_es, summary_en, description_es,
				    description_en, agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone,
				    venue_name, venue_address, capacity, published)
				values (:slug, :title, :title, 's', 's', 'd', 'd', 'a', 'a', 'b', 'b',
				    timestamptz '2028-05-01 10:00-06', timestamptz '2028-05-01 14:00-06', 'America/Mexico_City',
				    'Sede', 'CDMX', 1000, true)
				""").param("slug", slug).param("title", title).update();
		return slug;
	}

	long add(String slug, String fullName, String company, String jobTitle, String status) {
		return add(slug, fullName, company, jobTitle, status, "INDEPENDENT_LABEL");
	}

	long add(String slug, String fullName, String company, String jobTitle, String status, String companyType) {
		String email = "p" + sequence.incrementAndGet() + "@example.org";
		return this.jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, job_title, company_type,
				    state, city, association_interest, privacy_consent_version, privacy_consent_at, locale,
				    created_at, updated_at, confirmed_at, waitlist_seq, search_text)
				values ((select id from event where slug = :slug), :status, :fullName, :email, :company, :jobTitle,
				    :companyType, 'CMX', 'Ciudad de México', 'YES', '2028-01', now(), 'es', now(), now(),
				    case when :status = 'CONFIRMED' then now() end,
				    case when :status = 'WAITLISTED' then nextval('waitlist_seq') end, :searchText)
				returning id
				""")
			.param("slug", slug)
			.param("status", status)
			.param("fullName", fullName)
			.param("email", email)
			.param("company", company)
			.param("jobTitle", jobTitle)
			.param("companyType", companyType)
			.param("searchText", RegistrationFilter.searchable(fullName + " " + email + " " + company))
			.query(Long.class)
			.single();
	}

	/** {@code count} confirmed people named "Persona 0001" and up, in one statement. */
	void confirmedCrowd(String slug, int count) {
		this.jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, job_title, company_type,
				    state, city, association_interest, privacy_consent_version, privacy_consent_at, locale,
				    created_at, updated_at, confirmed_at, search_text)
				select (select id from event where slug = :slug), 'CONFIRMED', 'Persona ' || lpad(n::text, 4, '0'),
				    'crowd' || n || '-' || :slug || '@example.org', 'Sello ' || n, 'Rol', 'INDEPENDENT_LABEL', 'CMX',
				    'Ciudad de México', 'YES', '2028-01', now(), 'es', now(), now(), now(), 'persona ' || n
				from generate_series(1, :count) n
				""").param("slug", slug).param("count", count).update();
	}

}
