package org.winformusic.events.print;

import org.winformusic.events.registration.CheckinPasses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the printouts get the check-in passes from: the registration module's passes. */
@Configuration(proxyBeanMethods = false)
class PassLinksConfiguration {

	@Bean
	PassLinks passLinks(CheckinPasses passes) {
		return PassLinks.of(passes::link, passes::code);
	}

}
