package org.winformusic.events.shared;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A refused request as the error page sees it: no parameters, no body (reading them again
 * would fail the same way, or take the time the refusal meant to save).
 */
public final class WithoutParameters extends HttpServletRequestWrapper {

	public WithoutParameters(HttpServletRequest request) {
		super(request);
	}

	@Override
	public String getParameter(String name) {
		return null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return Map.of();
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.emptyEnumeration();
	}

	@Override
	public String[] getParameterValues(String name) {
		return null;
	}

}
