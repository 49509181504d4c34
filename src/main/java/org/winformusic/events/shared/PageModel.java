package org.winformusic.events.shared;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * What the layout of every page reads from the model, added when a template is about to
 * render (a redirect, a download or a refused request gets none of it):
 * <ul>
 * <li>{@value #LANGUAGE_LINKS}: links that switch the language of the page being viewed,
 * so switching keeps the visitor where they are. Only the path and query of the current
 * request are used, never the host. On an error page the current request is the dispatch
 * to {@code /error}: the links ask again for the address that failed, which answers the
 * same in the other language, or lead home when that address cannot be linked to
 * safely.</li>
 * <li>{@value #ORGANIZER_CONTACT}: the address people write to with questions
 * ({@code APP_PRIVACY_CONTACT}, the contact the privacy notice names); Thymeleaf refuses
 * bean references inside link attributes ({@code th:href}), so the event page and the
 * footer's mailto links read it from the model. Absent when unset.</li>
 * </ul>
 * {@link RenderedPages} adds them to the pages it renders itself. An interceptor rather
 * than {@code @ModelAttribute} advice, which Spring MVC runs (and builds a handler method
 * for) on every request, a registration's redirect included.
 */
@Component
class PageModel implements WebMvcConfigurer, HandlerInterceptor {

	private static final String LANGUAGE_LINKS = "languageLinks";

	private static final String ORGANIZER_CONTACT = "organizerContact";

	/**
	 * A path of this site as a browser sends it: one leading slash (two would be another
	 * host), and only characters that need no escaping in a URL.
	 */
	private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~%!$&'()*+,;=:@/]*");

	private final PrivacyContact privacy;

	PageModel(PrivacyContact privacy) {
		this.privacy = privacy;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page != null && !page.wasCleared() && isTemplate(page.getViewName())) {
			addTo(page.getModel(), request);
		}
	}

	/** Adds what the layout reads to the model of a page about to render. */
	void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.putIfAbsent(LANGUAGE_LINKS, languageLinks(request));
		String contact = this.privacy.contact();
		if (contact != null) {
			model.putIfAbsent(ORGANIZER_CONTACT, contact);
		}
	}

	private static boolean isTemplate(String viewName) {
		return viewName != null && !viewName.startsWith("redirect:") && !viewName.startsWith("forward:");
	}

	private static Map<String, String> languageLinks(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
			Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			String path = (failed instanceof String uri && SITE_PATH.matcher(uri).matches()) ? uri : "/";
			return Map.of("es", path + "?lang=es", "en", path + "?lang=en");
		}
		return Map.of("es", linkFor(request, "es"), "en", linkFor(request, "en"));
	}

	private static String linkFor(HttpServletRequest request, String language) {
		UriComponents current = ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("lang", language)
			.build();
		return current.getPath() + "?" + current.getQuery();
	}

}
