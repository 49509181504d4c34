package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff pages as tests read them over MockMvc: a signed-in member of a role, a page that
 * must answer 200, and what a reader sees of it.
 */
final class StaffPages {

	private StaffPages() {
	}

	/** A staff member of {@code role} ({@code role@win.test}). */
	static RequestPostProcessor as(String role) {
		return user(role.toLowerCase(Locale.ROOT) + "@win.test").roles(role);
	}

	/** The page's HTML; fails unless it answers 200. */
	static String page(MockMvc mvc, RequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** What a reader sees: the page without its head and tags, entities read. */
	static String text(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", "")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&gt;", ">")
			.replace("&lt;", "<")
			.replace("&amp;", "&")
			.replace("&#39;", "'")
			.replaceAll("\\s+", " ");
	}

}
