package org.winformusic.events.registration.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.BehindManageLink;
import org.winformusic.events.registration.CalendarFile;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.AppProperties;
import org.winformusic.events.shared.MailFrom;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The calendar file behind the manage link, for someone who holds a seat only (checked in
 * or not) and only until the event's end: the waitlisted and pending have no date to keep
 * yet, an ended registration's entry is removed by the file its email carried, and an
 * event that is over has no date left to keep.
 */
@Controller
@BehindManageLink
class CalendarDownload {

	private final SelfService registrations;

	private final EventCatalog catalog;

	private final AppProperties app;

	private final MailFrom from;

	CalendarDownload(SelfService registrations, EventCatalog catalog, AppProperties app, MailFrom from) {
		this.registrations = registrations;
		this.catalog = catalog;
		this.app = app;
		this.from = from;
	}

	@GetMapping("/r/{token}/event.ics")
	ResponseEntity<byte[]> calendar(@PathVariable String token) {
		RegistrationView registration = this.registrations.findByToken(token).orElseThrow(NotFoundException::new);
		if (!ManageController.holdsSeat(registration) || this.catalog.ended(registration.eventId())) {
			// No seat, no calendar entry (an old email's link, after a cancel or a seat
			// withdrawn), and none for an event that is over: the manage page says where
			// the registration stands (after the end, the record of it); "this link is no
			// longer valid" would have them think it was gone.
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/r/" + token)).build();
		}
		EventInfo event = this.catalog.findById(registration.eventId(), registration.locale())
			.orElseThrow(NotFoundException::new);
		String ics = CalendarFile.build(event, registration, this.app.link("/events/" + event.slug()), this.from);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("event.ics").build().toString())
			.body(ics.getBytes(StandardCharsets.UTF_8));
	}

}
