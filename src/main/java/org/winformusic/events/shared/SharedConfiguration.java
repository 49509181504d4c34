package org.winformusic.events.shared;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Beans every feature relies on. The {@link Clock} is injected everywhere time matters so
 * tests can fix it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableMethodSecurity
@EnableConfigurationProperties(AppProperties.class)
class SharedConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** See {@link FirstSegmentHandlerMapping}. */
	@Bean
	WebMvcRegistrations firstSegmentHandlerMapping() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new FirstSegmentHandlerMapping();
			}

		};
	}

	/**
	 * Actuator's endpoints (all under {@code /actuator}, which no controller's path
	 * begins with) are looked up right after the controllers instead of before them, so a
	 * page request does not test each endpoint's media types first.
	 */
	@Bean
	static BeanPostProcessor actuatorAfterControllers() {
		return BeanCustomizer.of(AbstractWebMvcEndpointHandlerMapping.class, (mapping) -> mapping.setOrder(1));
	}

}
