package org.winformusic.events.print;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.winformusic.events.shared.AppProperties;

/** Where the printouts get the check-in passes from. */
@Configuration(proxyBeanMethods = false)
class PassLinksConfiguration {

	// TEMPORARY until CheckinPasses lands (issue 11): then this method takes
	// registration.CheckinPasses passes and returns PassLinks.of(passes::link,
	// passes::code).
	@Bean
	PassLinks passLinks(AppProperties app) {
		return PassLinks.of((id) -> app.link("/p/pending-" + id), PassLinksConfiguration::pendingCode);
	}

	/** A stand-in door code: "P" and the id in base 36, padded to 6 characters. */
	static String pendingCode(long registrationId) {
		String digits = Long.toString(registrationId, 36).toUpperCase(Locale.ROOT);
		return "P" + "0".repeat(Math.max(0, 5 - digits.length())) + digits;
	}

}
