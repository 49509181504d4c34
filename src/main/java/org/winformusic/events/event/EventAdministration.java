package org.winformusic.events.event;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.winformusic.events.shared.StaffAction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing events, for WIN staff who run the next workshop. A new event gets
 * its seat rows here; the capacity of an existing event changes through the registration
 * feature, which also promotes the waitlist.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
public class EventAdministration {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final EventRepository events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EventCatalog catalog;

	private final ApplicationEventPublisher publisher;

	private final EventQuestions questions;

	EventAdministration(EventRepository events, JdbcClient jdbc, Clock clock, EventCatalog catalog,
			ApplicationEventPublisher publisher, EventQuestions questions) {
		this.events = events;
		this.jdbc = jdbc;
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
				f.timeZone(), "", "", "", f.capacity(), f.requiresApproval(), "", "", false, f.speakers(), f.partners(),
				f.retentionDays(), QuestionRow.copies(f.questions())));
	}

	/**
	 * Checks what Bean Validation cannot: time zone, dates, speakers and partners lines.
	 * @return field name → message key, empty when the form is consistent
	 */
	public Map<String, String> check(EventForm form) {
		Map<String, String> errors = new LinkedHashMap<>(this.questions.check(form.slug(), form.questions()));
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
		if (speakers(form.speakers()) == null) {
			errors.put("speakers", "eventadmin.error.speakers");
		}
		if (partners(form.partners()) == null) {
			errors.put("partners", "eventadmin.error.partners");
		}
		return errors;
	}

	/**
	 * Creates an event with one seat row per seat.
	 * @throws SlugTakenException when another event has the slug
	 */
	@Transactional
	public String create(EventForm form) {
		requireConsistent(form);
		if (this.events.findBySlug(form.slug()).isPresent()) {
			throw new SlugTakenException();
		}
		Event event = new Event(form.slug(), form.capacity(), this.clock.instant());
		apply(event, form);
		try {
			this.events.saveAndFlush(event);
		}
		catch (DataIntegrityViolationException ex) {
			throw new SlugTakenException();
		}
		this.jdbc.sql("insert into event_seat (event_id, seat_no) select ?, s from generate_series(1, ?) s")
			.params(event.getId(), form.capacity())
			.update();
		this.questions.save(event.getId(), form.questions(), this.clock.instant());
		this.catalog.evict();
		this.publisher.publishEvent(new StaffAction("EVENT_CREATED", event.getId(), null, "slug=" + event.getSlug()));
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
		this.publisher.publishEvent(new StaffAction("EVENT_UPDATED", event.getId(), null, "slug=" + slug));
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
		event.settings(Boolean.TRUE.equals(form.requiresApproval()), Boolean.TRUE.equals(form.published()));
		event.replaceSpeakers(speakers(form.speakers()));
		event.replacePartners(partners(form.partners()));
		event.retainFor(form.retentionDays());
	}

	private static EventForm toForm(Event e) {
		ZoneId zone = e.zone();
		String speakers = e.getSpeakers()
			.stream()
			.map((s) -> String.join(" | ", s.name(), s.roleEs(), s.roleEn(), s.organization(), s.countryCode()))
			.collect(Collectors.joining("\n"));
		String partners = e.getPartners()
			.stream()
			.map((p) -> String
				.join(" | ", p.name(), nonNull(p.url()), nonNull(p.descriptionEs()), nonNull(p.descriptionEn()))
				.replaceAll("( \\| )+$", ""))
			.collect(Collectors.joining("\n"));
		return new EventForm(e.getSlug(), e.titleEs(), e.titleEn(), e.summaryEs(), e.summaryEn(), e.descriptionEs(),
				e.descriptionEn(), e.agendaEs(), e.agendaEn(), e.aboutEs(), e.aboutEn(), format(e.getStartsAt(), zone),
				format(e.getEndsAt(), zone), zone.getId(), e.venueName(), e.venueAddress(), e.venueMapUrl(),
				e.getCapacity(), e.requiresApproval(), format(e.registrationOpensAt(), zone),
				format(e.registrationClosesAt(), zone), e.isPublished(), speakers, partners, e.retentionDays(),
				List.of());
	}

	/** Speaker lines, or null when a line is malformed. */
	static List<Speaker> speakers(String text) {
		List<Speaker> result = new ArrayList<>();
		for (String line : lines(text)) {
			String[] parts = line.split("\\|", -1);
			if (parts.length != 5) {
				return null;
			}
			String country = parts[4].strip().toUpperCase(Locale.ROOT);
			if (!List.of(Locale.getISOCountries()).contains(country) || parts[0].isBlank()
					|| parts[0].strip().length() > 120 || parts[3].isBlank()) {
				return null;
			}
			result.add(new Speaker(result.size() + 1, parts[0].strip(), parts[1].strip(), parts[2].strip(),
					parts[3].strip(), country));
		}
		return result;
	}

	/**
	 * Partner lines ({@code Name | URL | description es | description en}, all but the
	 * name optional), or null when a line is malformed.
	 */
	static List<Partner> partners(String text) {
		List<Partner> result = new ArrayList<>();
		for (String line : lines(text)) {
			String[] parts = line.split("\\|", -1);
			String name = parts[0].strip();
			String url = part(parts, 1);
			String es = part(parts, 2);
			String en = part(parts, 3);
			if (parts.length > 4 || name.isEmpty() || name.length() > 120 || es.length() > 300 || en.length() > 300
					|| !(url.isEmpty() || url.matches("https?://\\S{1,290}"))) {
				return null;
			}
			result.add(new Partner(result.size() + 1, name, url.isEmpty() ? null : url, es.isEmpty() ? null : es,
					en.isEmpty() ? null : en));
		}
		return result;
	}

	private static String part(String[] parts, int index) {
		return (parts.length > index) ? parts[index].strip() : "";
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	private static List<String> lines(String text) {
		return (text == null) ? List.of() : text.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
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
