package org.winformusic.events.shared;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to static files get their content-hashed URL ({@code /css/app.css} becomes
 * {@code /css/app-<hash>.css}); every other link is left as it is without being looked
 * at. In place of Boot's {@link ResourceUrlEncodingFilter} (a subclass, so Boot adds
 * none), which matches every link a page builds against each static pattern with an
 * {@code AntPathMatcher}: about a tenth of an admin page's rendering, whose links are
 * nearly all {@code /admin/...}.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinks {

	/**
	 * Typed as Boot's filter: Boot adds its own unless a bean of exactly that type is
	 * there.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> staticLinksFilter(ResourceUrlProvider urls) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new Filter(urls));
		// As Boot registers its own: error pages link the stylesheet too.
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	static final class Filter extends ResourceUrlEncodingFilter {

		private final ResourceUrlProvider urls;

		Filter(ResourceUrlProvider urls) {
			this.urls = urls;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse page)) {
				throw new ServletException("Static links are built for HTTP requests only");
			}
			chain.doFilter(request, new HttpServletResponseWrapper(page) {
				@Override
				public String encodeURL(String url) {
					return super.encodeURL(hashed(http.getContextPath(), url));
				}
			});
		}

		/**
		 * The link with its static file's hashed name, or as it came when it names no
		 * static file.
		 */
		String hashed(String contextPath, String url) {
			if (!url.startsWith(contextPath)) {
				return url;
			}
			int end = pathEnd(url);
			String path = url.substring(contextPath.length(), end);
			if (!StaticResources.serves(path)) {
				return url;
			}
			String hashed = this.urls.getForLookupPath(path);
			return (hashed != null) ? contextPath + hashed + url.substring(end) : url;
		}

		private static int pathEnd(String url) {
			for (int i = 0; i < url.length(); i++) {
				char c = url.charAt(i);
				if (c == '?' || c == '#') {
					return i;
				}
			}
			return url.length();
		}

	}

}
