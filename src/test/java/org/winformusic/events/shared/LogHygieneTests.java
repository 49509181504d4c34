package org.winformusic.events.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.mail.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Logs never carry an email address, a phone number or a manage token in clear: not when
 * people register, register twice, ask for their link, open it, download their data, stop
 * news or erase their data, nor when the SMTP server is unreachable or a staff login
 * fails. Database errors are covered by {@code FewerTracesTests} (no row values in
 * exception messages).
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "spring.mail.port=9")
class LogHygieneTests {

	private static final String EMAIL = "Log.Hygiene.Person@example.org";

	private static final String NAME = "Persona Pulcrita de Prueba";

	private static final String PHONE = "+52 55 8765 4321";

	@Autowired
	MockMvc mvc;

	@Autowired
	OutboxSender sender;

	@Test
	void personalDataAndTokensNeverReachTheLog(CapturedOutput output) throws Exception {
		long mark = TestLog.mark();
		String manage = this.mvc.perform(registration())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
		assertThat(manage).startsWith("/r/");
		String token = manage.substring("/r/".length());
		this.mvc.perform(get(manage));
		this.mvc.perform(get(manage + "/event.ics"));
		this.mvc.perform(registration());
		this.mvc.perform(post("/events/mexico-workshop/lookup").with(csrf()).param("email", EMAIL));
		this.sender.sendDueMessages();
		this.mvc.perform(post("/admin/login").with(csrf()).param("username", EMAIL).param("password", "wrong"));
		this.mvc.perform(get(manage + "/data"));
		this.mvc.perform(get(manage + "/data.json"));
		this.mvc.perform(post(manage + "/news/stop").with(csrf()));
		this.mvc.perform(post(manage + "/erase").with(csrf()));

		// The application log goes to a file (logback-test.xml); the console gets
		// warnings.
		String file = TestLog.since(mark);
		assertThat(file).as("the application log of these requests").contains("will be retried");
		assertThat((output.getAll() + file).toLowerCase()).doesNotContain(EMAIL.toLowerCase())
			.doesNotContain("log.hygiene.person")
			.doesNotContain(NAME.toLowerCase())
			.doesNotContain(PHONE)
			.doesNotContain("8765 4321")
			.doesNotContain(token.toLowerCase());
	}

	private static MockHttpServletRequestBuilder registration() {
		return post("/events/mexico-workshop/register").with(csrf())
			.param("fullName", NAME)
			.param("email", EMAIL)
			.param("company", "Sello Discreto")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "JAL")
			.param("city", "Guadalajara")
			.param("phone", PHONE)
			.param("associationInterest", "MAYBE")
			.param("privacyConsent", "true");
	}

}
