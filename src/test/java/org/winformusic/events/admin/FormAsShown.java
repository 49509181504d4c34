package org.winformusic.events.admin;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields of a rendered form as a browser submits them untouched: text inputs and
 * hidden ones with their values, checked boxes and radios, selected options and text
 * areas. Enough for the forms these tests read, not a general HTML parser.
 */
final class FormAsShown {

	/** The edit form (the admin layout has a logout form too). */
	private static final Pattern FORM = Pattern
		.compile("(?s)<form[^>]*method=\"post\"[^>]*action=\"[^\"]*/edit\"[^>]*>(.*?)</form>");

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");

	private static final Pattern SELECT = Pattern.compile("(?s)<select\\b([^>]*)>(.*?)</select>");

	private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");

	private static final Pattern TEXTAREA = Pattern.compile("(?s)<textarea\\b([^>]*)>(.*?)</textarea>");

	private FormAsShown() {
	}

	/**
	 * Adds the edit form's fields of {@code html} to {@code request}, as they are shown.
	 */
	static MockHttpServletRequestBuilder submitted(String html, MockHttpServletRequestBuilder request) {
		return submitted(html, request, Map.of());
	}

	/**
	 * The same with some fields changed: each of {@code changed} posts its values instead
	 * of those shown.
	 */
	static MockHttpServletRequestBuilder submitted(String html, MockHttpServletRequestBuilder request,
			Map<String, List<String>> changed) {
		changed.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		MultiValueMap<String, String> shown = new LinkedMultiValueMap<>();
		read(html, shown);
		shown.forEach((name, values) -> {
			if (!changed.containsKey(name)) {
				request.param(name, values.toArray(String[]::new));
			}
		});
		return request;
	}

	private static void read(String html, MultiValueMap<String, String> request) {
		Matcher form = FORM.matcher(html);
		assertThat(form.find()).as("an edit form").isTrue();
		String body = form.group(1);
		Matcher input = INPUT.matcher(body);
		while (input.find()) {
			String attributes = input.group(1);
			String name = attribute(attributes, "name");
			String type = attribute(attributes, "type");
			if (name == null || "submit".equals(type) || name.equals("_csrf")) {
				continue;
			}
			boolean choice = "checkbox".equals(type) || "radio".equals(type);
			if (!choice || attributes.matches("(?s).*\\schecked\\b.*")) {
				String value = attribute(attributes, "value");
				request.add(name, (value != null) ? value : (choice ? "on" : ""));
			}
		}
		Matcher select = SELECT.matcher(body);
		while (select.find()) {
			Matcher option = OPTION.matcher(select.group(2));
			while (option.find()) {
				if (option.group(1).matches("(?s).*\\sselected\\b.*")) {
					request.add(attribute(select.group(1), "name"), attribute(option.group(1), "value"));
				}
			}
		}
		Matcher textarea = TEXTAREA.matcher(body);
		while (textarea.find()) {
			// A browser drops the line break right after the opening tag and sends
			// each line break as CR LF.
			request.add(attribute(textarea.group(1), "name"), HtmlUtils
				.htmlUnescape(textarea.group(2).replaceFirst("^\\r?\\n", "").replaceAll("\\r?\\n", "\r\n")));
		}
	}

	private static String attribute(String attributes, String name) {
		Matcher matcher = Pattern.compile("(?s)(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
		return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
	}

}
