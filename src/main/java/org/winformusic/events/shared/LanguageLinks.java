package org.winformusic.events.shared;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links that switch the language of the page being viewed, so switching keeps the visitor
 * where they are. Only the path and query of the current request are used, never the
 * host. On an error page the current request is the dispatch to {@code /error}: the links
 * ask again for the address that failed, which answers the same in the other language, or
 * lead home when that address cannot be linked to safely.
 */
@ControllerAdvice
class LanguageLinks {

	/**
	 * A path of this site as a browser sends it: one leading slash (two would be another
	 * host), and only characters that need no escaping in a URL.
	 */
	private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~%!$&'()*+,;=:@/]*");

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
			Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			String path = (failed instanceof String uri && SITE_PATH.matcher(uri).matches()) ? uri : "/";
			return Map.of("es", path + "?lang=es", "en", path + "?lang=en");
		}
		return Map.of("es", linkFor("es"), "en", linkFor("en"));
	}

	private static String linkFor(String language) {
		UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("lang", language)
			.build();
		return current.getPath() + "?" + current.getQuery();
	}

}
