package org.winformusic.events.shared;

import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.ContentNegotiatingViewResolver;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * A handler's {@code "redirect:..."} is answered by a resolver of its own, ahead of
 * Spring Boot's content-negotiating one. That one asks every view resolver for every view
 * name: Thymeleaf's and the default one each built a {@link RedirectView} for each
 * redirect (initialized as a bean, every post-processor's annotation lookups included)
 * and cached it under its name, which after a registration holds the new manage token. So
 * each registration took both caches' locks, evicted a page's view, and left its token in
 * memory among the last thousand: 6 % of a registration POST's CPU. A redirect view is
 * built here for each redirect and kept nowhere.
 */
@Configuration(proxyBeanMethods = false)
class RedirectViews {

	@Bean
	RedirectViewResolver redirectViewResolver(ApplicationContext context) {
		return new RedirectViewResolver(context);
	}

	@Bean
	static BeanPostProcessor contentNegotiationAfterRedirects() {
		return BeanCustomizer.of(ContentNegotiatingViewResolver.class,
				(resolver) -> resolver.setOrder(RedirectViewResolver.ORDER + 1));
	}

	/**
	 * Resolves {@code redirect:} view names as Spring's resolvers do (relative to the
	 * context path, a 302), nothing else.
	 */
	static final class RedirectViewResolver implements ViewResolver, Ordered {

		static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

		private final ApplicationContext context;

		RedirectViewResolver(ApplicationContext context) {
			this.context = context;
		}

		@Override
		public View resolveViewName(String viewName, Locale locale) {
			if (!viewName.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)) {
				return null;
			}
			RedirectView view = new RedirectView(viewName.substring(UrlBasedViewResolver.REDIRECT_URL_PREFIX.length()),
					true, true);
			view.setApplicationContext(this.context);
			return view;
		}

		@Override
		public int getOrder() {
			return ORDER;
		}

	}

}
