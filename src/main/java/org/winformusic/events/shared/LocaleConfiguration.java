package org.winformusic.events.shared;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language choice: {@code ?lang=es|en} sticks in a cookie; without a cookie the browser's
 * Accept-Language decides; otherwise Spanish. A cookie, not a session, so anonymous
 * visitors get no HTTP session. On a download (a path ending in a file name:
 * {@code people.csv}, {@code registrations.xlsx}, a printout's PDF) {@code lang} picks
 * the file's language only and sets no cookie: an English export link must not switch the
 * whole admin to English for a year.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final String COOKIE_NAME = "lang";

	/** A downloaded file's name, at the end of a path ({@code people.csv}). */
	private static final Pattern FILE_NAME = Pattern.compile("(?i).+\\.(csv|xlsx|pdf|ics)");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new SupportedCookieLocaleResolver();
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		// A cookie that is not a language (another application of the domain, a hand
		// edit)
		// is ignored rather than failing every request until it expires.
		resolver.setRejectInvalidCookies(false);
		resolver.setDefaultLocaleFunction(SupportedLocales::fromAcceptLanguage);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** Only Spanish and English are stored in, or read from, the cookie. */
	static class SupportedCookieLocaleResolver extends CookieLocaleResolver {

		SupportedCookieLocaleResolver() {
			super(COOKIE_NAME);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale locale = super.resolveLocale(request);
			return SupportedLocales.isSupported(locale) ? SupportedLocales.of(locale.getLanguage())
					: SupportedLocales.fromAcceptLanguage(request);
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			if (locale != null && !SupportedLocales.isSupported(locale)) {
				return;
			}
			Locale supported = (locale != null) ? SupportedLocales.of(locale.getLanguage()) : null;
			if (isDownload(request)) {
				// This request only, as the cookie resolver reads it before the cookie.
				request.setAttribute(LOCALE_REQUEST_ATTRIBUTE_NAME, supported);
			}
			else {
				super.setLocale(request, response, supported);
			}
		}

		/**
		 * Whether the request is for a file: its path ends in {@code .csv},
		 * {@code .xlsx}, {@code .pdf} or {@code .ics}.
		 */
		static boolean isDownload(HttpServletRequest request) {
			String path = request.getRequestURI();
			String last = path.substring(path.lastIndexOf('/') + 1);
			return FILE_NAME.matcher(last).matches();
		}

	}

}
