package org.winformusic.events.shared;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The site's own error page, in the visitor's language, for requests Tomcat refuses
 * before they reach the application: a path that is not UTF-8 ({@code /events/%FF}), an
 * encoded slash or backslash, a request line or a header above
 * {@code server.max-http-request-header-size}. Tomcat marks such a request as failed and
 * does not map it to the application (its URI cannot be trusted), so the host would
 * answer with the English page of its error report valve. This valve, on the host in
 * front of Tomcat's own, maps a failed request that has no application to ours: Tomcat's
 * host then renders the application's error page for its status, as for any error,
 * through an error dispatch to {@code /error} (the localized {@code error} view, the
 * language from the {@code lang} cookie or Accept-Language). The request itself never
 * reaches a filter or controller: the refusal stands, only its page changes.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequests {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedRequestsGetTheErrorPage() {
		return (factory) -> factory
			.addContextCustomizers((context) -> context.getParent().getPipeline().addValve(new ToErrorPage(context)));
	}

	static final class ToErrorPage extends ValveBase {

		private final Context application;

		ToErrorPage(Context application) {
			super(true);
			this.application = application;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if (response.isError()) {
				// The security headers filter skips error dispatches: the page gets its
				// headers here (also a TRACE, refused with a 405 page after mapping).
				SecurityHeaders.write(response);
			}
			if (response.isError() && request.getContext() == null) {
				// Always the page, never the JSON Spring Boot gives clients that accept
				// no HTML. Tomcat read no header of a request line too long to read, and
				// the browser most likely followed a link; and the JSON answer decodes
				// the path's last segment (its Content-Disposition check), which throws
				// for a broken encoding such as /events/%ZZ: Tomcat's English page
				// instead, and an ERROR with a stack trace for each such request.
				request.getCoyoteRequest().getMimeHeaders().setValue(HttpHeaders.ACCEPT).setString("text/html");
				request.getMappingData().context = this.application;
			}
			getNext().invoke(request, response);
		}

	}

}
