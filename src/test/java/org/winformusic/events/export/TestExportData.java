package org.winformusic.events.export;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.winformusic.events.registration.RegistrationFilter;

/**
 * Events and registrations written straight with SQL, so the export tests do not depend
 * on the registration service. Each test makes its own event.
 */
class TestExportData {

	private static final AtomicInteger events = new AtomicInteger();

	private final JdbcClient jdbc;

	TestExportData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A published event in Mexico City with a unique slug; returns the slug. */
	String event(String prefix) {
		String slug = prefix + "-" + events.incrementAndGet() + "-" + ProcessHandle.current().pid();
		this.jdbc.sql("""
				insert into event (slug, title_es, title_en, summary_es, summary_en, description_es,
				    description_en, agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone,
				    venue_name, venue_address, capacity, published)
				values (:slug, 'Prueba', 'Test', 's', 's', 'd', 'd', 'a', 'a', 'b', 'b',
				    timestamptz '2028-04-01 10:00-06', timestamptz '2028-04-01 14:00-06', 'America/Mexico_City',
				    'Sede', 'CDMX', 10, true)
				""").param("slug", slug).update();
		return slug;
	}

	long eventId(String slug) {
		return this.jdbc.sql("select id from event where slug = ?").param(slug).query(Long.class).single();
	}

	/** A staff account (that cannot log in with a password) with a unique email. */
	String staffUser(String role) {
		String email = role.toLowerCase(java.util.Locale.ROOT) + events.incrementAndGet() + "@staff.example.org";
		this.jdbc.sql("""
				insert into staff_user (email, display_name, password_hash, role, enabled, created_at,
				    password_changed_at)
				values (?, 'Staff', '{noop}unusable-' || gen_random_uuid(), ?, true, now(), now())
				""").params(email, role).update();
		return email;
	}

	Registration registration(String slug) {
		return new Registration(slug);
	}

	/** A registration with plausible defaults; change what a test is about. */
	final class Registration {

		private final String slug;

		String status = "CONFIRMED";

		String fullName = "Ana Pérez";

		String email;

		String company = "Discos Roma";

		String jobTitle = "Directora";

		String companyType = "INDEPENDENT_LABEL";

		String state = "CMX";

		String city = "Ciudad de México";

		String phone = "55 1234 5678";

		String associationInterest = "YES";

		String referralSource = null;

		String comments = null;

		String locale = "es";

		boolean newsOptIn = false;

		Instant createdAt = Instant.parse("2028-03-01T16:15:00Z");

		Instant confirmedAt = Instant.parse("2028-03-01T16:15:30Z");

		Instant cancelledAt = null;

		Instant checkedInAt = null;

		Registration(String slug) {
			this.slug = slug;
			this.email = "person" + events.incrementAndGet() + "@example.org";
		}

		Registration with(java.util.function.Consumer<Registration> change) {
			change.accept(this);
			return this;
		}

		long insert() {
			return TestExportData.this.jdbc.sql("""
					insert into registration (event_id, status, full_name, email, company, job_title, company_type,
					    state, city, phone, association_interest, referral_source, comments,
					    privacy_consent_version, privacy_consent_at, news_opt_in, locale, created_at, updated_at,
					    confirmed_at, cancelled_at, checked_in_at, waitlist_seq, search_text)
					values ((select id from event where slug = :slug), :status, :fullName, :email, :company,
					    :jobTitle, :companyType, :state, :city, :phone, :associationInterest, :referralSource,
					    :comments, '2028-01', :createdAt, :newsOptIn, :locale, :createdAt, :createdAt,
					    :confirmedAt, :cancelledAt, :checkedInAt,
					    case when :status = 'WAITLISTED' then nextval('waitlist_seq') end, :searchText)
					returning id
					""")
				.param("slug", this.slug)
				.param("status", this.status)
				.param("fullName", this.fullName)
				.param("email", this.email)
				.param("company", this.company)
				.param("jobTitle", this.jobTitle)
				.param("companyType", this.companyType)
				.param("state", this.state)
				.param("city", this.city)
				.param("phone", this.phone)
				.param("associationInterest", this.associationInterest)
				.param("referralSource", this.referralSource)
				.param("comments", this.comments)
				.param("newsOptIn", this.newsOptIn)
				.param("locale", this.locale)
				.param("createdAt", timestamp(this.createdAt))
				.param("confirmedAt", timestamp(this.confirmedAt))
				.param("cancelledAt", timestamp(this.cancelledAt))
				.param("checkedInAt", timestamp(this.checkedInAt))
				.param("searchText",
						RegistrationFilter.searchable(this.fullName + " " + this.email + " " + this.company))
				.query(Long.class)
				.single();
		}

		private static java.time.OffsetDateTime timestamp(Instant instant) {
			return (instant != null) ? instant.atOffset(java.time.ZoneOffset.UTC) : null;
		}

	}

}
