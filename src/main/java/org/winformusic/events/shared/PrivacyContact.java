package org.winformusic.events.shared;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who is responsible for the registrants' personal data and how to reach them
 * ({@code APP_PRIVACY_CONTROLLER}, {@code APP_PRIVACY_ADDRESS},
 * {@code APP_PRIVACY_CONTACT}): shown on the privacy notice, in the public footer and in
 * emails. Templates read it as {@code @privacyContact}. Unset, the controller is WIN and
 * the address and contact are left out rather than invented.
 */
@Component("privacyContact")
public class PrivacyContact {

	static final String DEFAULT_CONTROLLER = "WIN — Worldwide Independent Network";

	private final String controller;

	private final String address;

	private final String contact;

	public PrivacyContact(Environment environment) {
		Binder binder = Binder.get(environment);
		String controller = setting(binder, "app.privacy.controller");
		this.controller = (controller != null) ? controller : DEFAULT_CONTROLLER;
		this.address = setting(binder, "app.privacy.address");
		this.contact = setting(binder, "app.privacy.contact");
	}

	private static String setting(Binder binder, String name) {
		String value = binder.bind(name, String.class).orElse(null);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The responsible party's name. */
	public String controller() {
		return this.controller;
	}

	/** The responsible party's postal address, or null when not set. */
	public String address() {
		return this.address;
	}

	/** The email address privacy requests go to, or null when not set. */
	public String contact() {
		return this.contact;
	}

}
