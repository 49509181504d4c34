package org.winformusic.events.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.StaffRegistrations;
import org.winformusic.events.shared.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox as staff see it: the list, one message, the backlog, and resending. */
@Service
public class Outbox {

	public static final int PAGE_SIZE = 50;

	private final OutboxRepository repository;

	private final OutboxViews views;

	private final MailSettings settings;

	private final ApplicationEventPublisher publisher;

	private final MailRenderer renderer;

	private final StaffRegistrations registrations;

	private final RegistrationDirectory directory;

	private final EventCatalog catalog;

	Outbox(OutboxRepository repository, OutboxViews views, MailSettings settings, ApplicationEventPublisher publisher,
			MailRenderer renderer, StaffRegistrations registrations, RegistrationDirectory directory,
			EventCatalog catalog) {
		this.registrations = registrations;
		this.directory = directory;
		this.catalog = catalog;
		this.views = views;
		this.renderer = renderer;
		this.publisher = publisher;
		this.repository = repository;
		this.settings = settings;
	}

	/** The From address every email carries. */
	public String from() {
		return this.settings.mailFrom();
	}

	/**
	 * Newest first, optionally only one status; {@code page} is 0-based. The pages of one
	 * reading hold the messages up to the newest of its first page ({@code upTo}, null
	 * for a first reading), so messages queued meanwhile do not push rows onto the next
	 * page to be read twice.
	 */
	@Transactional(readOnly = true)
	public OutboxPage list(OutboxStatus status, int page, Long upTo) {
		int safePage = Math.max(0, page);
		OutboxViews.Counted counted = this.views.count(status, upTo);
		long newest = (upTo != null) ? upTo : counted.newestId();
		List<OutboxSummary> items = this.views.page(status, newest, safePage * PAGE_SIZE, PAGE_SIZE);
		return new OutboxPage(items, status, safePage, (int) ((counted.total() + PAGE_SIZE - 1) / PAGE_SIZE),
				counted.total(), newest);
	}

	@Transactional(readOnly = true)
	public Optional<OutboxMessage> find(long id) {
		return this.views.find(id);
	}

	/**
	 * A message as staff may read it, composed now from the registration as it is
	 * (nothing is stored but what must be sent): the personal link is a placeholder and
	 * carries no token. Empty when the registration no longer exists.
	 */
	@Transactional(readOnly = true)
	public Optional<Preview> preview(OutboxMessage message) {
		return this.renderer.preview(message).map((mail) -> new Preview(mail.text(), mail.html(), mail.ics()));
	}

	@Transactional(readOnly = true)
	public OutboxStats stats() {
		return this.views.stats();
	}

	/**
	 * Sends a message again. A message that never arrived (pending or failed) is queued
	 * again as it is, with its Message-ID and a fresh count of attempts; a sent one is
	 * copied under a new Message-ID, so the recipient's mailbox does not drop it as a
	 * duplicate. A skipped one stays as it is: it no longer fitted the registration when
	 * its turn came, and a copy would be skipped for the same reason (the registration's
	 * own "resend" sends the email of where it stands now). A message about a
	 * registration of an event that has ended is not sent again at all: it would say
	 * untrue things (a place in the waitlist, a seat, a calendar file for a past date);
	 * the registrant gets the link to their record instead, as the registration's own
	 * resend sends it then ({@link #sendsLinkInstead}).
	 */
	@Transactional
	public Resend resend(long id) {
		OutboxMessage message = this.views.find(id).orElse(null);
		if (message == null) {
			return Resend.NOT_FOUND;
		}
		if (message.status() == OutboxStatus.SKIPPED) {
			return Resend.NO_LONGER_APPLIES;
		}
		if (sendsLinkInstead(message)) {
			try {
				var type = this.registrations.resend(message.registrationId());
				this.publisher.publishEvent(Audited.byCurrentUser("EMAIL_RESENT", message.eventId(),
						message.registrationId(), "type=" + type));
				return Resend.LINK_SENT;
			}
			catch (RegistrationStateException ex) {
				// Erased: no address left. (Erasure deletes its messages, so only a race
				// with one gets here. Thrown before anything was queued, and not through
				// a transactional proxy: this transaction stays usable.)
				if (ex.reason() != RegistrationStateException.Reason.ERASED) {
					throw ex;
				}
				return Resend.ERASED;
			}
		}
		Resend outcome = switch (message.status()) {
			case PENDING, FAILED -> this.repository.requeue(id) ? Resend.REQUEUED : Resend.BUSY;
			case SENT -> this.repository.copyOfSent(id).isPresent() ? Resend.COPIED : Resend.BUSY;
			case SKIPPED -> Resend.NO_LONGER_APPLIES;
			case SENDING -> Resend.BUSY;
		};
		if (outcome == Resend.REQUEUED || outcome == Resend.COPIED) {
			this.publisher.publishEvent(Audited.byCurrentUser("EMAIL_RESENT", message.eventId(),
					message.registrationId(), "outbox=" + id + " " + message.kind() + " " + outcome));
		}
		return outcome;
	}

	/**
	 * Whether {@link #resend} sends the registrant the link to their record instead of
	 * this message: it is about a registration that still exists, of an event that has
	 * ended.
	 */
	@Transactional(readOnly = true)
	public boolean sendsLinkInstead(OutboxMessage message) {
		return message.registrationId() != null && message.eventId() != null && this.catalog.ended(message.eventId())
				&& this.directory.find(message.registrationId()).isPresent();
	}

	/**
	 * One page of the outbox list.
	 *
	 * @param status the filter, null for all
	 * @param page 0-based
	 * @param upTo the newest message id of the reading, for the links to its other pages
	 */
	public record OutboxPage(List<OutboxSummary> items, OutboxStatus status, int page, int totalPages, long total,
			long upTo) {

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return this.page + 1 < this.totalPages;
		}

		/** The events the page's emails are about. */
		public Set<Long> eventIds() {
			return this.items.stream().map(OutboxSummary::eventId).filter(Objects::nonNull).collect(Collectors.toSet());
		}

	}

	/**
	 * A message composed for staff to read.
	 *
	 * @param calendar the {@code event.ics} it carries, or null
	 */
	public record Preview(String text, String html, String calendar) {
	}

	/** The outcome of a resend. */
	public enum Resend {

		/** Queued again as it was. */
		REQUEUED,
		/** A copy was queued. */
		COPIED,
		/** Being sent right now: try again in a moment. */
		BUSY,
		/** Skipped because it no longer fitted the registration: nothing queued. */
		NO_LONGER_APPLIES,
		/** No such message. */
		NOT_FOUND,
		/**
		 * Its event has ended: the link to the record was queued for the registrant
		 * instead.
		 */
		LINK_SENT,
		/** Its event has ended and the registration's data was erased: nothing queued. */
		ERASED

	}

}
