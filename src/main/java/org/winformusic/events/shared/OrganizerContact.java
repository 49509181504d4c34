package org.winformusic.events.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The address people write to with questions, shown on the event page and in the footer
 * ({@code APP_PRIVACY_CONTACT}, the same contact the privacy notice names). Empty means
 * none is shown.
 */
@ControllerAdvice
class OrganizerContact {

	private final String contact;

	OrganizerContact(@Value("${app.privacy.contact:}") String contact) {
		this.contact = contact.isBlank() ? null : contact.strip();
	}

	@ModelAttribute("organizerContact")
	String organizerContact() {
		return this.contact;
	}

}
