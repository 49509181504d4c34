package org.winformusic.events.admin;

import java.io.UnsupportedEncodingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time password an ADMIN sees on the page that answers creating an account or
 * setting a new one-time password, read as the admin reads it.
 */
final class OneTimePasswords {

	private static final Pattern SHOWN = Pattern.compile("<code class=\"one-time-password\">([^<]*)</code>");

	private OneTimePasswords() {
	}

	static String shown(MvcResult answer) throws UnsupportedEncodingException {
		assertThat(answer.getResponse().getStatus()).as("the page with the one-time password").isEqualTo(200);
		Matcher shown = SHOWN.matcher(answer.getResponse().getContentAsString());
		assertThat(shown.find()).as("a one-time password on the page").isTrue();
		return HtmlUtils.htmlUnescape(shown.group(1));
	}

}
