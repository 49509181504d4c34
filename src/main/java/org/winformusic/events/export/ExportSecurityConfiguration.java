package org.winformusic.events.export;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security of the export URLs, ahead of the admin module's chain: a staff session works
 * as everywhere under {@code /admin}, and so does {@code Authorization: Bearer <token>}
 * with a personal API token. Tokens are honoured by this chain only, so they never open
 * an HTML admin page or change anything: everywhere else the header is ignored.
 */
@Configuration(proxyBeanMethods = false)
class ExportSecurityConfiguration {

	static final String[] EXPORT_URLS = { "/admin/events/*/registrations.csv", "/admin/events/*/registrations.xlsx",
			"/admin/events/*/people.csv", "/admin/events/*/people.xlsx" };

	// The same policy as the admin pages: the export's error page is HTML too.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain exportSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher(EXPORT_URLS);
		http.authorizeHttpRequests((auth) -> auth.anyRequest().hasAnyRole("ADMIN", "ORGANIZER", "OPS"));
		http.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()));
		http.requestCache((cache) -> cache.requestCache(new CookieRequestCache()));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new ExportEntryPoint()));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	/**
	 * Authenticates a request that carries a Bearer token, for this request only (nothing
	 * goes into a session). A token that does not work is a 401 at once, even when the
	 * request also has a session. Only GET and HEAD: a token never changes data.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

		private final ApiTokens tokens;

		BearerTokenFilter(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				chain.doFilter(request, response);
				return;
			}
			Optional<ApiTokens.TokenUser> user = READ_METHODS.contains(request.getMethod())
					? this.tokens.authenticate(header.substring(7).strip()) : Optional.empty();
			if (user.isEmpty()) {
				unauthorized(response);
				return;
			}
			ApiTokens.TokenUser tokenUser = user.get();
			// Acts as its owner (whom the audit names), with the token's role.
			var authentication = UsernamePasswordAuthenticationToken.authenticated(tokenUser.ownerEmail(), null,
					List.of(new SimpleGrantedAuthority(tokenUser.role().authority())));
			authentication.setDetails(new ExportAudit.ViaToken(tokenUser.name()));
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

		static void unauthorized(HttpServletResponse response) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}

	}

	/**
	 * Browsers are sent to the login page; scripts (no HTML in Accept) get a 401 that
	 * says a Bearer token works here.
	 */
	static final class ExportEntryPoint implements AuthenticationEntryPoint {

		private final MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML,
				MediaType.APPLICATION_XHTML_XML);

		private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/admin/login");

		private final AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);

		ExportEntryPoint() {
			this.html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		}

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.AuthenticationException exception)
				throws IOException, ServletException {
			if (this.html.matches(request)) {
				this.login.commence(request, response, exception);
			}
			else {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				this.unauthorized.commence(request, response, exception);
			}
		}

	}

}
