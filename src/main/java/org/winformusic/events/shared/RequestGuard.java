package org.winformusic.events.shared;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers, before the security filters and the controllers, the requests that would
 * otherwise end in a 500, Tomcat's English page or a silent drop:
 * <ul>
 * <li>a direct {@code GET /error} is a 404 (the error page is for error dispatches);
 * <li>a POST whose body is not a form ({@code application/json}, {@code multipart/...})
 * is a 415 page: every form of the site posts {@code x-www-form-urlencoded};
 * <li>a form body above {@code server.tomcat.max-http-form-post-size} sent chunked (no
 * {@code Content-Length}, so {@code RequestSizeLimit} cannot see it) is a 413 page;
 * <li>a parameter holding a control character (NUL and the other C0/C1 controls except
 * TAB, CR and LF, {@link StoredText#CONTROL}), which PostgreSQL refuses or no form means
 * to store, is a 400 page saying so. This is the fallback for requests no form handles
 * (links, filters, buttons, a GET of a form page): the POSTs of the forms in
 * {@link #FORMS_THAT_REPORT_IT} answer it with their normal page, the problem next to the
 * field ({@link FormBinding});
 * <li>a request that could not get a database connection within the pool's
 * {@code connection-timeout} is a 503 page with {@code Retry-After}, whichever filter or
 * controller asked for the connection.
 * </ul>
 * Every page is the localized {@code error} view.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuard {

	/** Seconds a client is asked to wait when the database is unreachable. */
	static final int DATABASE_RETRY_AFTER_SECONDS = 30;

	/** Set on a 400 caused by control characters, for the error page's text. */
	static final String CONTROL_CHARACTERS_ATTRIBUTE = "errorControlCharacters";

	private static final Log logger = LogFactory.getLog(RequestGuard.class);

	/**
	 * Forms that answer a control character themselves, with their normal page: the staff
	 * forms bound as records ({@link FormBinding} makes it a field error), the
	 * registration form and its edits (their validator reports it next to the field), the
	 * link lookup and the staff login (answered as any other wrong value).
	 */
	private static final List<String> FORMS_THAT_REPORT_IT = List.of("/events/*/register", "/events/*/lookup",
			"/r/*/edit", "/admin/login", "/admin/registrations/*/edit", "/admin/events/new", "/admin/events/*/edit",
			"/admin/users", "/admin/users/*/role", "/admin/profile", "/admin/profile/tokens",
			"/admin/registrations/*/notes", "/admin/privacy", "/admin/events/*/capacity");

	private static final AntPathMatcher paths = new AntPathMatcher();

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestGuardFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
		// After the security headers and RequestSizeLimit, before Spring Session and
		// Spring Security (which would answer a missing CSRF token with a 403 first).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.addUrlPatterns("/*");
		return registration;
	}

	static final class Guard extends OncePerRequestFilter {

		/**
		 * Error dispatches are the error page's own. OncePerRequestFilter knows them by
		 * their {@code ERROR_REQUEST_URI}, which is missing when Tomcat could not read
		 * the request line ({@link RefusedRequests}): without this, that page would be
		 * answered as a direct {@code GET /error}.
		 */
		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return request.getDispatcherType() == DispatcherType.ERROR;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.equals("/error") || path.startsWith("/error/")) {
				error(request, response, 404);
				return;
			}
			if ("POST".equals(request.getMethod()) && !isForm(request.getContentType())
					&& !isOneClickUnsubscribe(path, request.getContentType())) {
				error(new WithoutParameters(request), response, 415);
				return;
			}
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (InvalidParameterException ex) {
				// Tomcat could not read the form: too large (413) or malformed (400).
				error(new WithoutParameters(request), response, (ex.getErrorCode() == 413) ? 413 : 400);
				return;
			}
			if (hasControlCharacters(parameters) && !formReportsIt(request.getMethod(), path)) {
				request.setAttribute(CONTROL_CHARACTERS_ATTRIBUTE, true);
				error(new WithoutParameters(request), response, 400);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | RuntimeException ex) {
				if (!databaseUnreachable(ex) || response.isCommitted()) {
					throw ex;
				}
				// The address without the secret some carry (manage links, passes).
				logger.warn("No database connection for " + request.getMethod() + " " + LoggedPaths.masked(path) + ": "
						+ ex);
				response.reset();
				SecurityHeaders.write(response);
				response.setHeader("Retry-After", Integer.toString(DATABASE_RETRY_AFTER_SECONDS));
				error(new WithoutParameters(request), response, 503);
			}
		}

		/**
		 * Only a form's POST reports it next to a field: a GET of the same page (a link
		 * like {@code /admin/events/new?from=...}) reads its parameters as a filter does.
		 */
		private static boolean formReportsIt(String method, String path) {
			return "POST".equals(method) && FORMS_THAT_REPORT_IT.stream().anyMatch((p) -> paths.match(p, path));
		}

		private static boolean isForm(String contentType) {
			// No body (a button without fields) or a form: anything else no page sends.
			return contentType == null || contentType.isBlank()
					|| contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
		}

		/**
		 * A mail provider's one-click unsubscribe (RFC 8058) should send
		 * {@code multipart/form-data}; the page it posts to reads no field of it.
		 */
		private static boolean isOneClickUnsubscribe(String path, String contentType) {
			return contentType != null
					&& contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
					&& paths.match("/r/*/news/stop", path);
		}

		private static boolean hasControlCharacters(Map<String, String[]> parameters) {
			for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
				if (StoredText.hasControlCharacters(entry.getKey())) {
					return true;
				}
				for (String value : entry.getValue()) {
					if (StoredText.hasControlCharacters(value)) {
						return true;
					}
				}
			}
			return false;
		}

		private static void error(HttpServletRequest request, HttpServletResponse response, int status)
				throws ServletException, IOException {
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			response.setStatus(status);
			request.getRequestDispatcher("/error").forward(request, response);
		}

	}

	/**
	 * True when the failure is the pool giving up on a connection (Hikari's timeout), the
	 * database refusing connections, or a connection that stopped answering (the socket
	 * timeout), wherever it was wrapped.
	 */
	static boolean databaseUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			// SQLSTATE class 08, "connection exception": among them a statement whose
			// answer did not come within the socket timeout (the database stopped
			// answering), however JDBC, Hibernate or the transaction manager wrapped it.
			// 57P01-57P03: the database is shutting down, crashed or not yet accepting
			// connections (a connection that passed validation an instant before the
			// shutdown gets 57P01 on its next statement).
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
