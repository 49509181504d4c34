package org.winformusic.events.registration;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language of the pages behind a manage link. A link opened from the email on another
 * device (an office computer in English) shows the language the person registered in. An
 * explicit choice on this browser still wins: a valid {@code ?lang=} on this request, or
 * the {@code lang} cookie that an earlier {@code ?lang=} left. The registrant's language
 * is never written to the cookie, so it does not follow the browser to other pages. The
 * manage pages and the data-rights pages (privacy module) use it alike.
 */
public final class RegistrantLanguage {

	/** The cookie written by the site's language switch (shared LocaleConfiguration). */
	private static final String CHOICE_COOKIE = "lang";

	private RegistrantLanguage() {
	}

	/**
	 * Makes the registrant's language this request's language unless the visitor chose
	 * one, and returns the language the page is shown in.
	 */
	public static Locale apply(HttpServletRequest request, RegistrationView registration, Locale resolved) {
		return apply(request, registration.locale(), resolved);
	}

	/**
	 * The same for a page shown after the registration is gone (erased), given the
	 * language it had.
	 */
	public static Locale apply(HttpServletRequest request, Locale registrantLocale, Locale resolved) {
		if (chosen(request) || registrantLocale == null) {
			return resolved;
		}
		Locale registrant = SupportedLocales.of(registrantLocale.toLanguageTag());
		// The resolver reads this attribute for the rest of the request (the view's
		// #locale, messages, the response's Content-Language) without setting a cookie.
		request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, registrant);
		return registrant;
	}

	private static boolean chosen(HttpServletRequest request) {
		String param = request.getParameter("lang");
		boolean validParam = param != null && SupportedLocales.ALL.stream()
			.anyMatch(
					(l) -> l.getLanguage().equals(Locale.forLanguageTag(param.trim().replace('_', '-')).getLanguage()));
		return validParam || WebUtils.getCookie(request, CHOICE_COOKIE) != null;
	}

}
