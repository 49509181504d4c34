package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The emails on a registration's staff page say where each one went: the confirmation of
 * a change of address went to the new address, not to the one the registration still has,
 * and the page does not let it look otherwise.
 */
class StaffSeesWhereEachEmailWentTests extends EmailChangeTestSupport {

	@Test
	void theConfirmationOfANewAddressIsListedAsSentToThatAddress() throws Exception {
		String old = TestRegistrations.uniqueEmail("where-old");
		String asked = TestRegistrations.uniqueEmail("where-asked");
		RegistrationResult result = registered("Nora Nueva", old, Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Nora Nueva", asked)).andExpect(redirectedUrl(manage + "?emailPending"));
		long confirmation = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind = 'EMAIL_CONFIRM'")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		List<Long> others = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind <> 'EMAIL_CONFIRM'")
			.param(result.registrationId())
			.query(Long.class)
			.list();
		assertThat(others).isNotEmpty();

		for (String lang : new String[] { "en", "es" }) {
			String page = this.mvc
				.perform(get("/admin/registrations/" + result.registrationId()).param("lang", lang).with(organizer()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("<th>" + ("en".equals(lang) ? "To" : "Para") + "</th>");
			assertThat(row(page, confirmation)).contains(asked).doesNotContain(old);
			for (long other : others) {
				assertThat(row(page, other)).doesNotContain(asked);
			}
		}
	}

	/** The text of the emails table's row that links to the message {@code id}. */
	private static String row(String page, long id) {
		Matcher row = Pattern.compile("(?s)<tr>(?:(?!</tr>).)*?/admin/outbox/" + id + "\"(?:(?!</tr>).)*</tr>")
			.matcher(page);
		assertThat(row.find()).as("row of message " + id).isTrue();
		return text(row.group());
	}

}
