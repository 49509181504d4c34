package org.winformusic.events.shared;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The address people write to with questions ({@code APP_PRIVACY_CONTACT}, the contact
 * the privacy notice names), as the model attribute {@code organizerContact} of every
 * page: Thymeleaf refuses bean references inside link attributes ({@code th:href}), so
 * the event page and the footer's mailto links read it from the model. Null when unset.
 */
@ControllerAdvice
class OrganizerContact {

	private final PrivacyContact privacy;

	OrganizerContact(PrivacyContact privacy) {
		this.privacy = privacy;
	}

	@ModelAttribute("organizerContact")
	String organizerContact() {
		return this.privacy.contact();
	}

}
