package org.winformusic.events.shared;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method among the mappings of its own area only.
 * <p>
 * For a path with a variable ({@code /events/{slug}}, {@code /r/{token}}) Spring MVC
 * tests every mapping of the application in turn (method, parameters, headers, media
 * types, then the path): about 90 of them, a sixth of the application's time for the kept
 * event page (JFR, docs/performance-notes.md). This mapping first compares the request's
 * first path segment with the literal first segment of each mapping's patterns, which a
 * pattern starting with a literal must match exactly, so a request is tested in full only
 * against the mappings that begin like it ({@code /events}, {@code /admin}, {@code /r},
 * ...). A mapping with a pattern that begins with a variable or a wildcard, or at the
 * root, is always tested in full. No mapping or answer changes: a request no mapping
 * matches still gets the 404, 405 or 406 it got (FirstSegmentHandlerMappingTests).
 * Actuator's endpoints, which Spring Boot looks up before the controllers, are looked up
 * after them ({@link SharedConfiguration}), so a page request does not test those either.
 */
final class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

	/**
	 * Per mapping: its patterns' literal first segments, or empty if any path may match.
	 */
	private final Map<RequestMappingInfo, Set<String>> firstSegments = new ConcurrentHashMap<>();

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		return mayMatch(info, firstSegment(request)) ? super.getMatchingMapping(info, request) : null;
	}

	/** Tells 404 from 405 and 406 among the mappings whose path may match only. */
	@Override
	protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath, HttpServletRequest request)
			throws ServletException {
		String firstSegment = firstSegment(request);
		return super.handleNoMatch(
				infos.stream().filter((info) -> mayMatch(info, firstSegment)).collect(Collectors.toSet()), lookupPath,
				request);
	}

	private boolean mayMatch(RequestMappingInfo info, String firstSegment) {
		Set<String> segments = this.firstSegments.get(info);
		if (segments == null) {
			// computeIfAbsent would lock the map's bin on every call that finds a
			// collision
			segments = this.firstSegments.computeIfAbsent(info, this::literalFirstSegments);
		}
		return segments.isEmpty() || segments.contains(firstSegment);
	}

	private Set<String> literalFirstSegments(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null || !getPatternParser().isCaseSensitive()) {
			return Set.of();
		}
		Set<String> segments = new HashSet<>();
		for (PathPattern pattern : condition.getPatterns()) {
			String segment = literalFirstSegment(pattern.getPatternString());
			if (segment == null) {
				return Set.of();
			}
			segments.add(segment);
		}
		return Set.copyOf(segments);
	}

	/**
	 * "/events/{slug}" gives "events"; null for "/", "/{slug}", "/**", "/ev*" and the
	 * like.
	 */
	static String literalFirstSegment(String pattern) {
		if (!pattern.startsWith("/")) {
			return null;
		}
		int end = pattern.indexOf('/', 1);
		String segment = pattern.substring(1, (end < 0) ? pattern.length() : end);
		boolean literal = !segment.isEmpty() && segment.chars().noneMatch((c) -> "{}*?%;\\".indexOf(c) >= 0);
		return literal ? segment : null;
	}

	/**
	 * The first segment of the path patterns are matched against, decoded as they see it;
	 * empty when the path does not start with a separator and a segment.
	 */
	private static String firstSegment(HttpServletRequest request) {
		List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(request)
			.pathWithinApplication()
			.elements();
		if (elements.size() > 1 && elements.get(1) instanceof PathContainer.PathSegment segment) {
			return segment.valueToMatch();
		}
		return "";
	}

}
