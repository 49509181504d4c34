package org.winformusic.events.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail feature's settings, and the outbox backlog as metrics and health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	@Bean
	MeterBinder outboxMetrics(OutboxRepository outbox) {
		return (registry) -> {
			Gauge.builder("winevents.outbox.pending", outbox, (o) -> o.stats().pending())
				.description("Outbox messages waiting to be sent")
				.register(registry);
			Gauge.builder("winevents.outbox.oldest.due.age.seconds", outbox, (o) -> o.stats().oldestDueAgeSeconds())
				.description("How long the oldest due outbox message has been waiting")
				.baseUnit("seconds")
				.register(registry);
			Gauge.builder("winevents.outbox.failed", outbox, (o) -> o.stats().failed())
				.description("Outbox messages that failed for good")
				.register(registry);
		};
	}

	/**
	 * Always UP (a mail backlog must not take the site out of a load balancer); the
	 * details, shown to staff only, say how far behind the sender is.
	 */
	@Bean
	HealthIndicator outboxHealthIndicator(OutboxRepository outbox) {
		return () -> {
			OutboxStats stats = outbox.stats();
			return Health.up()
				.withDetail("pending", stats.pending())
				.withDetail("sending", stats.sending())
				.withDetail("failed", stats.failed())
				.withDetail("oldestDueAgeSeconds", stats.oldestDueAgeSeconds())
				.build();
		};
	}

}
