package org.winformusic.events.mail;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.RegistrationView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns each {@link RegistrationMessage} into an outbox row, inside the transaction that
 * published it: the row commits with the change, or neither does.
 */
@Component
class RegistrationMails {

	private final RegistrationDirectory registrations;

	private final EventCatalog events;

	private final MailComposer composer;

	private final OutboxRepository outbox;

	RegistrationMails(RegistrationDirectory registrations, EventCatalog events, MailComposer composer,
			OutboxRepository outbox) {
		this.registrations = registrations;
		this.events = events;
		this.composer = composer;
		this.outbox = outbox;
	}

	@EventListener
	void on(RegistrationMessage message) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// Without the publisher's transaction the row could outlive a rolled-back
			// change.
			throw new IllegalStateException("RegistrationMessage must be published inside a transaction");
		}
		this.outbox.enqueue(render(message.registrationId(), message.type(), message.manageToken()));
	}

	/**
	 * The event reminder, queued at most once per registration; false when it was queued
	 * before.
	 */
	boolean enqueueReminderOnce(long registrationId, String manageToken) {
		return this.outbox.enqueueOnce(render(registrationId, RegistrationMessage.Type.EVENT_REMINDER, manageToken));
	}

	private OutboxRepository.NewMessage render(long registrationId, RegistrationMessage.Type type, String token) {
		RegistrationView registration = this.registrations.find(registrationId)
			.orElseThrow(() -> new IllegalStateException("No registration " + registrationId));
		EventInfo event = this.events.findById(registration.eventId(), registration.locale())
			.orElseThrow(() -> new IllegalStateException("No event " + registration.eventId()));
		MailComposer.Composed mail = this.composer.compose(type, registration, event, token);
		return new OutboxRepository.NewMessage(registration.id(), event.id(), type.name(), registration.email(),
				registration.locale().toLanguageTag(), mail.subject(), mail.text(), mail.html(), mail.ics(),
				mail.checkinQrPng());
	}

}
