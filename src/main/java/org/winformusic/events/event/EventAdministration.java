package org.winformusic.events.event;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.winformusic.events.shared.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing events, for WIN staff who run the next workshop. A new event's
 * seats are opened here ({@link EventSeats}); the capacity of an existing event changes
 * through the registration feature, which also promotes the waitlist.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
public class EventAdministration {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final EventRepository events;

	private final EventSeats seats;

	private final Clock clock;

	private final EventCatalog catalog;

	private final ApplicationEventPublisher publisher;

	private final EventQuestions questions;

	EventAdministration(EventRepository events, EventSeats seats, Clock clock, EventCatalog catalog,
			ApplicationEventPublisher publisher, EventQuestions questions) {
		this.events = events;
		this.seats = seats;
		this.clock = clock;
		this.catalog = catalog;
		this.publisher = publisher;
		this.questions = questions;
	}

	/** The form for an existing event. */
	@Transactional(readOnly = true)
	public Optional<EventForm> formFor(String slug) {
		return this.events.findBySlug(slug).map((e) -> toForm(e).withQuestions(this.questions.rows(e.getId())));
	}

	/** A new event's form pre-filled from another event (same workshop, next country). */
	@Transactional(readOnly = true)
	public Optional<EventForm> copyOf(String slug) {
		return formFor(slug).map((f) -> new EventForm("", f.titleEs(), f.titleEn(), f.summaryEs(), f.summaryEn(),
				f.descriptionEs(), f.descriptionEn(), f.agendaEs(), f.agendaEn(), f.aboutEs(), f.aboutEn(), "", "",
				f.timeZone(), f.country(), "", "", "", f.capacity(), f.requiresApproval(), "", "", false, f.speakers(),
				f.partners(), f.retentionDays(), QuestionRow.copies(f.questions())));
	}

	/**
	 * Checks what Bean Validation cannot: time zone, dates, speakers' countries.
	 * @return field name → message key, empty when the form is consistent
	 */
	public Map<String, String> check(EventForm form) {
		Map<String, String> errors = new LinkedHashMap<>(this.questions.check(form.slug(), form.questions()));
		if (!Countries.known(Countries.posted(form.country()))) {
			errors.put("country", "country.error.unknown");
		}
		SpeakersAndPartners.check(form, errors);
		ZoneId zone = zone(form.timeZone());
		if (zone == null) {
			errors.put("timeZone", "eventadmin.error.timeZone");
			return errors;
		}
		Instant start = parse(form.startsAt(), zone);
		Instant end = parse(form.endsAt(), zone);
		if (start == null) {
			errors.put("startsAt", "eventadmin.error.dateTime");
		}
		if (end == null) {
			errors.put("endsAt", "eventadmin.error.dateTime");
		}
		else if (start != null && !end.isAfter(start)) {
			errors.put("endsAt", "eventadmin.error.endBeforeStart");
		}
		if (blank(form.registrationOpensAt()) ? false : parse(form.registrationOpensAt(), zone) == null) {
			errors.put("registrationOpensAt", "eventadmin.error.dateTime");
		}
		if (blank(form.registrationClosesAt()) ? false : parse(form.registrationClosesAt(), zone) == null) {
			errors.put("registrationClosesAt", "eventadmin.error.dateTime");
		}
		return errors;
	}

	/**
	 * Creates an event and opens its seats.
	 * @throws SlugTakenException when another event has the slug
	 */
	@Transactional
	public String create(EventForm form) {
		requireConsistent(form);
		if (this.events.findBySlug(form.slug()).isPresent()) {
			throw new SlugTakenException();
		}
		Event event = new Event(form.slug(), this.clock.instant());
		apply(event, form);
		try {
			this.events.saveAndFlush(event);
		}
		catch (DataIntegrityViolationException ex) {
			throw new SlugTakenException();
		}
		this.seats.open(event.getId(), form.capacity());
		this.questions.save(event.getId(), form.questions(), this.clock.instant());
		this.catalog.evict();
		this.publisher
			.publishEvent(Audited.byCurrentUser("EVENT_CREATED", event.getId(), null, "slug=" + event.getSlug()));
		return event.getSlug();
	}

	/**
	 * Updates an event's texts, dates, venue, speakers and partners (not slug or
	 * capacity).
	 */
	@Transactional
	public void update(String slug, EventForm form) {
		requireConsistent(form);
		Event event = this.events.findBySlug(slug).orElseThrow(() -> new IllegalArgumentException("no such event"));
		// Positions are unique per event: remove the old rows before the new ones go in.
		event.replaceSpeakers(List.of());
		event.replacePartners(List.of());
		this.events.flush();
		apply(event, form);
		event.touch(this.clock.instant());
		this.questions.save(event.getId(), form.questions(), this.clock.instant());
		this.catalog.evict();
		this.publisher.publishEvent(Audited.byCurrentUser("EVENT_UPDATED", event.getId(), null, "slug=" + slug));
	}

	private void requireConsistent(EventForm form) {
		if (!check(form).isEmpty()) {
			throw new IllegalArgumentException("inconsistent event form: " + check(form).keySet());
		}
	}

	private static void apply(Event event, EventForm form) {
		ZoneId zone = zone(form.timeZone());
		event.describe(form.titleEs().strip(), form.titleEn().strip(), form.summaryEs().strip(),
				form.summaryEn().strip(), form.descriptionEs().strip(), form.descriptionEn().strip(),
				text(form.agendaEs()), text(form.agendaEn()), text(form.aboutEs()), text(form.aboutEn()));
		event.schedule(parse(form.startsAt(), zone), parse(form.endsAt(), zone), zone.getId(),
				blank(form.registrationOpensAt()) ? null : parse(form.registrationOpensAt(), zone),
				blank(form.registrationClosesAt()) ? null : parse(form.registrationClosesAt(), zone));
		event.locate(form.venueName().strip(), form.venueAddress().strip(),
				blank(form.venueMapUrl()) ? null : form.venueMapUrl().strip());
		event.placeIn(Countries.posted(form.country()));
		event.settings(Boolean.TRUE.equals(form.requiresApproval()), Boolean.TRUE.equals(form.published()));
		event.replaceSpeakers(SpeakersAndPartners.speakers(form.speakers()));
		event.replacePartners(SpeakersAndPartners.partners(form.partners()));
		event.retainFor(form.retentionDays());
	}

	private EventForm toForm(Event e) {
		ZoneId zone = e.zone();
		return new EventForm(e.getSlug(), e.titleEs(), e.titleEn(), e.summaryEs(), e.summaryEn(), e.descriptionEs(),
				e.descriptionEn(), e.agendaEs(), e.agendaEn(), e.aboutEs(), e.aboutEn(), format(e.getStartsAt(), zone),
				format(e.getEndsAt(), zone), zone.getId(), e.country(), e.venueName(), e.venueAddress(),
				e.venueMapUrl(), this.seats.availability(e.getId()).capacity(), e.requiresApproval(),
				format(e.registrationOpensAt(), zone), format(e.registrationClosesAt(), zone), e.isPublished(),
				SpeakersAndPartners.speakerRows(e.getSpeakers()), SpeakersAndPartners.partnerRows(e.getPartners()),
				e.retentionDays(), List.of());
	}

	private static ZoneId zone(String id) {
		try {
			return (id == null) ? null : ZoneId.of(id.strip());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static Instant parse(String local, ZoneId zone) {
		try {
			return (local == null) ? null : LocalDateTime.parse(local.strip(), LOCAL).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String format(Instant instant, ZoneId zone) {
		return (instant != null) ? LOCAL.format(instant.atZone(zone)) : "";
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String text(String text) {
		return (text != null) ? text.strip() : "";
	}

	/** Another event already has the slug. */
	public static class SlugTakenException extends RuntimeException {

		SlugTakenException() {
			super("slug taken", null, false, false);
		}

	}

}
