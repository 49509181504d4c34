package org.winformusic.events.admin;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The door page's search as a browser without JavaScript makes it: the form posts, and
 * the page the redirect leads to shows the results, the search carried as a flash
 * attribute in the session (never in the address).
 */
final class DoorSearches {

	private DoorSearches() {
	}

	/** The door page after searching {@code q}, as a staff member of {@code role}. */
	static String results(MockMvc mvc, String slug, String q, String role, String lang) throws Exception {
		RequestPostProcessor staff = user(role.toLowerCase(Locale.ROOT) + "@win.test").roles(role);
		String door = "/admin/events/" + slug + "/checkin";
		MvcResult posted = mvc.perform(post(door).param("q", q).with(csrf()).with(staff))
			.andExpect(redirectedUrl(door))
			.andReturn();
		// The staff session (stored in PostgreSQL) carries the flash attribute.
		Cookie session = posted.getResponse().getCookie("SESSION");
		return mvc.perform(get(door + "?lang=" + lang).cookie(session).with(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
