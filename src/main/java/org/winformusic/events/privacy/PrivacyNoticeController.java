package org.winformusic.events.privacy;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.registration.RegistrantLanguage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

	/**
	 * The erased registrant's language, added by the erasure's redirect: the page speaks
	 * it the way the manage pages do, and it is never stored in the language cookie.
	 */
	static final String REGISTRANT_LANGUAGE = "language";

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
	String erased(@RequestParam(name = REGISTRANT_LANGUAGE, required = false) String language,
			HttpServletRequest request, Locale locale, Model model) {
		RegistrantLanguage.apply(request, (language != null) ? Locale.forLanguageTag(language) : null, locale);
		model.addAttribute("blockingDays", this.properties.blockingPeriod().toDays());
		return ERASED_VIEW;
	}

}
