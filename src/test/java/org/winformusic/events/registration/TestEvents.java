package org.winformusic.events.registration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts events with seat rows for registration tests, each with a unique slug. */
public final class TestEvents {

	private final JdbcClient jdbc;

	private boolean requiresApproval;

	private boolean published = true;

	private Instant opensAt;

	private Instant closesAt;

	private Instant startsAt = Instant.now().plus(60, ChronoUnit.DAYS);

	public TestEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public TestEvents requiringApproval() {
		this.requiresApproval = true;
		return this;
	}

	public TestEvents unpublished() {
		this.published = false;
		return this;
	}

	public TestEvents window(Instant opensAt, Instant closesAt) {
		this.opensAt = opensAt;
		this.closesAt = closesAt;
		return this;
	}

	/** Creates the event with {@code seats} seat rows. */
	public Created create(int seats) {
		String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.jdbc.sql("""
				insert into event (slug, title_es, title_en, summary_es, summary_en, description_es, description_en,
				    agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name, venue_address,
				    capacity, requires_approval, registration_opens_at, registration_closes_at, published)
				values (:slug, 'Taller de prueba', 'Test workshop', 'Resumen', 'Summary', 'Descripción', 'Description',
				    'Uno', 'One', 'Acerca', 'About', :startsAt, :endsAt, 'America/Mexico_City', 'Sede', 'Calle 1, CDMX',
				    :capacity, :approval, :opensAt, :closesAt, :published)
				returning id
				""")
			.param("slug", slug)
			.param("startsAt", utc(this.startsAt))
			.param("endsAt", utc(this.startsAt.plus(4, ChronoUnit.HOURS)))
			.param("capacity", seats)
			.param("approval", this.requiresApproval)
			.param("opensAt", utc(this.opensAt))
			.param("closesAt", utc(this.closesAt))
			.param("published", this.published)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into event_seat (event_id, seat_no) select ?, n from generate_series(1, ?) n")
			.params(id, seats)
			.update();
		return new Created(id, slug);
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

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	public record Created(long id, String slug) {
	}

}
