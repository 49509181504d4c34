package org.winformusic.events.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on every response. Spring Security writes them too, but only for
 * requests that pass its firewall: this filter runs first, so a 400 from the firewall (a
 * {@code ;} or {@code //} in the URL), a 405 or an error page carries them as well, and a
 * valve adds them to what Tomcat answers before any filter runs (a request line it cannot
 * parse, an encoded slash).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityHeaders {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

	/** The content security policy of every page. */
	public static String contentSecurityPolicy() {
		return CONTENT_SECURITY_POLICY;
	}

	static void write(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				write(response);
				chain.doFilter(request, response);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Tomcat's own error answers (before the request reaches the application) go through
	 * the host's error report valve: this one adds the headers and, like Spring Boot's,
	 * shows no server details.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> securityHeadersOnTomcatErrors() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			HeaderWritingErrorReportValve valve = new HeaderWritingErrorReportValve();
			valve.setShowServerInfo(false);
			valve.setShowReport(false);
			context.getParent().getPipeline().addValve(valve);
		});
	}

	static final class HeaderWritingErrorReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (response.getStatus() >= 400 && !response.isCommitted()) {
				write(response);
			}
			super.report(request, response, throwable);
		}

	}

}
