package org.winformusic.events.privacy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * How long personal data is kept (ISO-8601 like {@code P30D} or Spring's {@code 30d}).
 *
 * @param blockingPeriod how long erased data stays blocked before it is suppressed
 * ({@code APP_PRIVACY_BLOCKING_PERIOD})
 * @param retentionAfterEvent how long after an event ends its registrations are kept,
 * unless the event sets its own ({@code APP_PRIVACY_RETENTION_AFTER_EVENT})
 * @param retentionJobEnabled false to switch the scheduled retention job off (tests run
 * it themselves)
 */
@ConfigurationProperties("app.privacy")
record PrivacyProperties(@DefaultValue("30d") @DurationUnit(ChronoUnit.DAYS) Duration blockingPeriod,
		@DefaultValue("180d") @DurationUnit(ChronoUnit.DAYS) Duration retentionAfterEvent,
		@DefaultValue("true") boolean retentionJobEnabled) {

}
