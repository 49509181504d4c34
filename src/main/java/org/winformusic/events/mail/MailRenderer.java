package org.winformusic.events.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.EventMoved;
import org.winformusic.events.registration.EmailChanges;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.stereotype.Component;

/**
 * Composes claimed outbox messages just before they are sent, from the registration as it
 * is now: one query for the batch's registrations, events from the catalog's cache, one
 * insert for the batch's manage-link tokens. A message that no longer applies (a
 * confirmation for someone who cancelled meanwhile) is not composed but skipped; see
 * {@link #stillApplies}.
 */
@Component
class MailRenderer {

	private final RegistrationDirectory registrations;

	private final EventCatalog events;

	private final ManageTokens tokens;

	private final EmailChanges emailChanges;

	private final MailComposer composer;

	private final OutboxRepository outbox;

	private final MovedEventMessages movedEvents;

	MailRenderer(RegistrationDirectory registrations, EventCatalog events, ManageTokens tokens,
			EmailChanges emailChanges, MailComposer composer, OutboxRepository outbox, MovedEventMessages movedEvents) {
		this.movedEvents = movedEvents;
		this.registrations = registrations;
		this.events = events;
		this.tokens = tokens;
		this.emailChanges = emailChanges;
		this.composer = composer;
		this.outbox = outbox;
	}

	/**
	 * Whether a message of {@code kind} still fits a registration now in {@code status}.
	 * Admission emails (confirmed, promoted, the event reminder) only while the seat is
	 * held; every other status email only while that status holds (a withdrawn seat's
	 * while waitlisted: promoted back meanwhile, they get the promotion instead); the
	 * link reminder always (it shows the current state); a moved event's, and a new
	 * address's, while the registration holds a seat or waits (cancelled meanwhile, the
	 * news no longer concerns them).
	 */
	static boolean stillApplies(Type kind, RegistrationStatus status) {
		return switch (kind) {
			case CONFIRMED, PROMOTED, EVENT_REMINDER -> status == RegistrationStatus.CONFIRMED;
			case WAITLISTED, APPROVED_WAITLISTED, SEAT_WITHDRAWN -> status == RegistrationStatus.WAITLISTED;
			case RECEIVED_PENDING -> status == RegistrationStatus.PENDING;
			case DECLINED -> status == RegistrationStatus.DECLINED;
			case CANCELLED -> status == RegistrationStatus.CANCELLED;
			case LINK_REMINDER, EMAIL_CHANGED_OLD -> true;
			case EVENT_CHANGED, EMAIL_CHANGED, EMAIL_CONFIRM -> status.active();
		};
	}

	/**
	 * Why a message about a changed address no longer applies, or null when it does: the
	 * new address's while the registration still holds it; the old address's while the
	 * registration does not hold it again, and only if an email of the registration went
	 * there before (an address nothing was sent to, a typo fixed at once, has nothing to
	 * correct).
	 */
	private String addressNoLongerApplies(OutboxRepository.Claimed claimed, Type kind, RegistrationView registration) {
		if (kind != Type.EMAIL_CHANGED && kind != Type.EMAIL_CHANGED_OLD) {
			return null;
		}
		String address = claimed.address();
		if (kind == Type.EMAIL_CHANGED) {
			return (address == null || address.equalsIgnoreCase(registration.email())) ? null
					: OutboxRepository.ADDRESS_CHANGED;
		}
		if (address == null) {
			return OutboxRepository.GONE;
		}
		if (address.equalsIgnoreCase(registration.email())) {
			return OutboxRepository.ADDRESS_CHANGED;
		}
		return this.outbox.wasSentTo(registration.id(), address) ? null : OutboxRepository.ADDRESS_UNUSED;
	}

	/**
	 * Each claimed message composed, skipped, or failed (in the batch's order). Its link
	 * is minted now, for the email about to leave: a confirmation link only while its
	 * change of address waits; a manage link only while the registration still has the
	 * address the email goes to. When that address changed meanwhile (every earlier link
	 * was revoked), the message goes back to the queue, released for {@code instance}
	 * which claimed it, to be composed again for the new address; it is not in the list.
	 */
	List<Prepared> prepare(List<OutboxRepository.Claimed> batch, String instance) {
		Map<Long, RegistrationView> found = this.registrations
			.findAll(batch.stream().map(OutboxRepository.Claimed::registrationId).filter((id) -> id != null).toList());
		List<Prepared> prepared = new ArrayList<>(batch.size());
		Map<Integer, String> tokens = new HashMap<>();
		List<Integer> linkHolders = new ArrayList<>();
		for (OutboxRepository.Claimed claimed : batch) {
			RegistrationView registration = (claimed.registrationId() != null) ? found.get(claimed.registrationId())
					: null;
			Type kind = kind(claimed.kind());
			String skipReason = (registration == null || kind == null) ? OutboxRepository.GONE
					: !stillApplies(kind, registration.status()) ? registration.status().name()
							: addressNoLongerApplies(claimed, kind, registration);
			if (skipReason == null && kind == Type.EMAIL_CONFIRM) {
				String token = this.emailChanges.issueConfirmToken(registration.id(), claimed.address()).orElse(null);
				skipReason = (token != null) ? null : OutboxRepository.CHANGE_WITHDRAWN;
				tokens.put(prepared.size(), token);
			}
			else if (skipReason == null && MailComposer.carriesManageLink(kind)) {
				linkHolders.add(prepared.size());
			}
			prepared.add((skipReason != null) ? Prepared.skipped(claimed, skipReason) : null);
		}
		List<String> minted = this.tokens.issueAll(
				linkHolders.stream().map((index) -> found.get(batch.get(index).registrationId()).id()).toList(),
				linkHolders.stream().map((index) -> found.get(batch.get(index).registrationId()).email()).toList());
		for (int i = 0; i < linkHolders.size(); i++) {
			tokens.put(linkHolders.get(i), minted.get(i));
		}
		Map<String, Optional<EventInfo>> readNow = new HashMap<>();
		List<Long> again = new ArrayList<>();
		for (int index = 0; index < batch.size(); index++) {
			if (prepared.get(index) != null) {
				continue;
			}
			OutboxRepository.Claimed claimed = batch.get(index);
			String token = tokens.get(index);
			boolean needsToken = tokens.containsKey(index);
			if (needsToken && token == null) {
				again.add(claimed.id());
			}
			else {
				prepared.set(index, compose(claimed, found.get(claimed.registrationId()), token, readNow));
			}
		}
		if (!again.isEmpty()) {
			this.outbox.release(instance, again);
		}
		return prepared.stream().filter((ready) -> ready != null).toList();
	}

	/**
	 * @param readNow the events read as they are now in this batch, by id and language: a
	 * moved event's email is composed from the event as it is now, never from facts
	 * another instance may still keep from before the move (read once per batch, not per
	 * email)
	 */
	private Prepared compose(OutboxRepository.Claimed claimed, RegistrationView registration, String token,
			Map<String, Optional<EventInfo>> readNow) {
		try {
			EventInfo event = ((kind(claimed.kind()) == Type.EVENT_CHANGED)
					? readNow.computeIfAbsent(registration.eventId() + ":" + registration.locale().getLanguage(),
							(key) -> this.events.findById(registration.eventId(), registration.locale(), true))
					: event(registration))
				.orElse(null);
			if (event == null) {
				return Prepared.skipped(claimed, OutboxRepository.GONE);
			}
			// Moved and moved back before anyone was told: there is no news.
			if (claimed.movedFrom() != null && claimed.movedFrom().sameAs(event)) {
				return Prepared.skipped(claimed, OutboxRepository.EVENT_UNCHANGED);
			}
			MailComposer.Composed mail = this.composer.compose(kind(claimed.kind()), registration, event, token,
					claimed.movedFrom());
			return new Prepared(claimed, recipient(claimed, registration), mail, null, null);
		}
		catch (RuntimeException ex) {
			return new Prepared(claimed, recipient(claimed, registration), null, null, SendFailure.composing(ex));
		}
	}

	/**
	 * The registration's address as it is now; for the old address's notice of a change,
	 * and for the new address's confirmation, the address stored with it.
	 */
	private static String recipient(OutboxRepository.Claimed claimed, RegistrationView registration) {
		Type kind = kind(claimed.kind());
		return (kind == Type.EMAIL_CHANGED_OLD || kind == Type.EMAIL_CONFIRM) ? claimed.address()
				: registration.email();
	}

	/**
	 * The message as staff may read it: composed from the registration as it is now, with
	 * a placeholder for the personal link; empty when the registration is gone.
	 */
	Optional<MailComposer.Composed> preview(OutboxMessage message) {
		Type kind = kind(message.kind());
		if (message.registrationId() == null || kind == null) {
			return Optional.empty();
		}
		EventMoved.Before movedFrom = (kind == Type.EVENT_CHANGED) ? this.movedEvents.movedFrom(message.id()) : null;
		return this.registrations.find(message.registrationId())
			.flatMap((registration) -> event(registration)
				.map((event) -> this.composer.preview(kind, registration, event, movedFrom)));
	}

	private Optional<EventInfo> event(RegistrationView registration) {
		return this.events.findById(registration.eventId(), registration.locale());
	}

	private static Type kind(String kind) {
		try {
			return Type.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A claimed message made ready: composed ({@code mail}), or to be skipped
	 * ({@code skipReason}), or not composed ({@code failure}: for good, or for now).
	 */
	record Prepared(OutboxRepository.Claimed claimed, String recipient, MailComposer.Composed mail, String skipReason,
			SendFailure failure) {

		static Prepared skipped(OutboxRepository.Claimed claimed, String reason) {
			return new Prepared(claimed, null, null, reason, null);
		}

	}

}
