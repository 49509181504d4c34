package org.winformusic.events.shared;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files, under the URL patterns that hold them and no other: content-hashed
 * URLs (Thymeleaf's {@code @{...}} links get the hash), cached a year by browsers.
 * <p>
 * Boot's default mapping is {@code /**}: every link a page renders ({@code /admin/...},
 * {@code /r/...}) then went through the resource chain to look for a file of that name,
 * and a miss is not cached, so each link of each page searched every jar of the class
 * path (about 40 ms of CPU for an admin list page). With these patterns only links to
 * static files are resolved, once ({@link StaticLinks} asks {@link #serves} which those
 * are). {@code spring.web.resources.add-mappings=false} turns Boot's mapping off.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// A pattern's directory part is not looked up in the location: /js/** serves
		// form.js of static/js/ for /js/form.js.
		serve(registry, "classpath:/static/css/", "/css/**");
		serve(registry, "classpath:/static/js/", "/js/**");
		serve(registry, "classpath:/static/", "/*.js", "/*.svg");
	}

	/**
	 * Whether a path is one of the patterns above: {@code /css/**}, {@code /js/**} or a
	 * {@code .js} or {@code .svg} file at the top.
	 */
	static boolean serves(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/")
				|| (path.lastIndexOf('/') == 0 && (path.endsWith(".js") || path.endsWith(".svg")));
	}

	private static void serve(ResourceHandlerRegistry registry, String location, String... patterns) {
		registry.addResourceHandler(patterns)
			.addResourceLocations(location)
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)))
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
