package org.winformusic.events.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the registration feature (environment {@code APP_*}).
 *
 * @param registrationMinFillSeconds a form posted sooner after it was shown is not
 * registered but shown again as typed, to be sent again; 0 switches the check off
 * @param rateLimitPerIp registration and lookup POSTs allowed per client IP per 10
 * minutes; 0 switches the limit off
 * @param manageLinksKept the newest manage-link tokens each registration keeps (older
 * links then show "link not valid, ask for a new one"); at least 1
 */
@ConfigurationProperties("app")
public record RegistrationProperties(@DefaultValue("3") int registrationMinFillSeconds,
		@DefaultValue("20") int rateLimitPerIp, @DefaultValue("5") int manageLinksKept) {

}
