package org.winformusic.events.privacy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The old address of a changed one is stored with the notice it is sent (it is no longer
 * the registration's): it goes with the person's other data, at once when they erase it,
 * and when the event's retention period ends.
 */
class ChangedEmailTracesTests extends PersonalDataTestSupport {

	@Test
	void anErasureLeavesTheOldAddressNowhere() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+525512340011");
		String token = register(event(Duration.ofDays(20), 5), person);
		this.sender.sendDueMessages();
		String old = person.email();
		changeEmail(token, person, "nueva." + marker() + "@example.org");
		this.sender.sendDueMessages();
		assertThat(noticesTo(old)).as("the notice to the old address keeps it").isOne();

		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));

		assertThat(whereStored(old)).isEmpty();
	}

	@Test
	void theRetentionPeriodLeavesTheOldAddressNowhere() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+525512340012");
		String token = register(event(Duration.ofDays(2), 5), person);
		this.sender.sendDueMessages();
		changeEmail(token, person, "otra." + marker() + "@example.org");
		this.sender.sendDueMessages();
		assertThat(noticesTo(person.email())).isOne();

		this.clock.advance(Duration.ofDays(2 + 181));
		this.retention.run();

		assertThat(whereStored(person.email())).isEmpty();
	}

	private long noticesTo(String address) {
		return this.jdbc
			.sql("select count(*) from outbox_message where kind = 'EMAIL_CHANGED_OLD' and status = 'SENT' "
					+ "and recipient = ?")
			.param(address)
			.query(Long.class)
			.single();
	}

	private void changeEmail(String token, Person person, String email) throws Exception {
		MockHttpServletRequestBuilder edit = post("/r/" + token + "/edit").with(csrf())
			.param("fullName", person.fullName())
			.param("email", email)
			.param("company", person.company())
			.param("jobTitle", person.jobTitle())
			.param("companyType", person.companyType())
			.param("state", person.state())
			.param("city", person.city())
			.param("phone", person.phone())
			.param("associationInterest", person.interest())
			.param("referralSource", person.referralSource())
			.param("comments", person.comments())
			.param("newsOptIn", "true");
		this.mvc.perform(edit).andExpect(redirectedUrl("/r/" + token + "?saved&emailChanged"));
	}

}
