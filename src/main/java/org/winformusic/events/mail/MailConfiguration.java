package org.winformusic.events.mail;

import java.util.Properties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.winformusic.events.shared.BeanCustomizer;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.ClassUtils;

/** The mail feature's settings, and the outbox backlog as metrics and health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	/**
	 * Jakarta Mail 2.1 looks up its {@code StreamProvider} for every MimeBodyPart and
	 * MimeMultipart it creates, with a {@code ServiceLoader} scan through the class
	 * loader (jakartaee/mail-api#699, #861): in the Boot jar that was 80 % of the outbox
	 * drain's time. Its FactoryFinder checks a system property named after the service
	 * first; naming the provider there turns each lookup into a loaded-class lookup. An
	 * operator's own setting wins.
	 */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	static {
		nameStreamProvider();
	}

	static void nameStreamProvider() {
		if (System.getProperty(STREAM_PROVIDER) == null
				&& ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
			System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
	}

	/** SMTP sockets without Nagle's delay ({@link NoDelaySockets}). */
	@Bean
	static BeanPostProcessor smtpSocketsWithoutDelay() {
		return BeanCustomizer.of(JavaMailSenderImpl.class, (sender) -> {
			Properties properties = sender.getJavaMailProperties();
			if (!properties.containsKey(NoDelaySockets.PROPERTY)
					&& !properties.containsKey(NoDelaySockets.PROPERTY + ".class")) {
				properties.put(NoDelaySockets.PROPERTY, new NoDelaySockets());
			}
		});
	}

	@Bean
	MeterBinder outboxMetrics(OutboxViews outbox) {
		return (registry) -> {
			Gauge.builder("winevents.outbox.pending", outbox, (o) -> o.stats().pending())
				.description("Outbox messages waiting to be sent")
				.register(registry);
			Gauge.builder("winevents.outbox.oldest.due.age.seconds", outbox, (o) -> o.stats().oldestDueAgeSeconds())
				.description("How long the oldest due outbox message has been due without being sent")
				.baseUnit("seconds")
				.register(registry);
			Gauge
				.builder("winevents.outbox.oldest.waiting.age.seconds", outbox,
						(o) -> o.stats().oldestWaitingAgeSeconds())
				.description("How long ago the oldest outbox message not sent yet was queued")
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
	HealthIndicator outboxHealthIndicator(OutboxViews outbox) {
		return () -> {
			OutboxStats stats = outbox.stats();
			return Health.up()
				.withDetail("pending", stats.pending())
				.withDetail("sending", stats.sending())
				.withDetail("failed", stats.failed())
				.withDetail("oldestDueAgeSeconds", stats.oldestDueAgeSeconds())
				.withDetail("oldestWaitingAgeSeconds", stats.oldestWaitingAgeSeconds())
				.build();
		};
	}

}
