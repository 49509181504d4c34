package org.winformusic.events.mail.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.mail.Outbox;
import org.winformusic.events.mail.OutboxMessage;
import org.winformusic.events.mail.OutboxStatus;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff outbox pages: every email with its status, one message (what was sent, and
 * the email composed on demand without a live link), and resending. Any staff role may
 * look; only organizers and admins may resend. The list, newest first across events,
 * shows every time in UTC ({@link EventTimes#NO_EVENT}, said once at the top) so that it
 * reads in order, and under an email about an event its time where the event takes place;
 * one message's page shows its times in its event's zone, named.
 */
@Controller
class OutboxController {

	private static final String LIST_VIEW = "admin/outbox";

	private static final String MESSAGE_VIEW = "admin/outbox-message";

	/**
	 * The HTML part is shown as its own document, in a sandbox: no scripts, no forms, no
	 * same-origin access, whatever the email contains.
	 */
	static final String HTML_PART_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

	private final Outbox outbox;

	private final EventCatalog catalog;

	private final Clock clock;

	OutboxController(Outbox outbox, EventCatalog catalog, Clock clock) {
		this.outbox = outbox;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/admin/outbox")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") String page,
			@RequestParam(required = false) String upTo, Model model) {
		OutboxStatus filter = parseStatus(status);
		Outbox.OutboxPage list = this.outbox.list(filter, parsePage(page), parseId(upTo));
		model.addAttribute("outbox", list);
		model.addAttribute("stats", this.outbox.stats());
		model.addAttribute("statuses", OutboxStatus.values());
		model.addAttribute("status", filter);
		model.addAttribute("zones", this.catalog.zonesOf(list.eventIds()));
		model.addAttribute("utc", EventTimes.NO_EVENT);
		// For "tried again at 14:05" (or "now") under a message that failed.
		model.addAttribute("now", this.clock.instant());
		return LIST_VIEW;
	}

	@GetMapping("/admin/outbox/{id}")
	String message(@PathVariable String id, Model model, HttpServletRequest request) {
		OutboxMessage message = find(id);
		model.addAttribute("message", message);
		model.addAttribute("preview", this.outbox.preview(message).orElse(null));
		model.addAttribute("canResend", canResend(request));
		// After the event's end "send again" sends the link to the record instead.
		model.addAttribute("linkInstead", this.outbox.sendsLinkInstead(message));
		model.addAttribute("from", this.outbox.from());
		model.addAttribute("now", this.clock.instant());
		// UTC for an email about no event, or about one that no longer exists.
		Long eventId = message.eventId();
		model.addAttribute("zone",
				(eventId != null) ? this.catalog.zonesOf(List.of(eventId)).getOrDefault(eventId, EventTimes.NO_EVENT)
						: EventTimes.NO_EVENT);
		return MESSAGE_VIEW;
	}

	@GetMapping("/admin/outbox/{id}/html")
	ResponseEntity<String> htmlPart(@PathVariable String id) {
		Outbox.Preview preview = this.outbox.preview(find(id)).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok()
			.header("Content-Security-Policy", HTML_PART_POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(preview.html());
	}

	@PostMapping("/admin/outbox/{id}/resend")
	String resend(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
		if (!canResend(request)) {
			throw new AccessDeniedException("Only organizers and admins resend emails");
		}
		OutboxMessage message = find(id);
		Outbox.Resend outcome = this.outbox.resend(message.id());
		redirect.addFlashAttribute("resend", outcome.name());
		return "redirect:/admin/outbox/" + message.id();
	}

	private OutboxMessage find(String id) {
		try {
			return this.outbox.find(Long.parseLong(id)).orElseThrow(NotFoundException::new);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException();
		}
	}

	private static boolean canResend(HttpServletRequest request) {
		return request.isUserInRole("ADMIN") || request.isUserInRole("ORGANIZER");
	}

	private static OutboxStatus parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		for (OutboxStatus candidate : OutboxStatus.values()) {
			if (candidate.name().equalsIgnoreCase(status.strip())) {
				return candidate;
			}
		}
		return null;
	}

	/** A message id of a page link; null for anything else (a first reading). */
	private static Long parseId(String id) {
		try {
			return (id != null) ? Math.max(0, Long.parseLong(id.strip())) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int parsePage(String page) {
		try {
			return Math.max(0, Math.min(Integer.parseInt(page.strip()), 1_000_000));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
