package org.winformusic.events.privacy;

import java.time.Duration;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Strangers leave fewer traces and learn nothing: a wrong or throttled staff login stores
 * no session; changing one's address to one another registration uses does not say that
 * it is registered; a database constraint violation carries no row values into exception
 * messages or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class FewerTracesTests extends PersonalDataTestSupport {

	@Test
	void failedAndThrottledLoginsStoreNoSession() throws Exception {
		// Sessions created since, not all of them: the session store's cleanup may remove
		// expired ones meanwhile.
		long start = System.currentTimeMillis() - 1;
		for (int i = 0; i < 12; i++) {
			this.mvc.perform(post("/admin/login").with(csrf())
				.param("username", "nobody-" + i % 2 + "@example.org")
				.param("password", "wrong"));
		}
		assertThat(sessionsCreatedSince(start)).isZero();
	}

	@Test
	void editingToAnAddressAlreadyRegisteredDoesNotSayItIsRegistered(CapturedOutput output) throws Exception {
		String slug = event(Duration.ofDays(10), 5);
		String taken = marker();
		register(slug, Person.marked(taken, "+52 55 7777 0001"));
		Person person = Person.marked(marker(), "+52 55 7777 0002");
		String token = register(slug, person);

		// Pages behind the manage link speak the registrant's language unless asked. The
		// answer is the one any new address gets: its owner is told when confirming.
		String saved = this.mvc
			.perform(post("/r/" + token + "/edit").with(csrf())
				.param("lang", "en")
				.param("fullName", person.fullName())
				.param("email", taken + ".ana@example.org")
				.param("company", person.company())
				.param("companyType", person.companyType())
				.param("state", person.state())
				.param("city", person.city())
				.param("associationInterest", person.interest())
				.param("newsOptIn", "true")
				.param("jobTitle", person.jobTitle())
				.param("phone", person.phone())
				.param("referralSource", person.referralSource())
				.param("comments", person.comments()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(saved).isEqualTo("/r/" + token + "?emailPending");
		String page = body(get(saved).param("lang", "en"));

		assertThat(page).contains("One more step: to change your email address, open the link we sent to")
			.doesNotContain("already uses this address")
			.doesNotContain("already has a registration");
		assertThat(registrationId(person.email())).isPositive();
		assertThat(output.getAll()).doesNotContain(taken);
	}

	@Test
	void constraintViolationsCarryNoRowValuesIntoTheLog(CapturedOutput output) {
		String marker = marker();
		DataAccessException failure = catchThrowableOfType(DataAccessException.class, () -> this.jdbc.sql("""
				insert into outbox_message (kind, recipient, locale, subject, message_id, status, next_attempt_at,
				    created_at)
				values ('CONFIRMED', :recipient, 'es', :subject, :messageId, 'BOGUS', now(), now())
				""")
			.param("recipient", marker + "@example.org")
			.param("subject", "Hola Ana " + marker)
			.param("messageId", marker)
			.update());
		assertThat(failure).isNotNull();
		// Whoever logs such an exception, with its causes, logs no row values.
		LogFactory.getLog(FewerTracesTests.class).error("Outbox insert failed", failure);

		assertThat(output.getAll()).contains("outbox_message").doesNotContain(marker);
	}

	private long sessionsCreatedSince(long millis) {
		return this.jdbc.sql("select count(*) from spring_session where creation_time >= :millis")
			.param("millis", millis)
			.query(Long.class)
			.single();
	}

}
