package org.winformusic.events.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.winformusic.events.registration.DoorCopies;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.CheckIns;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The offline door: the copy a phone keeps of an event ({@code door.json}, refreshed
 * every minute while online), the batch of check-ins it sends back ({@code sync}), a
 * scanned pass resolved to a registration id (or, for another event's pass, that event),
 * and the web app manifest that makes the door page installable.
 */
@RestController
class DoorController {

	/**
	 * The copy stays usable this long after the event ends, then the phone deletes it.
	 */
	static final Duration KEEP_AFTER_EVENT = Duration.ofHours(12);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventCatalog catalog;

	private final DoorCopies copies;

	private final DoorSync sync;

	private final CheckinPasses passes;

	private final CheckIns checkIns;

	private final RegistrationDirectory directory;

	private final Clock clock;

	private final MessageSource messages;

	private final DoorCheckIns door;

	private final OtherEventsToday otherEvents;

	private final EventTimes times;

	DoorController(EventCatalog catalog, DoorCopies copies, DoorSync sync, CheckinPasses passes, CheckIns checkIns,
			RegistrationDirectory directory, Clock clock, MessageSource messages, DoorCheckIns door,
			OtherEventsToday otherEvents, EventTimes times) {
		this.otherEvents = otherEvents;
		this.times = times;
		this.messages = messages;
		this.door = door;
		this.checkIns = checkIns;
		this.catalog = catalog;
		this.copies = copies;
		this.sync = sync;
		this.passes = passes;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping(path = "/admin/events/{slug}/checkin/door.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Copy> copy(@PathVariable String slug, Locale locale, HttpServletRequest request) {
		EventInfo event = event(slug, locale);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		Copy copy = new Copy(event.slug(), event.zone().getId(), this.clock.instant().toString(),
				event.endsAt().plus(KEEP_AFTER_EVENT).toString(), (csrf == null) ? null : csrf.getHeaderName(),
				(csrf == null) ? null : csrf.getToken(), this.copies.people(event.id()),
				this.checkIns.arrivalKeys(event.id()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(copy);
	}

	@PostMapping(path = "/admin/events/{slug}/checkin/sync", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> sync(@PathVariable String slug, @RequestParam(required = false) String batch,
			Locale locale, HttpServletRequest request) {
		EventInfo event = event(slug, locale);
		List<DoorSync.Action> actions = actions(batch);
		if (actions == null) {
			return ResponseEntity.badRequest()
				.cacheControl(CacheControl.noStore())
				.body(Map.of("error",
						"expected {\"actions\": [{\"id\", \"type\", \"at\", \"key\", \"seen\"}]}, at most "
								+ DoorSync.MAX_ACTIONS + " actions"));
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("results",
					this.sync.apply(event.id(), event.startsAt(), this.door.canUndo(event, true, request), actions),
					"serverTime", this.clock.instant().toString()));
	}

	/**
	 * The batch: JSON in the form field {@code batch}. A form post, not an
	 * {@code application/json} body, because every POST of the site is a form (the
	 * request guard answers any other body with a 415) and the CSRF check stays the same.
	 * Read from the tree by hand: a malformed action becomes an INVALID result rather
	 * than failing the whole batch. {@code null} when the body is not a batch.
	 */
	static List<DoorSync.Action> actions(String body) {
		JsonNode list;
		try {
			list = (body == null) ? null : JSON.readTree(body).path("actions");
		}
		catch (JacksonException ex) {
			return null;
		}
		if (list == null || !list.isArray() || list.size() > DoorSync.MAX_ACTIONS) {
			return null;
		}
		List<DoorSync.Action> actions = new ArrayList<>();
		for (JsonNode node : list.values()) {
			JsonNode id = node.path("id");
			actions.add(new DoorSync.Action(id.isIntegralNumber() ? id.asLong() : null, text(node.path("type")),
					text(node.path("at")), text(node.path("key")), text(node.path("seen"))));
		}
		return actions;
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	/**
	 * A scanned pass, online: which registration of this event it is ({@code id}). The
	 * pass of another event says what its door code typed into the search says
	 * ({@link OtherEventsToday#pass}): that event's title and date ({@code elsewhere})
	 * and the same person's registration here ({@code here}, if any), nothing more of
	 * that event's registration. 404 for a pass of nobody (or of an erased registration).
	 */
	@GetMapping(path = "/admin/events/{slug}/checkin/pass/{pass}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> pass(@PathVariable String slug, @PathVariable String pass, Locale locale) {
		EventInfo event = event(slug, locale);
		long id = this.passes.resolve(pass).orElseThrow(NotFoundException::new);
		Map<String, Object> answer = this.directory.find(id)
			.filter((r) -> r.eventId() == event.id())
			.<Map<String, Object>>map((r) -> Map.of("id", r.id()))
			.or(() -> this.otherEvents.pass(event.id(), id, locale).map((other) -> {
				EventInfo elsewhere = other.event();
				Map<String, Object> named = new LinkedHashMap<>();
				named.put("elsewhere", Map.of("title", elsewhere.title(), "date",
						this.times.date(elsewhere.startsAt(), elsewhere.zone(), locale)));
				other.here().ifPresent((here) -> named.put("here", here.id()));
				return named;
			}))
			.orElseThrow(NotFoundException::new);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
	}

	@GetMapping(path = "/admin/events/{slug}/checkin/manifest.webmanifest", produces = "application/manifest+json")
	ResponseEntity<Map<String, Object>> manifest(@PathVariable String slug, Locale locale) {
		EventInfo event = event(slug, locale);
		String start = "/admin/events/" + event.slug() + "/checkin";
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(Map.of("name", event.title(), "short_name",
					this.messages.getMessage("door.app.shortName", null, locale), "start_url", start, "scope", start,
					"display", "standalone", "background_color", "#ffffff", "theme_color", "#1d1d1b", "icons",
					List.of(Map.of("src", "/favicon.svg", "sizes", "any", "type", "image/svg+xml"))));
	}

	private EventInfo event(String slug, Locale locale) {
		return this.catalog.findBySlug(slug, locale).orElseThrow(NotFoundException::new);
	}

	/**
	 * What a phone keeps: the event's zone and when the copy was made and expires; for
	 * each arrival a phone recorded, that check-in's key, so the phone tells its own
	 * arrival from another phone's earlier one.
	 */
	record Copy(String event, String zone, String generatedAt, String expiresAt, String csrfHeader, String csrfToken,
			List<DoorCopies.Person> people, Map<Long, String> arrivalKeys) {
	}

}
