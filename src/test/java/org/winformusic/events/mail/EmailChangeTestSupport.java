package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.winformusic.events.TestEvents;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the tests of a change of email address do as the registrant (the edit form, the
 * manage page), as the owner of the new address (the link in their email) and as staff,
 * and how they read what was sent.
 */
abstract class EmailChangeTestSupport extends MailIntegrationTestSupport {

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	MockMvc mvc;

	/** Registers on an event of the test's own and sends the confirmation email. */
	RegistrationResult registered(String name, String email, Locale locale) throws Exception {
		RegistrationResult result = this.registrations.register(freshEvent(), form(name, email), locale);
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("the registration's email").hasSize(1);
		greenMail.purgeEmailFromAllMailboxes();
		return result;
	}

	/** The registrant's edit form posted with {@code email}, as a form loaded now. */
	MockHttpServletRequestBuilder edit(String manage, String name, String email) {
		return fields(post(manage + "/edit"), name, email).with(csrf());
	}

	/** The same from a form that was loaded showing {@code shown} in its email field. */
	MockHttpServletRequestBuilder edit(String manage, String name, String email, String shown) {
		return edit(manage, name, email).param("emailShown", shown);
	}

	static MockHttpServletRequestBuilder fields(MockHttpServletRequestBuilder request, String name, String email) {
		return request.param("fullName", name)
			.param("email", email)
			.param("company", "Discos Norte")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "CMX")
			.param("city", "Ciudad de México")
			.param("associationInterest", "YES");
	}

	/** The confirmation link's path in the one email sent to {@code address}. */
	static String confirmPath(String address) {
		String text = plainText(to(address));
		return text.lines()
			.filter((line) -> line.startsWith("http://localhost:8080/email-change/"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no confirmation link in:\n" + text))
			.replace("http://localhost:8080", "");
	}

	static String plainText(MimeMessage message) {
		try {
			return (String) OutboxDeliveryTests.parts(message).get("text/plain").getContent();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String html(MimeMessage message) {
		try {
			return (String) OutboxDeliveryTests.parts(message).get("text/html").getContent();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The response's status and what a reader sees. */
	Answer answer(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		return new Answer(result.getResponse().getStatus(), result.getResponse().getRedirectedUrl(),
				text(result.getResponse().getContentAsString(StandardCharsets.UTF_8)));
	}

	/** The page at {@code path} in {@code lang}, as a reader sees it. */
	Answer page(String path, String lang) throws Exception {
		return answer(get(path).param("lang", lang));
	}

	/** Confirms with the link's button, as the owner of the new address does. */
	Answer confirm(String path) throws Exception {
		return answer(post(path).with(csrf()));
	}

	/** The registration's address as stored. */
	String storedEmail(long registrationId) {
		return this.jdbc.sql("select email from registration where id = ?")
			.param(registrationId)
			.query(String.class)
			.single();
	}

	/** Every message of the registration about its address: kind, status, recipient. */
	List<String> addressMessages(long registrationId) {
		return this.jdbc.sql("""
				select kind || ' ' || status || ' ' || coalesce(last_error, '-') || ' ' || coalesce(recipient, '-')
				  from outbox_message where registration_id = ? and kind like 'EMAIL%' order by id""")
			.param(registrationId)
			.query(String.class)
			.list();
	}

	static RequestPostProcessor organizer() {
		return user("org@win.test").roles("ORGANIZER");
	}

	/** What a reader sees: the page without its tags. */
	static String text(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<[^>]+>", " "))
			.replaceAll("\\s+", " ");
	}

	/** An event of this test's own, a month away. */
	String freshEvent() {
		return new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(Duration.ofDays(30)))
			.capacity(10)
			.create()
			.slug();
	}

	static RegistrationForm form(String name, String email) {
		return new RegistrationForm(name, email, "Discos Norte", null, "INDEPENDENT_LABEL", "CMX", "Ciudad de México",
				null, "YES", null, null, true, false, null);
	}

	/** A response: its status, where it redirects (or null), and its text. */
	record Answer(int status, String redirect, String text) {

	}

}
