package org.winformusic.events.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Stops a production start-up that lacks a setting it cannot work without, naming the
 * environment variable to set. The local mode (profile {@code local}) brings its own
 * database and mail server, so it is exempt; tests never run {@code main}.
 */
public class RequiredSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

	static {
		REQUIRED.put("spring.datasource.url", "SPRING_DATASOURCE_URL");
		REQUIRED.put("spring.mail.host", "SPRING_MAIL_HOST");
		REQUIRED.put("app.mail-from", "APP_MAIL_FROM");
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
			return;
		}
		REQUIRED.forEach((property, variable) -> {
			if (!StringUtils.hasText(environment.getProperty(property))) {
				throw new MissingSettingException(variable, property);
			}
		});
	}

	/** A required setting is missing; its message is the one line an operator needs. */
	public static class MissingSettingException extends IllegalStateException {

		private final String variable;

		MissingSettingException(String variable, String property) {
			super("Missing required setting " + variable + " (property " + property + ").");
			this.variable = variable;
		}

		String variable() {
			return this.variable;
		}

	}

}
