package org.winformusic.events.shared;

import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links that switch the language of the page being viewed, so switching keeps the visitor
 * where they are. Only the path and query of the current request are used, never the
 * host.
 */
@ControllerAdvice
class LanguageLinks {

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks() {
		return Map.of("es", linkFor("es"), "en", linkFor("en"));
	}

	private static String linkFor(String language) {
		UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("lang", language)
			.build();
		return current.getPath() + "?" + current.getQuery();
	}

}
