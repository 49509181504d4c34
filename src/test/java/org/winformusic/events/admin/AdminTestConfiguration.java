package org.winformusic.events.admin;

import org.winformusic.events.MovableClock;
import org.winformusic.events.StatementCounter;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * What the admin tests need besides the application: a clock they can move (login
 * throttling) and a count of the SQL statements the current thread prepares (no N+1,
 * {@link StatementCounter}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ MovableClock.AsApplicationClock.class, StatementCounter.Installed.class })
class AdminTestConfiguration {

	@Bean
	SentMessages sentMessages() {
		return new SentMessages();
	}

	/**
	 * The registrant messages published (inside the transaction of each change), as the
	 * mail feature receives them.
	 */
	static class SentMessages {

		private final java.util.List<RegistrationMessage> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener
		void on(RegistrationMessage message) {
			this.messages.add(message);
		}

		java.util.List<RegistrationMessage.Type> typesFor(long registrationId) {
			return this.messages.stream()
				.filter((m) -> m.registrationId() == registrationId)
				.map(RegistrationMessage::type)
				.toList();
		}

	}

}
