package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Someone outside the event's country ("Fuera de México") types the phone of where they
 * live: without its country code it is no number of the event's country, so the form asks
 * for the code instead of storing a Colombian mobile as a Mexican one or advising Mexican
 * digits. Numbers with {@code +} work everywhere; people inside the country type theirs
 * as always.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PhoneFromAbroadPageTests {

	private static final AtomicInteger emails = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@ParameterizedTest
	@ValueSource(strings = { "es", "en" })
	void aNumberWithoutItsCountryCodeFromOutsideMexicoIsRefusedWithAMessageAskingForTheCode(String lang)
			throws Exception {
		Locale locale = Locale.forLanguageTag(lang);
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		for (String phone : List.of("300 123 4567", "020 7946 0958", "11 2345 6789", "55 1234 5678")) {
			String html = page(abroad(event.slug(), email(), phone).param("lang", lang));
			assertThat(html).as(phone)
				.contains(message("registration.error.phone.international", locale, "+57 300 123 4567"))
				.contains("value=\"" + phone + "\"")
				.doesNotContain(message("registration.error.phone.number.MX", locale));
		}
		assertThat(this.jdbc.sql("select count(*) from registration where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single()).isZero();
		// The form says so before anyone sends it.
		String form = page(get("/events/" + event.slug() + "/register").param("lang", lang));
		assertThat(form).contains(message("registration.hint.phone.abroad", locale,
				"es".equals(lang) ? "México" : "Mexico", "+57 300 123 4567"));
	}

	@Test
	void numbersWithTheirCountryCodeAreStoredAsTheyAreFromAnywhere() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(10).create();
		assertThat(registered(event.slug(), "+57 300 123 4567", "OUTSIDE_MX")).isEqualTo("+573001234567");
		assertThat(registered(event.slug(), "+44 20 7946 0958", "OUTSIDE_MX")).isEqualTo("+442079460958");
		// The international prefix dialled from Mexico is a country code too.
		assertThat(registered(event.slug(), "00 44 20 7946 0958", "OUTSIDE_MX")).isEqualTo("+442079460958");
		assertThat(registered(event.slug(), "+52 55 1234 5678", "OUTSIDE_MX")).isEqualTo("+525512345678");
		// Inside Mexico, as always: ten digits, or with +52.
		assertThat(registered(event.slug(), "55 1234 5678", "CMX")).isEqualTo("+525512345678");
		assertThat(registered(event.slug(), "+57 300 123 4567", "JAL")).isEqualTo("+573001234567");
	}

	@Test
	void outsideColombiaTheMessageShowsAnotherCountrysNumber() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().country("CO").capacity(5).create();
		String html = page(abroad(event.slug(), email(), "55 1234 5678").param("state", "OUTSIDE_CO"));
		assertThat(html).contains(
				message("registration.error.phone.international", Locale.forLanguageTag("es"), "+52 55 1234 5678"));
		assertThat(registered(event.slug(), "+52 55 1234 5678", "OUTSIDE_CO")).isEqualTo("+525512345678");
		assertThat(registered(event.slug(), "300 123 4567", "ANT")).isEqualTo("+573001234567");
	}

	/**
	 * The registrant's and the staff's edit forms show the number of someone outside the
	 * country with its code, so that saving them unchanged keeps working.
	 */
	@Test
	void editFormsShowTheNumberOfSomeoneOutsideTheCountryWithItsCodeAndSaveItUnchanged() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String email = email();
		String manage = this.mvc.perform(abroad(event.slug(), email, "+52 55 1234 5678"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
		String own = page(get(manage + "/edit"));
		assertThat(own).contains("value=\"+52 55 1234 5678\"");
		this.mvc
			.perform(abroad(manage + "/edit", email, "+52 55 1234 5678").param("version", version(own))
				.param("emailShown", email))
			.andExpect(redirectedUrl(manage + "?unchanged"));

		long id = this.jdbc.sql("select id from registration where email = ?").param(email).query(Long.class).single();
		String staffForm = page(get("/admin/registrations/" + id + "/edit").with(organizer()));
		assertThat(staffForm).contains("value=\"+52 55 1234 5678\"");
		// The staff form asks for the code in the same words.
		String refused = page(abroad("/admin/registrations/" + id + "/edit", email, "55 1234 5678")
			.param("version", version(staffForm))
			.with(organizer()));
		assertThat(refused).contains(
				message("registration.error.phone.international", Locale.forLanguageTag("es"), "+57 300 123 4567"));
		assertThat(this.jdbc.sql("select phone from registration where id = ?").param(id).query(String.class).single())
			.isEqualTo("+525512345678");
	}

	private MockHttpServletRequestBuilder abroad(String slugOrPath, String email, String phone) {
		String path = slugOrPath.startsWith("/") ? slugOrPath : "/events/" + slugOrPath + "/register";
		MockHttpServletRequestBuilder request = post(path).with(csrf());
		request.param("fullName", "Camila Rojas")
			.param("email", email)
			.param("company", "Discos Bogotá")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("city", "Bogotá")
			.param("phone", phone)
			.param("associationInterest", "YES")
			.param("privacyConsent", "true");
		return request.with((r) -> {
			if (r.getParameter("state") == null) {
				r.setParameter("state", "OUTSIDE_MX");
			}
			return r;
		});
	}

	/** Registers someone and returns the phone stored. */
	private String registered(String slug, String phone, String state) throws Exception {
		String email = email();
		this.mvc.perform(abroad(slug, email, phone).param("state", state)).andExpect(status().is3xxRedirection());
		return this.jdbc.sql("select phone from registration where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private static String version(String html) {
		Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static RequestPostProcessor organizer() {
		return user("organizer@win.test").roles("ORGANIZER");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale)
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String email() {
		return "abroad" + emails.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
	}

}
