package org.winformusic.events.registration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Records every {@link RegistrationMessage} published, as the mail feature would see it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedMessages {

	private final List<RegistrationMessage> messages = new CopyOnWriteArrayList<>();

	@EventListener
	void on(RegistrationMessage message) {
		this.messages.add(message);
	}

	/** The messages about one registration, oldest first. */
	public List<RegistrationMessage> about(long registrationId) {
		return this.messages.stream().filter((m) -> m.registrationId() == registrationId).toList();
	}

}
