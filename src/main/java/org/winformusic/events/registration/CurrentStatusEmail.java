package org.winformusic.events.registration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.RegistrationMessage.Type;

import org.springframework.stereotype.Component;

/**
 * The email that tells a registrant where their registration stands now, as a staff
 * resend sends it. The status alone does not say it for someone waiting: one who held a
 * seat (it was withdrawn) has a calendar entry from their confirmation, and gets the
 * withdrawn seat's email, whose file takes it out; the plain waitlist email has none. One
 * whose request was approved when no seat was left is told so again. Cancelled and
 * declined emails carry that file for whoever held a seat when it ended. After the
 * event's end the status emails would say untrue things (a seat reserved, a calendar
 * file, "we look forward to seeing you"): the link to the record goes instead
 * (LINK_REMINDER, which says the event took place).
 */
@Component
class CurrentStatusEmail {

	private final EmailHistory history;

	private final EventCatalog catalog;

	CurrentStatusEmail(EmailHistory history, EventCatalog catalog) {
		this.history = history;
		this.catalog = catalog;
	}

	Type kindFor(long registrationId, long eventId, RegistrationStatus status) {
		if (this.catalog.ended(eventId)) {
			return Type.LINK_REMINDER;
		}
		return kindFor(status,
				(status == RegistrationStatus.WAITLISTED) ? this.history.kindsQueued(registrationId) : Set.of());
	}

	/**
	 * The same for several registrations, by id, reading the outbox once for all those
	 * waiting.
	 */
	Map<Long, Type> kindsFor(Collection<RegistrationView> registrations) {
		List<Long> waiting = registrations.stream()
			.filter((r) -> r.status() == RegistrationStatus.WAITLISTED)
			.map(RegistrationView::id)
			.toList();
		Map<Long, Set<Type>> queued = waiting.isEmpty() ? Map.of() : this.history.kindsQueued(waiting);
		Set<Long> ended = this.catalog
			.endedAmong(registrations.stream().map(RegistrationView::eventId).collect(Collectors.toSet()));
		return registrations.stream()
			.collect(Collectors.toMap(RegistrationView::id, (r) -> ended.contains(r.eventId()) ? Type.LINK_REMINDER
					: kindFor(r.status(), queued.getOrDefault(r.id(), Set.of())), (a, b) -> a));
	}

	/**
	 * @param queued the kinds of email queued for the registration before (read only for
	 * someone waiting)
	 */
	private static Type kindFor(RegistrationStatus status, Set<Type> queued) {
		return switch (status) {
			case PENDING -> Type.RECEIVED_PENDING;
			case CONFIRMED -> Type.CONFIRMED;
			case WAITLISTED -> heldASeat(queued) ? Type.SEAT_WITHDRAWN
					: queued.contains(Type.APPROVED_WAITLISTED) ? Type.APPROVED_WAITLISTED : Type.WAITLISTED;
			case DECLINED -> Type.DECLINED;
			case CANCELLED -> Type.CANCELLED;
		};
	}

	/**
	 * Whether a waiting registration once held a seat: every way to a seat queues the
	 * confirmation or the promotion, and the only way from a seat to the waitlist is a
	 * withdrawal. Its own row cannot say (the waitlist clears {@code confirmed_at}).
	 */
	private static boolean heldASeat(Set<Type> queued) {
		return queued.contains(Type.CONFIRMED) || queued.contains(Type.PROMOTED)
				|| queued.contains(Type.SEAT_WITHDRAWN);
	}

}
