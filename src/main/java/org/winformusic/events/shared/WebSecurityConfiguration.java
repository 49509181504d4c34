package org.winformusic.events.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Who may see what, and the headers every response carries. Anonymous visitors never get
 * an HTTP session: the CSRF token lives in a cookie and the page to return to after login
 * too.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

	@Bean
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAnyRole("ADMIN", "ORGANIZER", "OPS")
			.requestMatchers("/admin/login")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasAnyRole("ADMIN", "ORGANIZER", "OPS")
			.anyRequest()
			.permitAll());
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()));
		http.requestCache((cache) -> cache.requestCache(new CookieRequestCache()));
		http.formLogin((login) -> login.loginPage("/admin/login").defaultSuccessUrl("/admin", false).permitAll());
		http.logout((logout) -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

}
