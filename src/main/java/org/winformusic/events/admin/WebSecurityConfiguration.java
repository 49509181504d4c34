package org.winformusic.events.admin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.winformusic.events.shared.SecurityHeaders;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may see what, and the headers every response carries. Anonymous visitors never get
 * an HTTP session: the CSRF token lives in a cookie and the page to return to after login
 * too. Staff sessions live in PostgreSQL (Spring Session JDBC). Roles are enforced here
 * by URL and again on the admin services by method security.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class WebSecurityConfiguration {

	/** The roles that read the admin pages: not DOOR, which sees the door pages only. */
	static final String[] STAFF = { "ADMIN", "ORGANIZER", "OPS" };

	static final String[] ACTORS = { "ADMIN", "ORGANIZER" };

	/** Pages for admins only (the 403 page names the role a refusal asks for). */
	static final String[] ADMIN_PAGES = { "/admin/users/**", "/admin/audit/**", "/admin/privacy", "/admin/privacy/**" };

	/** Pages that lead to a change, for organizers and admins (every POST is, too). */
	static final String[] ACTOR_PAGES = { "/admin/registrations/*/edit", "/admin/registrations/*/confirm-action/**",
			"/admin/events/*/capacity", "/admin/events/new", "/admin/events/*/edit" };

	/** The door's changes (check in, undo, sync, a scanned pass) and its walk-in page. */
	static final String[] DOOR_CHANGES = { "/admin/events/*/checkin/**", "/admin/checkin/pass/*" };

	static final String WALK_IN = "/admin/events/*/checkin/walk-in";

	/**
	 * The request attribute that tells the 403 page which roles the refused page is for.
	 */
	static final String REFUSED_FOR = "errorRefusedFor";

	/** Every role: the landing page, the door pages, one's own password. */
	static final String[] EVERYONE = { "ADMIN", "ORGANIZER", "OPS", "DOOR" };

	/** Who checks people in (and undoes it) at the door. */
	static final String[] DOOR_ACTORS = { "ADMIN", "ORGANIZER", "DOOR" };

	/** Every staff login, including one that must choose its own password first. */
	static final String[] ANY_LOGIN = { "ROLE_ADMIN", "ROLE_ORGANIZER", "ROLE_OPS", "ROLE_DOOR",
			OwnPasswordFirst.AUTHORITY };

	/**
	 * No Spring Security observations: it would otherwise wrap each filter of every
	 * request in an observation for tracing, which this deployment does not export (the
	 * {@code http.server.requests} metrics stay). The bean, not the
	 * {@code management.observations.enable.spring.security} property: with the property
	 * the observations are no-ops but every filter is still wrapped, about 2 % of a
	 * public request's application CPU.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PrehashedBcrypt.delegating();
	}

	/**
	 * The staff session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request
	 * came over HTTPS (the serializer asks {@code request.isSecure()}).
	 */
	@Bean
	CookieSerializer sessionCookieSerializer() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(EndedSessions.SESSION_COOKIE);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		return serializer;
	}

	@Bean
	SecurityFilterChain webSecurity(HttpSecurity http, StaffAuthentication staffAuthentication,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
			throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/admin/login")
			.permitAll()
			// A login with a password an admin has seen reaches only these (see
			// OwnPasswordFirst): not even the API tokens under the profile.
			.requestMatchers(OwnPasswordFirst.PROFILE, "/admin/logout")
			.hasAnyAuthority(ANY_LOGIN)
			.requestMatchers(ADMIN_PAGES)
			.hasRole("ADMIN")
			// Anyone logged in may change their own password and log out; API tokens
			// (under the profile) open the export, which DOOR does not read.
			.requestMatchers(HttpMethod.POST, "/admin/profile", "/admin/logout")
			.hasAnyRole(EVERYONE)
			.requestMatchers(HttpMethod.POST, "/admin/profile/**")
			.hasAnyRole(STAFF)
			// The door search posts (no name in an address) and changes nothing: ops look
			// too.
			.requestMatchers(HttpMethod.POST, "/admin/events/*/checkin")
			.hasAnyRole(EVERYONE)
			// Check in, undo, the offline copy's sync, a scanned pass.
			.requestMatchers(HttpMethod.POST, DOOR_CHANGES)
			.hasAnyRole(DOOR_ACTORS)
			// Adding a walk-in at the door: those who check people in, not ops.
			.requestMatchers(WALK_IN)
			.hasAnyRole(DOOR_ACTORS)
			// The door pages and the landing page (for DOOR, the events' door links):
			// everything else refuses DOOR, so a page added later does too.
			.requestMatchers(HttpMethod.GET, "/admin", "/admin/events/*/checkin", "/admin/events/*/checkin/**",
					"/admin/checkin/**")
			.hasAnyRole(EVERYONE)
			// Every other change (and the pages that lead to one) needs an organizer.
			.requestMatchers(HttpMethod.POST, "/admin/**")
			.hasAnyRole(ACTORS)
			.requestMatchers(ACTOR_PAGES)
			.hasAnyRole(ACTORS)
			.requestMatchers("/admin/**")
			.hasAnyRole(STAFF)
			.anyRequest()
			.permitAll());
		http.authenticationManager(new ProviderManager(staffAuthentication.provider()));
		// The news opt-out is also the emails' List-Unsubscribe one-click target (RFC
		// 8058), which mail providers POST without cookies, so without a CSRF token. The
		// manage token in its path is the secret a forged request would need anyway.
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
			.csrfTokenRequestHandler(new UndecodableTokenRefused())
			.ignoringRequestMatchers("/r/*/news/stop"));
		CookieRequestCache requestCache = new CookieRequestCache();
		requestCache.setRequestMatcher(WebSecurityConfiguration::pageNavigation);
		http.requestCache((cache) -> cache.requestCache(requestCache));
		// A session that ended under a staff member: the login page says so (and that a
		// form sent was not saved), and the login leads back to the page.
		EndedSessions ended = new EndedSessions(new FormPages(mappings::getObject));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ended.entryPoint())
			.accessDeniedHandler(ended.csrfRefusals(refusal(OwnPasswordFirst.accessDenied()))));
		http.formLogin((login) -> login.loginPage("/admin/login")
			.failureHandler(new KeepEmailOnFailure())
			.successHandler(OwnPasswordFirst.loginSuccess(requestCache))
			.permitAll());
		// Clear-Site-Data "storage": a door phone's offline copy of names, its service
		// worker and caches go with the session. Written on every logout, unlike Spring
		// Security's ClearSiteDataHeaderWriter (secure requests only, which a proxy or
		// 127.0.0.1 hides); browsers obey it on secure origins only.
		http.logout((logout) -> logout.logoutUrl("/admin/logout")
			.logoutSuccessUrl("/admin/login?logout")
			.addLogoutHandler(
					(request, response, authentication) -> response.setHeader("Clear-Site-Data", "\"storage\"")));
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.contentSecurityPolicy()))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	/**
	 * Whether a request that needs a login is the page to come back to after it: a page
	 * the browser navigated to (GET, asking for HTML, not a script's fetch or XHR, not a
	 * {@code .json} address). A door phone's background refresh or sync is answered 401
	 * without being kept, or the volunteer would land on raw JSON or a 405 after signing
	 * in again.
	 */
	static boolean pageNavigation(HttpServletRequest request) {
		String mode = request.getHeader("Sec-Fetch-Mode");
		return HttpMethod.GET.matches(request.getMethod()) && (mode == null || "navigate".equals(mode))
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& !request.getRequestURI().endsWith(".json") && HTML.matches(request);
	}

	/** Asks for HTML: a browser, not a script or an API client. */
	static final MediaTypeRequestMatcher HTML = html();

	private static MediaTypeRequestMatcher html() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML,
				MediaType.APPLICATION_XHTML_XML);
		html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		return html;
	}

	/**
	 * A staff member's role refused (not a CSRF failure: an admin form's is told apart by
	 * EndedSessions, any other keeps the "form may have expired" page): the 403 page says
	 * which roles the page is for and leads to the dashboard.
	 */
	private static AccessDeniedHandler refusal(AccessDeniedHandler forbidden) {
		RequestMatcher adminPages = anyOf(null, ADMIN_PAGES);
		RequestMatcher doorChanges = new OrRequestMatcher(anyOf(null, WALK_IN), anyOf(HttpMethod.POST, DOOR_CHANGES));
		RequestMatcher actorPages = anyOf(null, ACTOR_PAGES);
		return (request, response, denied) -> {
			if (!(denied instanceof CsrfException)) {
				// As the rules above: admin pages; the door's changes (door, organizers,
				// admins: refused to ops); other changes and the pages that lead to them
				// (organizers and admins); other pages every role but the door's may
				// read.
				request.setAttribute(REFUSED_FOR, adminPages.matches(request) ? "ADMIN" : doorChanges.matches(request)
						? "DOOR_ACTORS"
						: ("GET".equals(request.getMethod()) && !actorPages.matches(request)) ? "STAFF" : "ORGANIZER");
			}
			forbidden.handle(request, response, denied);
		};
	}

	private static RequestMatcher anyOf(HttpMethod method, String... patterns) {
		return new OrRequestMatcher(java.util.Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, pattern))
			.toList());
	}

	/**
	 * A failed login goes back to the login page with the email still typed. Anonymous
	 * visitors have no session, so the email rides in a short-lived cookie only the login
	 * page reads (and clears); it never goes into the URL, where logs would keep it.
	 */
	static final class KeepEmailOnFailure extends SimpleUrlAuthenticationFailureHandler {

		static final String COOKIE = "login_email";

		KeepEmailOnFailure() {
			super("/admin/login?error");
			// A failed login stores no session: strangers must not be able to fill the
			// table.
			setAllowSessionCreation(false);
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
			keepEmail(request, response);
			super.onAuthenticationFailure(request, response, exception);
		}

		/** The email typed into the login form, kept for the login page shown next. */
		static void keepEmail(HttpServletRequest request, HttpServletResponse response) {
			String email = request.getParameter("username");
			if (email != null && !email.isBlank() && email.length() <= 254) {
				Cookie cookie = new Cookie(COOKIE, URLEncoder.encode(email.strip(), StandardCharsets.UTF_8));
				cookie.setPath("/admin/login");
				cookie.setMaxAge(60);
				cookie.setHttpOnly(true);
				cookie.setSecure(request.isSecure());
				cookie.setAttribute("SameSite", "Strict");
				response.addCookie(cookie);
			}
		}

	}

}
