package org.winformusic.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events written straight into the database for tests of every package, each with a
 * unique slug so tests sharing a context do not see each other's. Start from
 * {@link #event()} (a plain test workshop) or {@link #copyOfMexicoWorkshop()} (the seeded
 * event's texts and dates), change only what the test is about, then
 * {@link Builder#create()}:
 * {@code events.event().capacity(3).requiringApproval().create()}.
 */
public final class TestEvents {

	private final JdbcClient jdbc;

	public TestEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A published "Taller de prueba" in Mexico City sixty days from now, 10:00 to 14:00,
	 * at "Sede, Calle 1, CDMX", with ten seats and registration always open.
	 */
	public Builder event() {
		return new Builder(false);
	}

	/**
	 * A published copy of the seeded Mexico workshop (texts, dates, venue, country,
	 * registration window) with its own slug and ten seats; of the builder's settings
	 * only the slug, capacity, seat rows, approval and publication apply.
	 */
	public Builder copyOfMexicoWorkshop() {
		return new Builder(true);
	}

	/** The seeded Mexico workshop's id. */
	public long mexicoWorkshopId() {
		return id("mexico-workshop");
	}

	public long id(String slug) {
		return this.jdbc.sql("select id from event where slug = ?").param(slug).query(Long.class).single();
	}

	/**
	 * Adds one of the event's own questions after its others.
	 * @param choices for choice questions: Spanish and English label of each choice,
	 * alternating
	 * @return the question's id
	 */
	public long question(long eventId, String kind, String labelEs, String labelEn, boolean required,
			String... choices) {
		long id = this.jdbc.sql("""
				insert into event_question (event_id, position, kind, label_es, label_en, required)
				values (:event, (select count(*) + 1 from event_question where event_id = :event), :kind, :es, :en,
				        :required)
				returning id
				""")
			.param("event", eventId)
			.param("kind", kind)
			.param("es", labelEs)
			.param("en", labelEn)
			.param("required", required)
			.query(Long.class)
			.single();
		for (int i = 0; i + 1 < choices.length; i += 2) {
			this.jdbc.sql(
					"insert into event_question_choice (question_id, position, label_es, label_en) values (?, ?, ?, ?)")
				.params(id, i / 2 + 1, choices[i], choices[i + 1])
				.update();
		}
		return id;
	}

	/** The ids of a question's choices, in order. */
	public List<Long> choiceIds(long questionId) {
		return this.jdbc.sql("select id from event_question_choice where question_id = ? order by position")
			.param(questionId)
			.query(Long.class)
			.list();
	}

	/**
	 * Moves a created event to today: started an hour ago, four hours long, so people can
	 * be checked in (see {@link Builder#onItsDay}). Before any page read it (events are
	 * kept for a few seconds).
	 */
	public void onItsDay(Created event) {
		onItsDay(event.slug());
	}

	/** The same, by the event's slug. */
	public void onItsDay(String slug) {
		Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where slug = ?")
			.params(utc(start), utc(start.plus(4, ChronoUnit.HOURS)), slug)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	/** The event to create; every setter returns the builder. */
	public final class Builder {

		private final boolean copy;

		private String slug;

		private String slugPrefix = "test";

		private String titleEs = "Taller de prueba";

		private String titleEn = "Test workshop";

		private boolean slugInTitle;

		/**
		 * 10:00 in Mexico City, 60 days from now: a fixed hour, so the four hours never
		 * run past midnight (a page then shows two dates, not a range of hours).
		 */
		private Instant startsAt = Instant.now()
			.plus(60, ChronoUnit.DAYS)
			.truncatedTo(ChronoUnit.DAYS)
			.plus(16, ChronoUnit.HOURS);

		private String venueName = "Sede";

		private String venueAddress = "Calle 1, CDMX";

		private String venueMapUrl;

		private String country = "MX";

		private int capacity = 10;

		private boolean seatRows = true;

		private boolean requiresApproval;

		private boolean published = true;

		private Instant opensAt;

		private Instant closesAt;

		private Builder(boolean copy) {
			this.copy = copy;
		}

		/** An exact slug instead of a generated unique one. */
		public Builder slug(String slug) {
			this.slug = slug;
			return this;
		}

		/**
		 * The start of the generated unique slug, to tell a test's events apart in logs.
		 */
		public Builder slugPrefix(String prefix) {
			this.slugPrefix = prefix;
			return this;
		}

		public Builder title(String es, String en) {
			this.titleEs = es;
			this.titleEn = en;
			return this;
		}

		/**
		 * Titles followed by the slug, so pages listing several test events tell them
		 * apart.
		 */
		public Builder titleEndingInSlug(String es, String en) {
			this.slugInTitle = true;
			return title(es, en);
		}

		/** The start; the event lasts four hours. */
		public Builder startsAt(Instant startsAt) {
			this.startsAt = startsAt;
			return this;
		}

		/**
		 * Under way: started an hour ago (four hours long), so its first day has begun
		 * wherever it takes place and people can be checked in (from midnight of that day
		 * in its zone, {@code EventDays}).
		 */
		public Builder onItsDay() {
			return startsAt(Instant.now().minus(1, ChronoUnit.HOURS));
		}

		public Builder venue(String name, String address, String mapUrl) {
			this.venueName = name;
			this.venueAddress = address;
			this.venueMapUrl = mapUrl;
			return this;
		}

		/** ISO 3166-1 alpha-2; the region asked for on the form depends on it. */
		public Builder country(String country) {
			this.country = country;
			return this;
		}

		/** The capacity, with as many seat rows. */
		public Builder capacity(int capacity) {
			this.capacity = capacity;
			return this;
		}

		/**
		 * No seat rows (capacity 0): confirmed registrations written by
		 * {@link TestRegistrations} then take no seat, and the promoter finds none free.
		 */
		public Builder withoutSeats() {
			this.seatRows = false;
			return this;
		}

		public Builder requiringApproval() {
			this.requiresApproval = true;
			return this;
		}

		public Builder unpublished() {
			this.published = false;
			return this;
		}

		/** When the registration form opens and closes; {@code null} for no limit. */
		public Builder window(Instant opensAt, Instant closesAt) {
			this.opensAt = opensAt;
			this.closesAt = closesAt;
			return this;
		}

		public Created create() {
			String slug = (this.slug != null) ? this.slug
					: this.slugPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
			long id = (this.copy ? insertCopy(slug) : insert(slug));
			if (this.seatRows) {
				TestEvents.this.jdbc
					.sql("insert into event_seat (event_id, seat_no) select ?, n from generate_series(1, ?) n")
					.params(id, this.capacity)
					.update();
			}
			return new Created(id, slug);
		}

		private long insert(String slug) {
			String suffix = this.slugInTitle ? " " + slug : "";
			return TestEvents.this.jdbc
				.sql("""
						insert into event (slug, title_es, title_en, summary_es, summary_en, description_es, description_en,
						    agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name, venue_address,
						    venue_map_url, country, requires_approval, registration_opens_at,
						    registration_closes_at, published)
						values (:slug, :titleEs, :titleEn, 'Resumen', 'Summary', 'Descripción', 'Description', 'Uno', 'One',
						    'Acerca', 'About', :startsAt, :endsAt, 'America/Mexico_City', :venueName, :venueAddress,
						    :venueMapUrl, :country, :approval, :opensAt, :closesAt, :published)
						returning id
						""")
				.param("slug", slug)
				.param("titleEs", this.titleEs + suffix)
				.param("titleEn", this.titleEn + suffix)
				.param("startsAt", utc(this.startsAt))
				.param("endsAt", utc(this.startsAt.plus(4, ChronoUnit.HOURS)))
				.param("venueName", this.venueName)
				.param("venueAddress", this.venueAddress)
				.param("venueMapUrl", this.venueMapUrl)
				.param("country", this.country)
				.param("approval", this.requiresApproval)
				.param("opensAt", utc(this.opensAt))
				.param("closesAt", utc(this.closesAt))
				.param("published", this.published)
				.query(Long.class)
				.single();
		}

		private long insertCopy(String slug) {
			return TestEvents.this.jdbc
				.sql("""
						insert into event (slug, title_es, title_en, summary_es, summary_en, description_es, description_en,
						    agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name, venue_address,
						    venue_map_url, requires_approval, registration_opens_at, registration_closes_at,
						    published)
						select :slug, title_es, title_en, summary_es, summary_en, description_es, description_en, agenda_es,
						       agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name, venue_address,
						       venue_map_url, requires_approval or :approval, registration_opens_at,
						       registration_closes_at, :published
						  from event where slug = 'mexico-workshop'
						returning id
						""")
				.param("slug", slug)
				.param("approval", this.requiresApproval)
				.param("published", this.published)
				.query(Long.class)
				.single();
		}

	}

	public record Created(long id, String slug) {
	}

}
