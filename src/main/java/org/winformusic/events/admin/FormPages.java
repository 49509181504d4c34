package org.winformusic.events.admin;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The page a staff form is on, from the address it posts to: that address when it is a
 * page too (the edit forms: {@code /admin/registrations/7/edit}), else the nearest page
 * above it ({@code /admin/registrations/7/notes} is on {@code /admin/registrations/7},
 * {@code /admin/users/3/role} on {@code /admin/users}), else the dashboard. Pages are the
 * admin addresses a GET handler answers with HTML (no {@code produces}: not the door's
 * JSON), read from the handler mappings once, on first use.
 */
final class FormPages {

	static final String DASHBOARD = "/admin";

	private final Supplier<List<PathPattern>> pages;

	FormPages(Supplier<RequestMappingHandlerMapping> mappings) {
		this.pages = SingletonSupplier.of(() -> pages(mappings.get()));
	}

	/** The page (a path without the context path) of the form that posted the request. */
	String of(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// Each step drops a segment: bounded by the address's length.
		while (path.startsWith(DASHBOARD + "/")) {
			PathContainer candidate = PathContainer.parsePath(path);
			if (this.pages.get().stream().anyMatch((page) -> page.matches(candidate))) {
				return path;
			}
			path = path.substring(0, path.lastIndexOf('/'));
		}
		return DASHBOARD;
	}

	/** As {@link #of}, with the list's search and filters the form carried, if any. */
	String withQueryOf(HttpServletRequest request) {
		String back = back(request.getParameter("back"));
		return of(request) + ((back != null) ? "?" + back : "");
	}

	/**
	 * The list's search and filters a form carries to come back to them ({@code back}, as
	 * the list wrote its query string), or null when there are none or it is not a plain
	 * query string.
	 */
	static String back(String back) {
		boolean plain = back != null && !back.isBlank() && back.length() <= 2000
				&& back.matches("[A-Za-z0-9%&=+._~-]*");
		return plain ? back : null;
	}

	private static List<PathPattern> pages(RequestMappingHandlerMapping mappings) {
		return mappings.getHandlerMethods()
			.keySet()
			.stream()
			.filter(FormPages::htmlPage)
			.flatMap((info) -> info.getPatternValues().stream())
			.filter((pattern) -> pattern.startsWith(DASHBOARD + "/"))
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	private static boolean htmlPage(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return (methods.isEmpty() || methods.contains(RequestMethod.GET)) && info.getProducesCondition().isEmpty();
	}

}
