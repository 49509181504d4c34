package org.winformusic.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Registrations for tests of every package. {@link #in} writes a row straight into the
 * database, with plausible defaults (Ana Pérez of Discos Roma, confirmed on 1 March 2028)
 * and a unique email; change only what the test is about:
 * {@code registrations.in(event).name("Ana").status("WAITLISTED").create()}.
 * {@link #register} goes through the registration service instead, as the public form
 * does.
 */
public final class TestRegistrations {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	public TestRegistrations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An address no other test uses, starting with {@code prefix}. */
	public static String uniqueEmail(String prefix) {
		return prefix + "-" + sequence.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@example.org";
	}

	public Builder in(TestEvents.Created event) {
		return new Builder(event.id());
	}

	public Builder in(long eventId) {
		return new Builder(eventId);
	}

	public Builder in(String eventSlug) {
		return new Builder(new TestEvents(this.jdbc).id(eventSlug));
	}

	/**
	 * The public form as a browser posts it (CSRF token included), filled in for someone
	 * of Discos Norte in Mexico City; add what the test is about.
	 */
	public static MockHttpServletRequestBuilder formPost(String slug, String fullName, String email) {
		return formFields(post("/events/" + slug + "/register"), fullName, email);
	}

	/**
	 * The same fields (CSRF token included) on another request: the registrant's edit.
	 */
	public static MockHttpServletRequestBuilder formFields(MockHttpServletRequestBuilder request, String fullName,
			String email) {
		return filledIn(request.with(csrf()), fullName, email);
	}

	/**
	 * The same fields without a CSRF token: for a test that posts the token and cookie a
	 * form gave it.
	 */
	public static MockHttpServletRequestBuilder filledIn(MockHttpServletRequestBuilder request, String fullName,
			String email) {
		return request.param("fullName", fullName)
			.param("email", email)
			.param("company", "Discos Norte")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "CMX")
			.param("city", "Ciudad de México")
			.param("associationInterest", "YES")
			.param("privacyConsent", "true");
	}

	/** Registers someone from Mexico City in Spanish; fails when not registered. */
	public static RegistrationResult register(PublicRegistrations registrations, String slug, String fullName,
			String email, String company) {
		RegistrationForm form = new RegistrationForm(fullName, email, company, null, "INDEPENDENT_LABEL", "CMX",
				"Ciudad de México", null, "YES", null, null, true, null, null);
		RegistrationResult result = registrations.register(slug, form, Locale.forLanguageTag("es"));
		assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.CREATED);
		return result;
	}

	/**
	 * {@code count} confirmed people named "Persona 0001" and up, in one statement,
	 * taking no seat.
	 */
	public void confirmedCrowd(String eventSlug, int count) {
		this.jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, job_title, company_type,
				    state, city, association_interest, privacy_consent_version, privacy_consent_at, locale,
				    created_at, updated_at, confirmed_at, search_text)
				select (select id from event where slug = :slug), 'CONFIRMED', 'Persona ' || lpad(n::text, 4, '0'),
				    'crowd' || n || '-' || :slug || '@example.org', 'Sello ' || n, 'Rol', 'INDEPENDENT_LABEL', 'CMX',
				    'Ciudad de México', 'YES', '2028-01', now(), 'es', now(), now(), now(), 'persona ' || n
				from generate_series(1, :count) n
				""").param("slug", eventSlug).param("count", count).update();
	}

	/** Whether the registration is checked in now. */
	public boolean checkedIn(long registrationId) {
		return this.jdbc.sql("select checked_in_at is not null from registration where id = ?")
			.param(registrationId)
			.query(Boolean.class)
			.single();
	}

	public String status(long registrationId) {
		return this.jdbc.sql("select status from registration where id = ?")
			.param(registrationId)
			.query(String.class)
			.single();
	}

	/**
	 * Three minutes pass for a registration's link emails: its creation and every link
	 * asked for move three minutes back. The next lookup or second form with its address
	 * is then no double tap ({@code LinkReminders.DOUBLE_TAP_WINDOW}) and emails the
	 * link, while the earlier ones stay within the hour of
	 * {@code LinkReminders.LINKS_PER_HOUR} (twenty such steps fit in it).
	 */
	public void pastTheDoubleTapWindow(long registrationId) {
		this.jdbc.sql("update registration set created_at = created_at - interval '3 minutes' where id = ?")
			.param(registrationId)
			.update();
		this.jdbc
			.sql("update link_request set requested_at = requested_at - interval '3 minutes' where registration_id = ?")
			.param(registrationId)
			.update();
	}

	public long auditRows(long registrationId, String action) {
		return this.jdbc.sql("select count(*) from audit_log where registration_id = ? and action = ?")
			.params(registrationId, action)
			.query(Long.class)
			.single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** The registration to write; every setter returns the builder. */
	public final class Builder {

		private final long eventId;

		private String status = "CONFIRMED";

		private String fullName = "Ana Pérez";

		private String email;

		private String company = "Discos Roma";

		private String jobTitle = "Directora";

		private String companyType = "INDEPENDENT_LABEL";

		private String state = "CMX";

		private String city = "Ciudad de México";

		private String phone = "55 1234 5678";

		private String associationInterest = "YES";

		private String referralSource;

		private String comments;

		private String locale = "es";

		private boolean newsOptIn;

		private Instant createdAt = Instant.parse("2028-03-01T16:15:00Z");

		private Instant confirmedAt;

		private boolean confirmedAtSet;

		private Instant cancelledAt;

		private Instant checkedInAt;

		private Builder(long eventId) {
			this.eventId = eventId;
		}

		/**
		 * {@code CONFIRMED} (the default) takes the event's first free seat if it has
		 * one; {@code WAITLISTED} joins the waitlist behind everyone before.
		 */
		public Builder status(String status) {
			this.status = status;
			return this;
		}

		public Builder fullName(String fullName) {
			this.fullName = fullName;
			return this;
		}

		/**
		 * The name, with an email and a company made from it ("Discos Ana"), so searches
		 * tell people apart; set those after this to choose them.
		 */
		public Builder person(String fullName) {
			this.fullName = fullName;
			this.email = fullName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + sequence.incrementAndGet()
					+ "@example.test";
			this.company = "Discos " + fullName;
			return this;
		}

		public Builder email(String email) {
			this.email = email;
			return this;
		}

		public Builder company(String company) {
			this.company = company;
			return this;
		}

		public Builder jobTitle(String jobTitle) {
			this.jobTitle = jobTitle;
			return this;
		}

		public Builder companyType(String companyType) {
			this.companyType = companyType;
			return this;
		}

		public Builder state(String state) {
			this.state = state;
			return this;
		}

		public Builder city(String city) {
			this.city = city;
			return this;
		}

		public Builder phone(String phone) {
			this.phone = phone;
			return this;
		}

		public Builder associationInterest(String associationInterest) {
			this.associationInterest = associationInterest;
			return this;
		}

		public Builder referralSource(String referralSource) {
			this.referralSource = referralSource;
			return this;
		}

		public Builder comments(String comments) {
			this.comments = comments;
			return this;
		}

		public Builder locale(String locale) {
			this.locale = locale;
			return this;
		}

		public Builder newsOptIn(boolean newsOptIn) {
			this.newsOptIn = newsOptIn;
			return this;
		}

		/** Also the consent time; a confirmed registration is confirmed 30 s later. */
		public Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		public Builder confirmedAt(Instant confirmedAt) {
			this.confirmedAt = confirmedAt;
			this.confirmedAtSet = true;
			return this;
		}

		public Builder cancelledAt(Instant cancelledAt) {
			this.cancelledAt = cancelledAt;
			return this;
		}

		/**
		 * Only a {@code CONFIRMED} registration can be checked in (a database
		 * constraint).
		 */
		public Builder checkedInAt(Instant checkedInAt) {
			this.checkedInAt = checkedInAt;
			return this;
		}

		public Registration create() {
			String email = (this.email != null) ? this.email : "person" + sequence.incrementAndGet() + "@example.org";
			Instant confirmedAt = this.confirmedAtSet ? this.confirmedAt
					: this.status.equals("CONFIRMED") ? this.createdAt.plusSeconds(30) : null;
			long id = TestRegistrations.this.jdbc.sql("""
					insert into registration (event_id, status, full_name, email, company, job_title, company_type,
					    state, city, phone, association_interest, referral_source, comments,
					    privacy_consent_version, privacy_consent_at, news_opt_in, locale, created_at, updated_at,
					    confirmed_at, cancelled_at, checked_in_at, waitlist_seq, search_text)
					values (:event, :status, :fullName, :email, :company, :jobTitle, :companyType, :state, :city,
					    :phone, :associationInterest, :referralSource, :comments, '2028-01', :createdAt, :newsOptIn,
					    :locale, :createdAt, :createdAt, :confirmedAt, :cancelledAt, :checkedInAt,
					    case when :status = 'WAITLISTED' then nextval('waitlist_seq') end, :searchText)
					returning id
					""")
				.param("event", this.eventId)
				.param("status", this.status)
				.param("fullName", this.fullName)
				.param("email", email)
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
				.param("createdAt", utc(this.createdAt))
				.param("confirmedAt", utc(confirmedAt))
				.param("cancelledAt", utc(this.cancelledAt))
				.param("checkedInAt", utc(this.checkedInAt))
				.param("searchText", RegistrationFilter.searchable(this.fullName + " " + email + " " + this.company))
				.query(Long.class)
				.single();
			if (this.status.equals("CONFIRMED")) {
				TestRegistrations.this.jdbc.sql("""
						update event_seat set registration_id = :id
						 where (event_id, seat_no) = (select event_id, seat_no from event_seat
						                               where event_id = :event and registration_id is null
						                               order by seat_no limit 1)
						""").param("id", id).param("event", this.eventId).update();
			}
			return new Registration(id, this.fullName, email);
		}

	}

	public record Registration(long id, String name, String email) {

	}

}
