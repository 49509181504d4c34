package org.winformusic.events.mail;

import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns each {@link RegistrationMessage} into an outbox row, inside the transaction that
 * published it: the row commits with the change, or neither does. The row says what must
 * be sent, nothing more: {@link OutboxSender} composes the email when it sends it, so the
 * registering transaction does one cheap insert and no secret is stored.
 */
@Component
class RegistrationMails {

	private final OutboxRepository outbox;

	private final MovedEventMessages movedEvents;

	RegistrationMails(OutboxRepository outbox, MovedEventMessages movedEvents) {
		this.outbox = outbox;
		this.movedEvents = movedEvents;
	}

	@EventListener
	void on(RegistrationMessage message) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// Without the publisher's transaction the row could outlive a rolled-back
			// change.
			throw new IllegalStateException("RegistrationMessage must be published inside a transaction");
		}
		if (message.type() == RegistrationMessage.Type.EVENT_CHANGED) {
			// Once per registration until it is sent: it tells every change up to then.
			this.movedEvents.enqueue(message);
		}
		else {
			this.outbox.enqueue(message, false);
		}
	}

	/**
	 * The event reminder, queued at most once per registration; false when it was queued
	 * before.
	 */
	boolean enqueueReminderOnce(RegistrationMessage reminder) {
		return this.outbox.enqueue(reminder, true);
	}

}
