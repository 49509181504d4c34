package org.winformusic.events.mail;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages send the due messages now, as the scheduled sender would,
 * without making {@link OutboxSender} public API.
 */
public final class OutboxTestAccess {

	private final OutboxSender sender;

	public OutboxTestAccess(ApplicationContext context) {
		this.sender = context.getBean(OutboxSender.class);
	}

	public int sendDueMessages() {
		return this.sender.sendDueMessages();
	}

}
