package org.winformusic.events.admin;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.shared.EventTimes;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log (ADMIN): filter by actor (as stored, or by the words shown for the system
 * and the registrant), action, event and day; newest first. Entries of every event and of
 * none (a login, a staff account) are in one list, so every time and the days of the
 * filter are in UTC, said once at the top, and the list reads in order; an entry about an
 * event adds its time where the event takes place, and its details (an event's new start,
 * say) stay in the event's zone, named.
 */
@Controller
class AuditController {

	private static final String VIEW = "admin/audit";

	static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	private final EventCatalog catalog;

	private final AuditActors actors;

	AuditController(AuditLog audit, EventCatalog catalog, AuditActors actors) {
		this.audit = audit;
		this.actors = actors;
		this.catalog = catalog;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) Long event, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Long upTo, Locale locale, Model model) {
		LocalDate fromDay = day(from);
		LocalDate toDay = day(to);
		String who = blankToNull(actor);
		AuditLog.Found found = this.audit.search(who, (who != null) ? this.actors.named(who) : Set.of(),
				blankToNull(action), event, (fromDay != null) ? fromDay.atStartOfDay().toInstant(ZoneOffset.UTC) : null,
				(toDay != null) ? toDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null, upTo,
				Math.max(page, 0), PAGE_SIZE);
		Page<AuditLog.Entry> entries = found.page();
		UriComponentsBuilder query = UriComponentsBuilder.newInstance();
		addIfPresent(query, "actor", actor);
		addIfPresent(query, "action", action);
		addIfPresent(query, "from", (fromDay != null) ? fromDay.toString() : null);
		addIfPresent(query, "to", (toDay != null) ? toDay.toString() : null);
		// The other filters stay when an event is chosen or let go of.
		String others = query.cloneBuilder().encode().build().getQuery();
		model.addAttribute("others", (others != null) ? others + "&" : "");
		addIfPresent(query, "event", (event != null) ? event.toString() : null);
		// The page links keep to this reading's entries.
		addIfPresent(query, "upTo", Long.toString(found.upTo()));
		String base = query.encode().build().getQuery();
		model.addAttribute("entries", entries);
		Map<Long, EventInfo> events = events(entries, locale);
		model.addAttribute("eventTitles", byId(events, EventInfo::title));
		model.addAttribute("eventCountries", byId(events, EventInfo::country));
		model.addAttribute("eventZones", this.catalog.zonesOf(events.keySet()));
		model.addAttribute("utc", EventTimes.NO_EVENT);
		model.addAttribute("actions", this.audit.actions());
		model.addAttribute("query", (base != null) ? base + "&" : "");
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("eventId", event);
		model.addAttribute("chosenEvent",
				(event != null) ? this.catalog.findById(event, locale).map(EventInfo::title).orElse(null) : null);
		model.addAttribute("from", (fromDay != null) ? fromDay.toString() : "");
		model.addAttribute("to", (toDay != null) ? toDay.toString() : "");
		return VIEW;
	}

	/**
	 * The events the page's entries refer to, by id: staff read a name, not "event 1",
	 * and a region in the words of the event's country.
	 */
	private Map<Long, EventInfo> events(Page<AuditLog.Entry> entries, Locale locale) {
		Map<Long, EventInfo> events = new HashMap<>();
		entries.getContent()
			.stream()
			.map(AuditLog.Entry::eventId)
			.filter(Objects::nonNull)
			.distinct()
			.forEach((id) -> this.catalog.findById(id, locale).ifPresent((event) -> events.put(id, event)));
		return events;
	}

	private static Map<Long, String> byId(Map<Long, EventInfo> events, Function<EventInfo, String> value) {
		Map<Long, String> values = new HashMap<>();
		events.forEach((id, event) -> values.put(id, value.apply(event)));
		return values;
	}

	private static void addIfPresent(UriComponentsBuilder builder, String name, String value) {
		if (value != null && !value.isBlank()) {
			builder.queryParam(name, value.strip());
		}
	}

	private static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a date");
		}
		// The log starts long after 2000; a day PostgreSQL cannot compare
		// (-5000-01-01) is as wrong as one that does not parse.
		if (day.getYear() < 2000 || day.getYear() > 9999) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a date");
		}
		return day;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null
				: text.strip().substring(0, Math.min(text.strip().length(), 254));
	}

}
