package org.winformusic.events.privacy;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every public page shows the privacy contact in its footer and a language switch that
 * keeps the visitor on it: pages rendered once and kept (event page, blank form) and
 * pages rendered per request. (Error pages: {@code ErrorPagesTests}.)
 */
class PrivacyContactOnPagesTests extends PersonalDataTestSupport {

	@Test
	void everyKindOfPageHasTheContactAndItsOwnLanguageSwitch() throws Exception {
		SoftAssertions softly = new SoftAssertions();
		String[] pages = { "/events/mexico-workshop", "/events/mexico-workshop/register",
				"/events/mexico-workshop/lookup", "/privacy", "/" };
		for (String page : pages) {
			for (int visit = 0; visit < 2; visit++) {
				// The second visit gets a kept page where there is one.
				var response = this.mvc.perform(get(page).header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX"))
					.andReturn()
					.getResponse();
				softly.assertThat(response.getStatus()).as(page).isEqualTo(200);
				softly.assertThat(response.getContentAsString())
					.as(page)
					.contains("href=\"mailto:privacidad@win.test\"")
					.contains("<a href=\"" + page + "?lang=en\" lang=\"en\"");
			}
		}
		softly.assertAll();
	}

}
