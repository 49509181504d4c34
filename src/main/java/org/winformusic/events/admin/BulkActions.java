package org.winformusic.events.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationTallies;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * One action applied to each selected registration of an event, each in its own
 * transaction (through {@link StaffActions}) so one that cannot change does not undo the
 * others.
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
class BulkActions {

	static final int MAX_SELECTED = 500;

	private final StaffActions actions;

	private final RegistrationDirectory directory;

	private final RegistrationTallies tallies;

	private final StaffRegistrations registrations;

	private final EventCatalog catalog;

	BulkActions(StaffActions actions, RegistrationDirectory directory, RegistrationTallies tallies,
			StaffRegistrations registrations, EventCatalog catalog) {
		this.catalog = catalog;
		this.actions = actions;
		this.registrations = registrations;
		this.directory = directory;
		this.tallies = tallies;
	}

	/**
	 * Applies the action to the selected registrations of this event in the order they
	 * registered, so that when seats run out during an approval, those who came first get
	 * them, whatever order the list was sorted in.
	 */
	public Applied apply(long eventId, Action action, List<Long> ids) {
		int done = 0;
		int waitlisted = 0;
		for (Selected selected : selectedOf(eventId, ids)) {
			long id = selected.registration().id();
			try {
				switch (action) {
					case APPROVE -> {
						if (this.actions.approve(id).status() == RegistrationStatus.WAITLISTED) {
							waitlisted++;
						}
					}
					case DECLINE -> this.actions.decline(id);
					case RESEND -> this.actions.resend(id);
				}
				done++;
			}
			catch (RuntimeException ex) {
				if (ex instanceof org.springframework.security.access.AccessDeniedException) {
					throw ex;
				}
				// Not possible in its current status: skipped; the page reports the
				// count.
			}
		}
		return new Applied(done, waitlisted);
	}

	/** How many changed, and of the approved how many went to the waitlist. */
	record Applied(int done, int waitlisted) {
	}

	/**
	 * Who is selected and what the action would do to each: the registrations of this
	 * event among {@code ids}, in the order they registered (the order an approval gives
	 * out the free seats in: the first pending ones get a seat, the rest the waitlist).
	 * An erased (or anonymized) registration has no address left and is never emailed:
	 * approve and decline still change it, and its row says it gets no email; a resend,
	 * which would do nothing else, leaves it out, so the result counts only those shown
	 * here.
	 */
	List<Preview> preview(long eventId, Action action, List<Long> ids) {
		boolean over = over(eventId, action);
		long free = (action == Action.APPROVE) ? freeSeats(eventId) : 0;
		List<Selected> chosen = selectedOf(eventId, ids);
		// What a resend sends is not the status's name for someone whose seat was
		// withdrawn: the withdrawn seat's email, as the resend itself decides.
		Map<Long, Type> resends = (action == Action.RESEND)
				? this.registrations.resendKinds(chosen.stream().map(Selected::registration).toList()) : Map.of();
		List<Preview> rows = new ArrayList<>();
		for (Selected selected : chosen) {
			if (selected.erased() && action == Action.RESEND) {
				continue;
			}
			Type resend = resends.get(selected.registration().id());
			String resent = (resend != null) ? resend.name() : null;
			Preview row = over ? Preview.unchanged(selected.registration(), selected.erased(), "over")
					: preview(action, selected.registration(), selected.erased(), free > 0, resent);
			if (action == Action.APPROVE && row.changes()) {
				free--;
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Whether the event has ended, so that the action changes nobody: after the end its
	 * registrations are the record of who came (a resend still goes).
	 */
	boolean over(long eventId, Action action) {
		return action != Action.RESEND && this.catalog.ended(eventId);
	}

	private long freeSeats(long eventId) {
		RegistrationTallies.Tally tally = this.tallies.of(eventId);
		return Math.max(0, tally.seats() - tally.count(RegistrationStatus.CONFIRMED));
	}

	/**
	 * How many selected registrations of this event the preview of a resend leaves out
	 * because their data was erased, so the page can say why nobody gets the email.
	 */
	int erasedLeftOut(long eventId, Action action, List<Long> ids) {
		return (action != Action.RESEND) ? 0 : (int) selectedOf(eventId, ids).stream().filter(Selected::erased).count();
	}

	/**
	 * The selected registrations of this event, in the order they registered: two
	 * queries.
	 */
	private List<Selected> selectedOf(long eventId, List<Long> ids) {
		List<Long> chosen = selected(ids);
		Map<Long, RegistrationView> found = this.directory.findAll(chosen);
		Set<Long> erased = this.directory.erasedAmong(chosen);
		return chosen.stream()
			.map(found::get)
			.filter((r) -> r != null && r.eventId() == eventId)
			.sorted(Comparator.comparing(RegistrationView::createdAt).thenComparingLong(RegistrationView::id))
			.map((r) -> new Selected(r, erased.contains(r.id())))
			.toList();
	}

	private record Selected(RegistrationView registration, boolean erased) {
	}

	private static Preview preview(Action action, RegistrationView r, boolean erased, boolean seatLeft, String resent) {
		RegistrationStatus status = r.status();
		String email = switch (action) {
			case APPROVE ->
				(status != RegistrationStatus.PENDING) ? null : seatLeft ? "CONFIRMED" : "APPROVED_WAITLISTED";
			// Someone who arrived is not declined (undo the check-in first).
			case DECLINE -> (status.active() && r.checkedInAt() == null) ? "DECLINED" : null;
			case RESEND -> resent;
		};
		return new Preview(r.id(), r.fullName(), r.email(), status.name(), email, erased, unchanged(action, r));
	}

	/**
	 * Why the action leaves this one alone (a key suffix of {@code ux.bulk.unchanged.*}):
	 * a decline of someone who arrived says so, as their page does, not that they were
	 * already declined.
	 */
	private static String unchanged(Action action, RegistrationView r) {
		boolean arrived = action == Action.DECLINE && r.status().active() && r.checkedInAt() != null;
		return arrived ? Preview.ARRIVED : action.name();
	}

	private static List<Long> selected(List<Long> ids) {
		return ids.stream().filter(Objects::nonNull).distinct().limit(MAX_SELECTED).toList();
	}

	/**
	 * One selected registration: its status and the email the change sends (a key suffix
	 * of {@code ux.bulk.email.*}), or null when the action cannot change it, and then why
	 * not ({@code unchangedReason}, a key suffix of {@code ux.bulk.unchanged.*}); an
	 * erased one changes all the same but gets no email.
	 */
	record Preview(long id, String fullName, String email, String status, String emailKind, boolean erased,
			String unchangedReason) {

		/** The reason of a decline refused because they checked in. */
		static final String ARRIVED = "DECLINE.arrived";

		static Preview unchanged(RegistrationView r, boolean erased, String reason) {
			return new Preview(r.id(), r.fullName(), r.email(), r.status().name(), null, erased, reason);
		}

		public boolean changes() {
			return this.emailKind != null;
		}

		/** An approval that finds no seat left: the registration goes on the waitlist. */
		public boolean toWaitlist() {
			return "APPROVED_WAITLISTED".equals(this.emailKind);
		}

		/** Left alone because they checked in (a decline). */
		public boolean arrived() {
			return !changes() && ARRIVED.equals(this.unchangedReason);
		}

		/** Changes and gets the email: it still has an address. */
		public boolean emailed() {
			return changes() && !this.erased;
		}

	}

	/** What can be applied to several selected rows at once. */
	enum Action {

		APPROVE, DECLINE, RESEND

	}

}
