package org.winformusic.events.registration.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.winformusic.events.shared.WithoutParameters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an oversized form POST with 413 and the localized error page. Without it Tomcat
 * silently drops the parameters of a body above
 * {@code server.tomcat.max-http-form-post-size}, the CSRF token included, and the visitor
 * would see a puzzling 403. Runs before the security filters for that reason.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter(
			@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit.toBytes()) {
					// Tomcat refuses to parse this body's parameters, and anything that
					// asks for one (the language switch, CSRF) would fail the error page
					// too: render it for a view of the request without parameters.
					request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
					request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
					response.setStatus(413);
					request.getRequestDispatcher("/error").forward(new WithoutParameters(request), response);
					return;
				}
				chain.doFilter(request, response);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
