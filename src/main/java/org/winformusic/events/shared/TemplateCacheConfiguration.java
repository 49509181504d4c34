package org.winformusic.events.shared;

import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Thymeleaf's expression cache sized for every expression the pages hold. Its default,
 * 500 entries, is a quarter of what the templates parse (an entry per attribute's
 * expression and one per {@code ${...}} in it, about 2 100), and a full cache evicts its
 * oldest entry for each new one: a page's expressions pushed out the previous page's,
 * which were parsed again on their next use and, with the SpEL compiler on
 * ({@code spring.thymeleaf.enable-spring-el-compiler}), interpreted a hundred times
 * before they were compiled again.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCacheConfiguration {

	/**
	 * Room for every expression of the templates, twice over. The templates are fixed, so
	 * the cache stops growing; the bound stays for expressions built at run time
	 * ({@code __${...}__}).
	 */
	static final int EXPRESSION_CACHE_SIZE = 6_000;

	@Bean
	static BeanPostProcessor templateExpressionCacheSize() {
		return BeanCustomizer.of(SpringTemplateEngine.class, (engine) -> {
			StandardCacheManager caches = new StandardCacheManager();
			caches.setExpressionCacheMaxSize(EXPRESSION_CACHE_SIZE);
			engine.setCacheManager(caches);
		});
	}

}
