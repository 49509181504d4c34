package org.winformusic.events.shared;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Stops a production start-up that lacks a setting it cannot work without, or holds one
 * in a form it cannot use, naming the environment variable to set. A malformed value
 * would otherwise end in a stack trace (a database URL that is not JDBC, a sender that is
 * not an address) or, worse, start and send every email with broken links (a base URL
 * without {@code https://}). The local mode (profile {@code local}) brings its own
 * database and mail server, so it is exempt; tests never run {@code main}. A base URL
 * left at its default or pointing at this machine is allowed (a trial on one machine)
 * with a warning in the log.
 */
public class RequiredSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Log logger = LogFactory.getLog(RequiredSettingsCheck.class);

	private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

	private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

	static {
		REQUIRED.put("spring.datasource.url", "SPRING_DATASOURCE_URL");
		REQUIRED.put("spring.mail.host", "SPRING_MAIL_HOST");
		REQUIRED.put("app.mail-from", "APP_MAIL_FROM");
	}

	private static final Map<String, Format> FORMATS = new LinkedHashMap<>();

	static {
		// The database URL may carry a password, so the message does not repeat it.
		FORMATS.put("spring.datasource.url",
				new Format("SPRING_DATASOURCE_URL", (value) -> value.strip().startsWith("jdbc:postgresql:"), false,
						"a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/winevents"));
		FORMATS.put("app.mail-from", new Format("APP_MAIL_FROM", (value) -> new MailFrom(value).address() != null, true,
				"an email address such as events@example.org or WIN Events <events@example.org>"));
		FORMATS.put("app.base-url", new Format("APP_BASE_URL", RequiredSettingsCheck::isWebAddress, true,
				"the site's public address with its scheme, such as https://events.example.org"));
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
		FORMATS.forEach((property, format) -> {
			String value = environment.getProperty(property);
			if (value != null && !format.accepts().test(value)) {
				throw new InvalidSettingException(format.variable(), property, format.showValue() ? value : null,
						format.expected());
			}
		});
		String baseUrl = environment.getProperty("app.base-url");
		if (baseUrl == null || isThisMachine(baseUrl)) {
			// Allowed (a trial run on one machine), but every email would link there.
			logger.warn("APP_BASE_URL is " + ((baseUrl != null) ? "'" + baseUrl.strip() + "'" : "not set")
					+ ": the links in every email lead to "
					+ ((baseUrl != null) ? "this machine" : "http://localhost:8080")
					+ ", which registrants cannot open. Set it to the site's public address, such as"
					+ " https://events.example.org.");
		}
	}

	/**
	 * The first admin's setting a start lacks while no staff user exists: without it
	 * nobody could log in. Needed by that start only.
	 * @param noEmail whether {@code APP_ADMIN_EMAIL} is the one missing, rather than
	 * {@code APP_ADMIN_PASSWORD}
	 * @return the exception to throw
	 */
	public static MissingSettingException firstAdminMissing(boolean noEmail) {
		return new MissingSettingException(noEmail ? "APP_ADMIN_EMAIL" : "APP_ADMIN_PASSWORD",
				noEmail ? "app.admin-email" : "app.admin-password",
				"no staff user exists yet, so nobody could log in; the first admin is created from"
						+ " APP_ADMIN_EMAIL and APP_ADMIN_PASSWORD, which may be removed once that admin exists");
	}

	private static boolean isThisMachine(String value) {
		String host = host(URI.create(value.strip())).toLowerCase(Locale.ROOT);
		return host.equals("localhost") || host.endsWith(".localhost") || LOOPBACK_IPV4.matcher(host).matches()
				|| host.equals("[::1]") || host.equals("0.0.0.0");
	}

	private static boolean isWebAddress(String value) {
		try {
			URI uri = new URI(value.strip());
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& StringUtils.hasText(host(uri)) && uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The address's host, in ASCII. {@link URI#getHost} is null for a host it does not
	 * parse as a DNS name, such as an internationalized one ({@code eventos.diseño.mx})
	 * or one with an underscore: those are read from the authority and converted (IDNA);
	 * null when there is none or it has no ASCII form.
	 */
	private static String host(URI uri) {
		if (uri.getHost() != null) {
			return uri.getHost();
		}
		String authority = uri.getRawAuthority();
		if (authority == null) {
			return null;
		}
		String host = authority.substring(authority.lastIndexOf('@') + 1);
		int port = host.lastIndexOf(':');
		host = (port >= 0) ? host.substring(0, port) : host;
		try {
			return IDN.toASCII(host);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Format(String variable, Predicate<String> accepts, boolean showValue, String expected) {

	}

	/**
	 * A setting start-up cannot work with; its message is the one line an operator needs.
	 */
	public abstract static class SettingException extends IllegalStateException {

		private final String variable;

		SettingException(String variable, String message) {
			super(message);
			this.variable = variable;
		}

		String variable() {
			return this.variable;
		}

	}

	/** A required setting is missing. */
	public static class MissingSettingException extends SettingException {

		MissingSettingException(String variable, String property) {
			super(variable, "Missing required setting " + variable + " (property " + property + ").");
		}

		MissingSettingException(String variable, String property, String reason) {
			super(variable, "Missing required setting " + variable + " (property " + property + "): " + reason + ".");
		}

	}

	/** A setting is there but in a form the application cannot use. */
	public static class InvalidSettingException extends SettingException {

		InvalidSettingException(String variable, String property, String value, String expected) {
			super(variable, "Setting " + variable + " (property " + property + ")"
					+ ((value != null) ? " is '" + value.strip() + "'; it" : "") + " must be " + expected + ".");
		}

	}

}
