package org.winformusic.events.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the admin area.
 *
 * @param adminEmail the first ADMIN's email, used only while no staff user exists
 * (environment {@code APP_ADMIN_EMAIL})
 * @param adminPassword the first ADMIN's password ({@code APP_ADMIN_PASSWORD}); there is
 * no default
 * @param loginMaxFailures failed logins for one account or one address within
 * {@code loginWindow} before further attempts are refused
 * @param loginWindow how far back failures count
 * @param loginCooldown how long attempts are refused after the limit is reached; doubles
 * with each further failure up to {@code loginMaxCooldown}
 * @param firstAdminRequired whether a start without any staff user and without
 * {@code adminEmail}/{@code adminPassword} stops ({@code main} sets it; test contexts do
 * not)
 */
@ConfigurationProperties("app")
record AdminProperties(String adminEmail, String adminPassword, @DefaultValue("5") int loginMaxFailures,
		@DefaultValue("15m") Duration loginWindow, @DefaultValue("5m") Duration loginCooldown,
		@DefaultValue("15m") Duration loginMaxCooldown, boolean firstAdminRequired) {

}
