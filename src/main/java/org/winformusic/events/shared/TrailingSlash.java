package org.winformusic.events.shared;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address with a slash at the end ({@code /events/mexico-workshop/}, as addresses get
 * typed, pasted or shortened) is redirected (301) to the page without it, its query kept:
 * Spring MVC no longer takes both, so it was "Página no encontrada". GET and HEAD only (a
 * form is never posted there), and only an address that stays on this site: one with
 * {@code //} or a backslash in its path, which a browser could read as another host in
 * the redirect, is left to the 404 page. Spring's {@code UrlHandlerFilter} redirects
 * {@code //evil.example/} to {@code //evil.example}.
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlash {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> trailingSlashFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String location = withoutSlash(request.getMethod(), request.getRequestURI(),
								request.getQueryString());
						if (location == null) {
							chain.doFilter(request, response);
							return;
						}
						response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
						response.setHeader(HttpHeaders.LOCATION, location);
					}

				});
		// After the security headers (the redirect carries them), before Spring Security.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	/** The address to redirect to, or null when the request is to go on as it is. */
	static String withoutSlash(String method, String uri, String query) {
		if (!("GET".equals(method) || "HEAD".equals(method)) || uri.length() < 2 || !uri.endsWith("/")
				|| uri.contains("//") || uri.contains("\\") || uri.toLowerCase(Locale.ROOT).contains("%5c")) {
			return null;
		}
		String path = uri.substring(0, uri.length() - 1);
		return (query != null) ? path + "?" + query : path;
	}

}
