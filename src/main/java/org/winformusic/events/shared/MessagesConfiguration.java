package org.winformusic.events.shared;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message files ({@code spring.messages.*}), as Spring Boot would set them up, with
 * one difference: numbers in Spanish messages are written as in Mexico ("1,000
 * registros"), not as in Spain ("1.000", which a Mexican reader takes for one with three
 * decimals). The site's Spanish stays plain {@code es} everywhere else (its cookie, the
 * pages' {@code lang}, the message files).
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	/** How the Spanish messages write numbers. */
	static final Locale SPANISH_NUMBERS = Locale.forLanguageTag("es-MX");

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		ResourceBundleMessageSource source = new MexicanNumbersMessageSource();
		if (properties.getBasename() != null) {
			source.setBasenames(properties.getBasename().toArray(String[]::new));
		}
		if (properties.getEncoding() != null) {
			source.setDefaultEncoding(properties.getEncoding().name());
		}
		source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			source.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return source;
	}

	/** Formats the arguments of Spanish messages with Mexico's number symbols. */
	static class MexicanNumbersMessageSource extends ResourceBundleMessageSource {

		@Override
		protected MessageFormat createMessageFormat(String msg, Locale locale) {
			boolean spanish = locale != null && SupportedLocales.SPANISH.getLanguage().equals(locale.getLanguage());
			return super.createMessageFormat(msg, spanish ? SPANISH_NUMBERS : locale);
		}

	}

}
