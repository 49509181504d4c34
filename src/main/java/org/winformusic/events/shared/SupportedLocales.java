package org.winformusic.events.shared;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages of the site: Spanish first, English second. Anything else falls back to
 * Spanish.
 */
public final class SupportedLocales {

	public static final Locale SPANISH = Locale.forLanguageTag("es");

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final List<Locale> ALL = List.of(SPANISH, ENGLISH);

	private SupportedLocales() {
	}

	/** The supported locale for a language tag such as {@code es-MX}, or Spanish. */
	public static Locale of(String tag) {
		if (tag == null) {
			return SPANISH;
		}
		Locale requested = Locale.forLanguageTag(tag.trim().replace('_', '-'));
		return match(requested);
	}

	/** The first language of the request's Accept-Language that the site speaks. */
	static Locale fromAcceptLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return SPANISH;
		}
		Enumeration<Locale> locales = request.getLocales();
		while (locales.hasMoreElements()) {
			Locale candidate = locales.nextElement();
			for (Locale supported : ALL) {
				if (supported.getLanguage().equals(candidate.getLanguage())) {
					return supported;
				}
			}
		}
		return SPANISH;
	}

	static boolean isSupported(Locale locale) {
		return locale != null && ALL.stream().anyMatch((l) -> l.getLanguage().equals(locale.getLanguage()));
	}

	private static Locale match(Locale requested) {
		return ALL.stream().filter((l) -> l.getLanguage().equals(requested.getLanguage())).findFirst().orElse(SPANISH);
	}

}
