package org.winformusic.events.privacy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The aviso de privacidad (full notice; the short one sits next to the consent checkbox)
 * and the page an erased registrant lands on. The notice's version is the
 * {@code privacy.version} message, the same value stored with each registration's
 * consent.
 */
@Controller
class PrivacyNoticeController {

	private static final String NOTICE_VIEW = "privacy";

	private static final String ERASED_VIEW = "privacy/erased";

	private final PrivacyProperties properties;

	PrivacyNoticeController(PrivacyProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/privacy")
	String notice(Model model) {
		model.addAttribute("retentionDays", this.properties.retentionAfterEvent().toDays());
		model.addAttribute("blockingDays", this.properties.blockingPeriod().toDays());
		return NOTICE_VIEW;
	}

	@GetMapping("/privacy/erased")
	String erased(Model model) {
		model.addAttribute("blockingDays", this.properties.blockingPeriod().toDays());
		return ERASED_VIEW;
	}

}
