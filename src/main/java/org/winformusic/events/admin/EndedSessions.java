package org.winformusic.events.admin;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.UrlUtils;

/**
 * What staff see when their session ended under them (30 minutes idle, ended by an admin,
 * logged out in another tab): the login page says so and, for a form they sent, that it
 * was not saved; after signing in they are back on the page, for a form the page the form
 * is on ({@link FormPages}). Told from what the request carries, never by creating a
 * session:
 * <ul>
 * <li>a {@code SESSION} cookie the server no longer knows: {@code /admin/login?expired}
 * (Spring Session deletes the cookie in the same answer, so the login page learns it from
 * the address);</li>
 * <li>a form whose CSRF token no longer matches, sent without a session (logging out
 * deletes the token cookie with the session): {@code ?ended};</li>
 * <li>either of them for a form: {@code &unsaved} too.</li>
 * </ul>
 * A form of a signed-in member whose token no longer matches (signed out and in again in
 * another tab) gets the 403 page in staff words, with a link to the form's page. Public
 * pages are not concerned: only requests that need a login reach the entry point, and
 * only admin forms the CSRF handling here.
 */
final class EndedSessions {

	/** The staff session cookie (see {@code sessionCookieSerializer}). */
	static final String SESSION_COOKIE = "SESSION";

	/**
	 * The request attribute that tells the 403 page the form was out of date, and which
	 * page it is on.
	 */
	static final String STALE_FORM_PAGE = "errorStaleFormPage";

	private static final String LOGIN = "/admin/login";

	private final FormPages pages;

	/** The page to return to after login, for a form: its page, not the POST. */
	private final CookieRequestCache formPages = new CookieRequestCache();

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	EndedSessions(FormPages pages) {
		this.pages = pages;
	}

	/**
	 * Browsers (asking for HTML) are sent to the login page, which says why when the
	 * session ended; scripts and API clients get a plain 401.
	 */
	AuthenticationEntryPoint entryPoint() {
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN);
		AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		return (request, response, exception) -> {
			if (!WebSecurityConfiguration.HTML.matches(request)) {
				unauthorized.commence(request, response, exception);
			}
			else if (staleSession(request)) {
				toLogin(request, response, "expired");
			}
			else if (adminForm(request)) {
				toLogin(request, response, "ended");
			}
			else {
				login.commence(request, response, exception);
			}
		};
	}

	/**
	 * A failed CSRF check of an admin form, as above; of the login form (a login page
	 * left open while the same browser signed in, or out, in another tab): on to the
	 * dashboard if signed in by now, else the login page again, saying so, with the email
	 * kept. Any other refusal as before.
	 */
	AccessDeniedHandler csrfRefusals(AccessDeniedHandler otherwise) {
		return (request, response, denied) -> {
			if (denied instanceof CsrfException && "POST".equals(request.getMethod()) && LOGIN.equals(path(request))
					&& WebSecurityConfiguration.HTML.matches(request)) {
				if (signedIn()) {
					this.redirects.sendRedirect(request, response, "/admin");
				}
				else {
					WebSecurityConfiguration.KeepEmailOnFailure.keepEmail(request, response);
					this.redirects.sendRedirect(request, response, LOGIN + "?stale");
				}
				return;
			}
			if (denied instanceof CsrfException && adminForm(request)
					&& WebSecurityConfiguration.HTML.matches(request)) {
				if (!signedIn()) {
					if ("/admin/logout".equals(path(request))) {
						// Signed out already: nothing was lost.
						this.redirects.sendRedirect(request, response, LOGIN + "?logout");
					}
					else {
						toLogin(request, response, staleSession(request) ? "expired" : "ended");
					}
					return;
				}
				request.setAttribute(STALE_FORM_PAGE, request.getContextPath() + this.pages.withQueryOf(request));
			}
			otherwise.handle(request, response, denied);
		};
	}

	private boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && !this.trust.isAnonymous(authentication);
	}

	private void toLogin(HttpServletRequest request, HttpServletResponse response, String reason)
			throws IOException, ServletException {
		String query = reason;
		if (adminForm(request)) {
			this.formPages.saveRequest(
					new PageOfTheForm(request, this.pages.of(request), FormPages.back(request.getParameter("back"))),
					response);
			query += "&unsaved";
		}
		this.redirects.sendRedirect(request, response, LOGIN + "?" + query);
	}

	/** A SESSION cookie came with the request, and no session has its id (any longer). */
	static boolean staleSession(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies != null
				&& Arrays.stream(cookies)
					.anyMatch((cookie) -> SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank())
				&& !request.isRequestedSessionIdValid();
	}

	/** A staff form being sent (not the login form). */
	private static boolean adminForm(HttpServletRequest request) {
		String path = path(request);
		return "POST".equals(request.getMethod()) && path.startsWith("/admin/") && !path.equals(LOGIN);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** The form's page, as the GET the request cache keeps for after login. */
	private static final class PageOfTheForm extends HttpServletRequestWrapper {

		private final String page;

		private final String query;

		PageOfTheForm(HttpServletRequest form, String page, String query) {
			super(form);
			this.page = page;
			this.query = query;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.page;
		}

		@Override
		public String getServletPath() {
			return this.page;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return this.query;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(UrlUtils.buildFullRequestUrl(getScheme(), getServerName(), getServerPort(),
					getRequestURI(), this.query));
		}

	}

}
