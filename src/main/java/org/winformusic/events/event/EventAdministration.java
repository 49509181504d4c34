package org.winformusic.events.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	/**
	 * Slugs that are fixed path segments of the admin and public URLs
	 * ({@code /admin/events/new} would shadow the dashboard of an event called "new").
	 */
	static final Set<String> RESERVED_SLUGS = Set.of("new", "edit", "capacity", "registrations", "checkin", "register",
			"lookup", "bulk", "sync", "pass", "undo", "badges", "door-list", "people");

	/**
	 * The error of a zone that is none of the country's, unconfirmed: its message names
	 * both (see the editor's controller for its arguments).
	 */
	public static final String ZONE_ELSEWHERE = "eventadmin.error.zoneElsewhere";

	/**
	 * The error of a local time the clocks skip in the event's zone (its message names
	 * the zone's city).
	 */
	public static final String CLOCKS_CHANGE = EventFormTimes.CLOCKS_CHANGE;

	private final EventRepository events;

	private final EventSeats seats;

	private final Clock clock;

	private final EventCatalog catalog;

	private final ApplicationEventPublisher publisher;

	private final EventQuestions questions;

	private final EventRegistrations registrations;

	EventAdministration(EventRepository events, EventSeats seats, Clock clock, EventCatalog catalog,
			ApplicationEventPublisher publisher, EventQuestions questions, EventRegistrations registrations) {
		this.events = events;
		this.seats = seats;
		this.clock = clock;
		this.catalog = catalog;
		this.publisher = publisher;
		this.questions = questions;
		this.registrations = registrations;
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
				f.partners(), f.retentionDays(), QuestionRow.copies(f.questions()), f.zoneConfirmed()));
	}

	/**
	 * Checks a new event's form: {@link #check(EventForm)}, a slug that is not a fixed
	 * segment of the site's URLs, and a start still to come (a past year typed by
	 * mistake). An existing event that is over can still be corrected.
	 * @return field name → message key, empty when the form is consistent
	 */
	public Map<String, String> checkNew(EventForm form) {
		Map<String, String> errors = check(form);
		if (form.slug() != null && RESERVED_SLUGS.contains(form.slug().strip())) {
			errors.putIfAbsent("slug", "eventadmin.error.slugReserved");
		}
		if (startsBefore(form, errors, this.clock.instant())) {
			errors.put("startsAt", "eventadmin.error.startPast");
		}
		return errors;
	}

	/**
	 * Checks an edit of the event with this slug: {@link #check(EventForm)}; the country
	 * stays once anyone registered (any status): their regions are codes of that country,
	 * which another country's pages, filters and edits would not know; and an event that
	 * has not started keeps a start still to come (a past year typed by mistake would
	 * tell its registrants it took place). An event under way or over can still be
	 * corrected.
	 * @return field name → message key, empty when the form is consistent
	 */
	@Transactional(readOnly = true)
	public Map<String, String> checkChange(String slug, EventForm form) {
		Map<String, String> errors = check(form);
		this.events.findBySlug(slug).ifPresent((event) -> {
			String country = Countries.posted(form.country());
			if (country != null && !country.equals(event.country()) && this.registrations.anyFor(event.getId())) {
				errors.putIfAbsent("country", "eventadmin.error.countryLocked");
			}
			Instant now = this.clock.instant();
			if (event.getStartsAt().isAfter(now) && startsBefore(form, errors, now)) {
				errors.put("startsAt", "eventadmin.error.startPastMoved");
			}
		});
		return errors;
	}

	/** Whether the form's start, when it is one, comes before {@code now}. */
	private static boolean startsBefore(EventForm form, Map<String, String> errors, Instant now) {
		ZoneId zone = EventFormTimes.zone(form.timeZone());
		Instant start = (zone != null && !errors.containsKey("startsAt")) ? EventFormTimes.parse(form.startsAt(), zone)
				: null;
		return start != null && start.isBefore(now);
	}

	/**
	 * Checks what Bean Validation cannot: time zone, dates, speakers' countries. The zone
	 * is one of the country's unless the organizer confirmed it (an online event, a venue
	 * across a border): a zone left as it was for another country puts every time of the
	 * event, its calendar files and links hours off. The times:
	 * {@link EventFormTimes#check}.
	 * @return field name → message key, empty when the form is consistent
	 */
	public Map<String, String> check(EventForm form) {
		Map<String, String> errors = new LinkedHashMap<>(this.questions.check(form.slug(), form.questions()));
		if (!Countries.known(Countries.posted(form.country()))) {
			errors.put("country", "country.error.unknown");
		}
		SpeakersAndPartners.check(form, errors);
		ZoneId zone = EventFormTimes.zone(form.timeZone());
		if (zone == null) {
			errors.put("timeZone", EventFormTimes.offset(form.timeZone()) ? "eventadmin.error.zoneOffset"
					: "eventadmin.error.timeZone");
			return errors;
		}
		if (form.zoneOutsideCountry() && !form.zoneConfirmedHere()) {
			errors.put("timeZone", ZONE_ELSEWHERE);
		}
		EventFormTimes.check(errors, form, zone);
		return errors;
	}

	/**
	 * Creates an event and opens its seats.
	 * @throws SlugTakenException when another event has the slug
	 */
	@Transactional
	public String create(EventForm form) {
		requireConsistent(checkNew(form));
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
	 * capacity), and records in the audit trail what changed ({@link EventChanges}); a
	 * save that changes nothing records nothing and leaves the calendar files' revision
	 * as it was. When the start, the end or the venue (name or address) changed, and the
	 * event (as saved) has not ended, the people registered are told what changed
	 * ({@link EventMoved}, with when and where it was before) unless the organizer chose
	 * not to tell them ({@code tell} false: a typo fixed in the venue); the audit entry
	 * says which, and for how many people.
	 * @return what the save did
	 */
	@Transactional
	public EventSave update(String slug, EventForm form, boolean tell) {
		requireConsistent(checkChange(slug, form));
		Event event = this.events.findBySlug(slug).orElseThrow(() -> new IllegalArgumentException("no such event"));
		EventForm saved = toForm(event).withQuestions(this.questions.rows(event.getId()));
		EventMoved.Before before = EventMoved.Before.of(event);
		// Positions are unique per event: remove the old rows before the new ones go in.
		event.replaceSpeakers(List.of());
		event.replacePartners(List.of());
		this.events.flush();
		apply(event, form);
		this.questions.save(event.getId(), form.questions(), this.clock.instant());
		String changes = EventChanges.between(saved, toForm(event).withQuestions(this.questions.rows(event.getId())));
		if (changes.isEmpty()) {
			return EventSave.UNCHANGED;
		}
		event.touch(this.clock.instant());
		event.reviseCalendar();
		this.catalog.evict();
		EventMoved.Before after = EventMoved.Before.of(event);
		// An event that is over stays over (a correction after the fact tells nobody).
		boolean moved = !before.sameWhenAndWhere(after) && event.getEndsAt().isAfter(this.clock.instant());
		int people = moved ? this.registrations.toTellOfAMove(event.getId()) : 0;
		EventSave save = moved ? EventSave.of(before, after, event.zone(), people, tell) : EventSave.CHANGED;
		this.publisher.publishEvent(Audited.byCurrentUser("EVENT_UPDATED", event.getId(), null,
				("slug=" + slug + "\n" + changes + "\n" + save.auditLine()).strip()));
		if (moved && tell) {
			this.publisher.publishEvent(new EventMoved(event.getId(), before));
		}
		return save;
	}

	private static void requireConsistent(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("inconsistent event form: " + errors.keySet());
		}
	}

	private static void apply(Event event, EventForm form) {
		ZoneId zone = EventFormTimes.zone(form.timeZone());
		event.describe(form.titleEs().strip(), form.titleEn().strip(), form.summaryEs().strip(),
				form.summaryEn().strip(), form.descriptionEs().strip(), form.descriptionEn().strip(),
				text(form.agendaEs()), text(form.agendaEn()), text(form.aboutEs()), text(form.aboutEn()));
		event.schedule(EventFormTimes.parse(form.startsAt(), zone), EventFormTimes.parse(form.endsAt(), zone),
				zone.getId(),
				blank(form.registrationOpensAt()) ? null : EventFormTimes.parse(form.registrationOpensAt(), zone),
				blank(form.registrationClosesAt()) ? null : EventFormTimes.parse(form.registrationClosesAt(), zone));
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
				e.descriptionEn(), e.agendaEs(), e.agendaEn(), e.aboutEs(), e.aboutEn(),
				EventFormTimes.format(e.getStartsAt(), zone), EventFormTimes.format(e.getEndsAt(), zone), zone.getId(),
				e.country(), e.venueName(), e.venueAddress(), e.venueMapUrl(),
				this.seats.availability(e.getId()).capacity(), e.requiresApproval(),
				EventFormTimes.format(e.registrationOpensAt(), zone),
				EventFormTimes.format(e.registrationClosesAt(), zone), e.isPublished(),
				SpeakersAndPartners.speakerRows(e.getSpeakers()), SpeakersAndPartners.partnerRows(e.getPartners()),
				e.retentionDays(), List.of(), savedZoneConfirmation(e));
	}

	/**
	 * A saved zone that is none of the country's was confirmed when it was saved: the
	 * form comes with the box ticked, for this country and zone only.
	 */
	private static String savedZoneConfirmation(Event e) {
		return CountryZones.belongs(e.zone(), e.country()) ? null
				: CountryZones.confirmation(e.country(), e.zone().getId());
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
