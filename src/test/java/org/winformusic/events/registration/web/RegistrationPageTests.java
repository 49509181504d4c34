package org.winformusic.events.registration.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.Race;
import org.winformusic.events.registration.RecordedMessages;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registration form, the manage page and the lookup form as a visitor uses them, in
 * Spanish and English, with hostile input.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(RecordedMessages.class)
class RegistrationPageTests {

	private static final AtomicInteger emails = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	RecordedMessages recorded;

	@Autowired
	StaffRegistrations staff;

	@Test
	void formShowsEveryFieldWithLabelsInSpanishByDefault() throws Exception {
		String html = page(get("/events/mexico-workshop/register"));
		assertThat(html)
			.contains("Nombre completo", "Correo electrónico", "Empresa o sello", "Ciudad de México", "Fuera de México",
					"Sello independiente", "aviso de privacidad", "href=\"/privacy\"")
			.contains("name=\"fullName\"", "autocomplete=\"email\"", "inputmode=\"email\"", "inputmode=\"tel\"",
					"name=\"formStamp\"", "name=\"_csrf\"")
			.contains("class=\"hp\" aria-hidden=\"true\"", "name=\"website\" tabindex=\"-1\"");
		assertThat(count("select count(*) from registration where 1 = ?", 1)).isNotNegative();
	}

	@Test
	void validRegistrationRedirectsToTheManagePageWithStatusInWords() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String location = this.mvc.perform(valid(event.slug(), email()).param("lang", "en"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/r/[A-Za-z0-9_-]{43}\\?new");
		String html = page(get(location).param("lang", "en"));
		assertThat(html).contains("Confirmed: you have a seat.", "Ana Pérez", "Download event.ics");
		assertThat(this.mvc.perform(get(location)).andReturn().getResponse().getHeader("Referrer-Policy"))
			.isEqualTo("no-referrer");
	}

	@Test
	void secondRegistrationWithTheSameAddressSaysAlreadyRegisteredAndEmailsTheLinkAgain() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String email = email();
		this.mvc.perform(valid(event.slug(), email)).andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from registration where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single();
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id);
		String html = page(valid(event.slug(), email.toUpperCase(Locale.ROOT)).param("lang", "en"));
		assertThat(html).contains("You are already registered", "Its personal link has been emailed to it");
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isEqualTo(1);
		assertThat(this.recorded.about(id)).extracting(RegistrationMessage::type)
			.containsExactly(RegistrationMessage.Type.CONFIRMED, RegistrationMessage.Type.LINK_REMINDER);
	}

	/**
	 * A double tap without JavaScript (or Back and send again) posts the form twice: one
	 * registration, and one email, the first, which carries the link. The second answer
	 * says the link went by email, which it did.
	 */
	@Test
	void theSameFormSentTwiceAtOnceSendsOneEmail() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String email = email();
		this.mvc.perform(valid(event.slug(), email)).andExpect(status().is3xxRedirection());
		String html = page(valid(event.slug(), email).param("lang", "es"));
		assertThat(html).contains("Ya tienes un registro", "El enlace personal se envió a ese correo");
		long id = this.jdbc.sql("select id from registration where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single();
		assertThat(this.recorded.about(id)).extracting(RegistrationMessage::type)
			.containsExactly(RegistrationMessage.Type.CONFIRMED);
	}

	@Test
	void theAlreadyRegisteredPageSaysTheSameWhateverTheRegistrationsStatus() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String kept = email();
		String declined = email();
		this.mvc.perform(valid(event.slug(), kept)).andExpect(status().is3xxRedirection());
		this.mvc.perform(valid(event.slug(), declined)).andExpect(status().is3xxRedirection());
		this.staff.decline(this.jdbc.sql("select id from registration where event_id = ? and email = ?")
			.params(event.id(), declined)
			.query(Long.class)
			.single());

		// Whoever typed the address sees this page: it must tell them nothing about the
		// registration behind it. Its owner learns the status from the email.
		for (String lang : List.of("es", "en")) {
			String toKept = withoutCsrf(page(valid(event.slug(), kept).param("lang", lang)));
			String toDeclined = withoutCsrf(page(valid(event.slug(), declined).param("lang", lang)));
			assertThat(toDeclined).isEqualTo(toKept)
				.contains(message("registration.duplicate.text", Locale.forLanguageTag(lang)));
			assertThat(toKept).doesNotContain("cambiar o cancelar").doesNotContain("change or cancel");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "es", "en" })
	void everyValidationMessageIsShownInTheVisitorsLanguage(String lang) throws Exception {
		Locale locale = Locale.forLanguageTag(lang);
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String empty = page(post("/events/" + event.slug() + "/register").with(csrf()).param("lang", lang));
		for (String key : List.of("fullName.required", "email.required", "company.required", "companyType.required",
				"state.required", "city.required", "associationInterest.required", "privacyConsent.required")) {
			assertThat(empty).contains(message("registration.error." + key, locale));
		}
		assertThat(empty).contains("class=\"error-summary\"", "href=\"#fullName\"",
				"aria-describedby=\"email-hint email-error\"");

		String wrong = page(valid(event.slug(), "not-an-address").param("lang", lang)
			.with(set("fullName", "x".repeat(121)))
			.with(set("company", "Sello\u202Eoculto"))
			.with(set("companyType", "SPACESHIP"))
			.with(set("phone", "call me maybe")));
		assertThat(wrong).contains(message("registration.error.email.invalid", locale),
				message("registration.error.tooLong", locale, 120), message("registration.error.characters", locale),
				message("registration.error.choice", locale), message("registration.error.phone.invalid", locale))
			.contains("value=\"call me maybe\"");

		String repeated = page(valid(event.slug(), email()).param("lang", lang).param("email", "other@example.com"));
		assertThat(repeated).contains(message("registration.error.repeated", locale));

		String typo = page(valid(event.slug(), "ana@gmial.com").param("lang", lang));
		// A likely typo is a hint with a one-tap "use" button, not an error.
		assertThat(typo).contains(message("ux.email.suggestion.question", locale, "ana@gmail.com"))
			.contains(message("ux.email.suggestion.use", locale, "ana@gmail.com"))
			.contains("data-use-email=\"ana@gmail.com\"")
			.contains("name=\"emailConfirmed\" value=\"ana@gmial.com\"")
			.doesNotContain("class=\"error-summary\"")
			.doesNotContain("id=\"email-error\"");
		this.mvc.perform(valid(event.slug(), "ana@gmial.com").param("emailConfirmed", "ana@gmial.com"))
			.andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isEqualTo(1);
	}

	/**
	 * The bounds of DESIGN's field table, one field at a time: the longest value allowed
	 * is stored whole, and one character more brings the form back with the limit next to
	 * that field, storing nothing.
	 */
	@ParameterizedTest
	@CsvSource({ "fullName, full_name, 120", "company, company, 150", "jobTitle, job_title, 100", "city, city, 100",
			"referralSource, referral_source, 100", "comments, comments, 1000" })
	void eachBoundedFieldStoresItsLongestValueWholeAndRefusesOneCharacterMore(String field, String column, int max)
			throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String longest = "Ñandú " + "x".repeat(max - 6);

		this.mvc.perform(valid(event.slug(), email()).with(set(field, longest))).andExpect(status().is3xxRedirection());
		String refused = page(valid(event.slug(), email()).with(set(field, longest + "x")));

		assertThat(this.jdbc.sql("select " + column + " from registration where event_id = ?")
			.param(event.id())
			.query(String.class)
			.list()).containsExactly(longest);
		assertThat(refused).contains("id=\"" + field + "-error\"")
			.contains(message("registration.error.tooLong", Locale.forLanguageTag("es"), max));
	}

	@Test
	void anAddressOf254CharactersIsTakenAndOneOf255IsNot() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		// 64 before the @ (the most SMTP allows), then labels of at most 63.
		String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".mx";
		assertThat(longest).hasSize(254);

		this.mvc.perform(valid(event.slug(), longest)).andExpect(status().is3xxRedirection());
		String refused = page(valid(event.slug(), "e" + longest));

		assertThat(this.jdbc.sql("select email from registration where event_id = ?")
			.param(event.id())
			.query(String.class)
			.list()).containsExactly(longest);
		assertThat(refused).contains("id=\"email-error\"");
	}

	@Test
	void aPhoneNumberLongerThanThirtyCharactersIsRefusedNextToTheField() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();

		String refused = page(valid(event.slug(), email()).with(set("phone", "+52 55 1234 5678 ext. 1234567890")));

		assertThat(refused).contains("id=\"phone-error\"");
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "es", "en" })
	void anAddressWeCouldNotDeliverToIsRefusedWithItsReasonAndAnAccentedDomainIsTaken(String lang) throws Exception {
		Locale locale = Locale.forLanguageTag(lang);
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();

		// Accents before the @ need SMTPUTF8 on every server on the way.
		assertThat(page(valid(event.slug(), "josé.peña@example.com").param("lang", lang)))
			.contains(message("registration.error.email.localPart", locale), "id=\"email-error\"");
		// IDNA2003 would send this to strasse.de, another domain under IDNA2008.
		assertThat(page(valid(event.slug(), "ana@straße.de").param("lang", lang)))
			.contains(message("registration.error.email.domain", locale), "id=\"email-error\"");
		// A 60-letter label is more than 63 once written in ASCII.
		assertThat(page(valid(event.slug(), "ana@" + "ñ".repeat(60) + ".mx").param("lang", lang)))
			.contains(message("registration.error.email.domain", locale), "id=\"email-error\"");
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();

		String typed = "ana" + emails.incrementAndGet() + "@diseño.mx";
		this.mvc.perform(valid(event.slug(), typed)).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select email from registration where event_id = ?")
			.param(event.id())
			.query(String.class)
			.single()).isEqualTo(typed);
	}

	@Test
	void anAccentedDomainAndItsAsciiSpellingAreOneAddressForDuplicatesAndTheLinkLookup() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String local = "ana" + emails.incrementAndGet();
		String accented = local + "@diseño.mx";
		String ascii = local + "@xn--diseo-rta.mx";
		this.mvc.perform(valid(event.slug(), accented)).andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from registration where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single();
		// Each form past the minutes in which a second one is taken for a double tap.
		TestRegistrations registrations = new TestRegistrations(this.jdbc);
		registrations.pastTheDoubleTapWindow(id);
		String sameSpelling = withoutCsrf(page(valid(event.slug(), accented).param("lang", "en")));
		registrations.pastTheDoubleTapWindow(id);
		String otherSpelling = withoutCsrf(page(valid(event.slug(), ascii).param("lang", "en")));
		registrations.pastTheDoubleTapWindow(id);
		String otherCase = withoutCsrf(page(valid(event.slug(), local + "@XN--DISEO-RTA.MX").param("lang", "en")));
		assertThat(otherSpelling).isEqualTo(sameSpelling)
			.isEqualTo(otherCase)
			.contains(message("registration.duplicate.text", Locale.ENGLISH));
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isEqualTo(1);
		registrations.pastTheDoubleTapWindow(id);
		this.mvc.perform(post("/events/" + event.slug() + "/lookup").with(csrf()).param("email", ascii))
			.andExpect(status().isOk());
		assertThat(this.recorded.about(id)).extracting(RegistrationMessage::type)
			.containsExactly(RegistrationMessage.Type.CONFIRMED, RegistrationMessage.Type.LINK_REMINDER,
					RegistrationMessage.Type.LINK_REMINDER, RegistrationMessage.Type.LINK_REMINDER,
					RegistrationMessage.Type.LINK_REMINDER);
	}

	@Test
	void anAddressTypedWithAnAsciiDomainIsStoredWithTheDomainPeopleReadAndTheOtherSpellingIsADuplicate()
			throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String local = "Ana.Diaz" + emails.incrementAndGet();
		this.mvc.perform(valid(event.slug(), local + "@xn--diseo-rta.mx")).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select email from registration where event_id = ?")
			.param(event.id())
			.query(String.class)
			.single()).as("the part before the @ as typed, the domain in its Unicode form")
			.isEqualTo(local + "@diseño.mx");

		assertThat(page(valid(event.slug(), local + "@DISEÑO.mx").param("lang", "en")))
			.contains(message("registration.duplicate.text", Locale.ENGLISH));
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isEqualTo(1);
	}

	@Test
	void theBinderStoresComposedTextRefusesRepeatedFieldsAndReadsNothingButTheForm() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String repeated = page(valid(event.slug(), email()).param("privacyConsent", "true").param("lang", "en"));
		assertThat(repeated).contains(message("registration.error.repeated", Locale.ENGLISH))
			.contains("href=\"#privacyConsent\"");
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();

		// Accents as some keyboards and copy-pastes send them (a letter, then the
		// combining mark) are stored composed, without the spaces around them; a header
		// or parameter that is no field of the form changes nothing.
		String email = email();
		this.mvc
			.perform(valid(event.slug(), email).with(set("fullName", "  Jose\u0301 Pen\u0303a  "))
				.header("comments", "from a header")
				.param("status", "DECLINED")
				.param("answers[1]", "x"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc
			.sql("select full_name || '|' || coalesce(comments, '') || '|' || status from registration"
					+ " where event_id = ?")
			.param(event.id())
			.query(String.class)
			.single()).isEqualTo("Jos\u00e9 Pe\u00f1a||CONFIRMED");
	}

	@Test
	void theRegistrantsEditIsCheckedAsTheFormAndATakenAddressOnlyWaitsForConfirmationLikeAnyOther() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String email = email();
		String location = this.mvc.perform(valid(event.slug(), email))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
		String other = email();
		this.mvc.perform(valid(event.slug(), other)).andExpect(status().is3xxRedirection());

		assertThat(page(valid(location + "/edit", email).param("city", "Puebla").param("lang", "en")))
			.contains(message("registration.error.repeated", Locale.ENGLISH));
		assertThat(page(valid(location + "/edit", email).with(set("city", "Pue\u0000bla")).param("lang", "en")))
			.contains(message("registration.error.characters", Locale.ENGLISH))
			.contains("value=\"Ana P\u00e9rez\"");
		// The same answer as for a free address: its owner is told when confirming.
		this.mvc.perform(valid(location + "/edit", other.toUpperCase(Locale.ROOT)).param("lang", "es"))
			.andExpect(redirectedUrl(location + "?emailPending"));
		assertThat(this.jdbc.sql("select email || ' ' || city from registration where event_id = ? and email = ?")
			.params(event.id(), email)
			.query(String.class)
			.single()).isEqualTo(email + " Ciudad de M\u00e9xico");
	}

	@Test
	void hostileInputIsStoredLiterallyAndShownEscapedAndNeverSetsTheStatus() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(0).create();
		String location = this.mvc
			.perform(valid(event.slug(), email()).with(set("fullName", "<script>alert(1)</script> O'Brien"))
				.with(set("company", "'; drop table registration; --"))
				.with(set("city", "[[${7*7}]]"))
				.with(set("comments", "line one\r\nline two <b>bold</b>"))
				.param("status", "CONFIRMED")
				.param("eventId", "1")
				.param("id", "1")
				.param("waitlistSeq", "0"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String html = page(get(location).param("lang", "en"));
		assertThat(html)
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien", "[[${7*7}]]",
					"&#39;; drop table registration; --", "&lt;b&gt;bold&lt;/b&gt;")
			.doesNotContain("<script>alert", "<b>bold", ">49<")
			.contains("On the waitlist: you are number 1.");
		assertThat(
				this.jdbc.sql("select event_id from registration where city = '[[${7*7}]]'").query(Long.class).single())
			.isEqualTo(event.id());
	}

	@Test
	void controlDirectionAndUndecodableCharactersAndHugeValuesGetAClearError() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String invalidUtf8 = new String(new byte[] { 'A', (byte) 0xFF, (byte) 0xFE, 'B' }, StandardCharsets.UTF_8);
		for (String hostile : List.of("Ana\u202EPérez", "Ana\u0000Pérez", "Ana\r\nBcc: x@example.com", "Ana\u200B",
				invalidUtf8, "\uFEFFAna")) {
			String html = page(valid(event.slug(), email()).with(set("fullName", hostile)).param("lang", "en"));
			assertThat(html).contains(message("registration.error.characters", Locale.ENGLISH));
		}
		String huge = "a".repeat(10_000);
		for (String field : List.of("fullName", "company", "jobTitle", "city", "phone", "referralSource", "comments",
				"email")) {
			String html = page(valid(event.slug(), email()).with(set(field, huge)).param("lang", "en"));
			assertThat(html).contains("class=\"error-summary\"");
		}
		String html = page(valid(event.slug(), "a@b.com\r\nBcc: victim@example.com").param("lang", "en"));
		assertThat(html).contains(message("registration.error.characters", Locale.ENGLISH));
		for (String bad : List.of("Ana <ana@example.com>", "a@example")) {
			assertThat(page(valid(event.slug(), bad).param("lang", "en")))
				.contains(message("registration.error.email.invalid", Locale.ENGLISH));
		}
		assertThat(page(valid(event.slug(), "a@example.com, b@example.com").param("lang", "en")))
			.contains(message("registration.error.email.several", Locale.ENGLISH));
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();
	}

	@Test
	void commentsCountAndStoreEachLineBreakAsOneCharacterAsTheBrowserDoes() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		// Ten lines of 99 characters: 1,000 characters to the textarea's maxlength,
		// posted with CRLF line breaks.
		String line = "x".repeat(99);
		String crlf = (line + "\r\n").repeat(10);
		String email = email();
		this.mvc.perform(valid(event.slug(), email).param("comments", crlf).param("lang", "es"))
			.andExpect(status().is3xxRedirection());
		assertThat(commentsOf(email)).isEqualTo(String.join("\n", java.util.Collections.nCopies(10, line)))
			.doesNotContain("\r");

		// A lone CR (old systems) is a line break too.
		String other = email();
		this.mvc.perform(valid(event.slug(), other).param("comments", "uno\rdos\r\ntres"))
			.andExpect(status().is3xxRedirection());
		assertThat(commentsOf(other)).isEqualTo("uno\ndos\ntres");

		// The limit still holds: 1,001 characters with the line breaks counted once.
		String tooLong = page(valid(event.slug(), email()).param("comments", crlf + "xy").param("lang", "es"));
		// Numbers written as in Mexico, not as in Spain ("1.000").
		assertThat(tooLong).contains("Usa como máximo 1,000 caracteres.");
	}

	/**
	 * One address typed wrong is not "several addresses": the message asks to check it
	 * and shows what one looks like; only several typed together are told to type one.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "es", "en" })
	void aMalformedAddressIsToldToBeCheckedAndOnlySeveralAddressesAreToldToTypeOne(String lang) throws Exception {
		Locale locale = Locale.forLanguageTag(lang);
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String check = "es".equals(lang) ? "Revisa tu correo electrónico: debe verse como nombre@ejemplo.com."
				: "Check your email address: it should look like name@example.com.";
		String one = "es".equals(lang) ? "un solo correo" : "only one email";
		for (String typed : List.of("a@b", "no-es-correo", "juan@correo.com.mx.")) {
			assertThat(page(valid(event.slug(), typed).param("lang", lang))).as(typed)
				.contains(check)
				.doesNotContain(one)
				.contains("value=\"" + typed + "\"");
		}
		for (String several : List.of("ana@example.com, luis@example.com", "ana@example.com luis@example.com",
				"ana@example.com;luis@example.com")) {
			assertThat(page(valid(event.slug(), several).param("lang", lang))).as(several)
				.contains(message("registration.error.email.several", locale))
				.contains(one);
		}
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "es", "en" })
	void aPhoneTypedWithAllowedCharactersThatIsNoNumberIsToldToCheckTheNumber(String lang) throws Exception {
		Locale locale = Locale.forLanguageTag(lang);
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		for (String phone : List.of("1234", "55 1234 567", "+52 55 1234", "(55) 1234-56")) {
			String html = page(valid(event.slug(), email()).with(set("phone", phone)).param("lang", lang));
			assertThat(html).as(phone)
				.contains(message("registration.error.phone.number.MX", locale))
				.doesNotContain(message("registration.error.phone.invalid", locale));
		}
		// Letters are the characters' fault, and the message says so.
		assertThat(page(valid(event.slug(), email()).with(set("phone", "55 1234 ABCD")).param("lang", lang)))
			.contains(message("registration.error.phone.invalid", locale));
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();
	}

	@Test
	void aMexicanMobileTypedWithItsOldPrefixIsStoredWithoutIt() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		for (String phone : List.of("044 55 1234 5678", "045 55 1234 5678", "+52 1 55 1234 5678",
				"+52 1 (55) 1234-5678", "01 55 1234 5678", "01 (55) 1234-5678")) {
			String email = email();
			this.mvc.perform(valid(event.slug(), email).with(set("phone", phone)))
				.andExpect(status().is3xxRedirection());
			assertThat(this.jdbc.sql("select phone from registration where email = ?")
				.param(email)
				.query(String.class)
				.single()).as(phone).isEqualTo("+525512345678");
		}
		// The long-distance prefix of landlines and toll-free numbers until 2019, too.
		String email = email();
		this.mvc.perform(valid(event.slug(), email).with(set("phone", "01 800 123 4567")))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select phone from registration where email = ?")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("+528001234567");
	}

	@Test
	void aJoinerInsideAnEmojiIsAcceptedAndAnywhereElseRefused() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String singer = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83C\uDFA4";
		String rainbowFlag = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
		for (String name : List.of("Ana " + singer, "Ana " + rainbowFlag, "Ana " + family + " P\u00e9rez")) {
			String email = email();
			this.mvc.perform(valid(event.slug(), email).with(set("fullName", name)).param("lang", "es"))
				.andExpect(status().is3xxRedirection());
			assertThat(this.jdbc.sql("select full_name from registration where email = ?")
				.param(email)
				.query(String.class)
				.single()).isEqualTo(name);
		}
		// Not between two emoji: invisible, and refused as before.
		for (String name : List.of("Ana\u200DP\u00e9rez", "Ana \uD83D\uDC69\u200D", "\u200D\uD83C\uDFA4 Ana",
				"Ana\u200D\uD83C\uDFA4", "Ana \uD83D\uDC69\u200B\uD83C\uDFA4")) {
			String html = page(valid(event.slug(), email()).with(set("fullName", name)).param("lang", "es"));
			assertThat(html).as(name).contains(message("registration.error.characters", Locale.forLanguageTag("es")));
		}
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isEqualTo(3);
	}

	@Test
	void everyInvisibleFormatCharacterIsRefusedInSingleLineFields() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		// Unicode category Cf beyond the zero-width and bidi ranges: soft hyphen, Arabic
		// letter mark, Mongolian vowel separator, word joiner, invisible times, a tag.
		for (String hostile : List.of("Ana\u00ADPérez", "Ana\u061C", "Ana\u180EPérez", "Ana\u2060Pérez", "Ana\u2062",
				"Ana" + Character.toString(0xE0041))) {
			String html = page(valid(event.slug(), email()).with(set("company", hostile)).param("lang", "en"));
			assertThat(html).contains(message("registration.error.characters", Locale.ENGLISH));
		}
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();
	}

	@Test
	void oversizedBodyGetsA413NotA500() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		byte[] body = ("fullName=" + "a".repeat(1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
		this.mvc
			.perform(post("/events/" + event.slug() + "/register").contentType("application/x-www-form-urlencoded")
				.content(body))
			.andExpect(status().is(413));
	}

	@Test
	void outsideTheWindowTheFormIsNotShownAndAPostIsRefused() throws Exception {
		Instant now = Instant.now();
		TestEvents.Created closed = new TestEvents(this.jdbc).event()
			.window(now.minus(10, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS))
			.capacity(5)
			.create();
		String form = page(get("/events/" + closed.slug() + "/register").param("lang", "en"));
		assertThat(form).contains("Registration closed on ").doesNotContain("name=\"fullName\"");
		String posted = page(valid(closed.slug(), email()).param("lang", "es"));
		// Sent after the close: the answer says when it closed, in the event's zone.
		assertThat(posted)
			.containsPattern("El registro cerró el [a-záé]+ \\d{1,2} de [a-z]+ de \\d{4}, \\d\\d:\\d\\d"
					+ " \\(hora de la Ciudad de México\\)\\.")
			.doesNotContain("name=\"fullName\"");

		TestEvents.Created hidden = new TestEvents(this.jdbc).event().unpublished().capacity(5).create();
		// An unpublished event has no public page: its form answers "not found".
		this.mvc.perform(valid(hidden.slug(), email()).param("lang", "en")).andExpect(status().isNotFound());
		assertThat(count("select count(*) from registration where event_id in (?, " + hidden.id() + ")", closed.id()))
			.isZero();
		this.mvc.perform(get("/events/no-such-event/register")).andExpect(status().isNotFound());
	}

	@Test
	void filledHoneypotGetsANeutralAnswerAndNothingIsStored() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String html = page(valid(event.slug(), email()).param("website", "http://spam.example").param("lang", "en"));
		assertThat(html).contains("Thank you. Please check your email");
		assertThat(count("select count(*) from registration where event_id = ?", event.id())).isZero();
	}

	@Test
	void managePageEditsCancelsWithConfirmationAndOffersACalendarFile() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		String email = email();
		String location = this.mvc.perform(valid(event.slug(), email))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
		String waiting = this.mvc.perform(valid(event.slug(), email()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");

		assertThat(page(get(location + "/edit").param("lang", "en"))).contains("value=\"Ana Pérez\"");
		this.mvc.perform(valid(location + "/edit", email).with(set("fullName", "Ana María Pérez")))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get(location).param("lang", "en"))).contains("Ana María Pérez")
			.contains("Your entry code")
			.contains("alt=\"Check-in QR code\"")
			.contains("src=\"data:image/svg+xml;base64,");
		assertThat(page(get(waiting).param("lang", "en"))).doesNotContain("Your entry code");
		assertThat(page(valid(location + "/edit", "broken").param("lang", "en")))
			.contains(message("registration.error.email.invalid", Locale.ENGLISH));

		MvcResult ics = this.mvc.perform(get(location + "/event.ics")).andExpect(status().isOk()).andReturn();
		assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
		ICalendar calendar = Biweekly
			.parse(new StringReader(ics.getResponse().getContentAsString(StandardCharsets.UTF_8)))
			.first();
		VEvent entry = calendar.getEvents().get(0);
		assertThat(entry.getUid().getValue()).matches("registration-\\d+@win-events");
		assertThat(entry.getSummary().getValue()).isEqualTo("Taller de prueba");
		// The address does not name the country: the calendar adds it.
		assertThat(entry.getLocation().getValue()).isEqualTo("Sede, Calle 1, CDMX, México");
		assertThat(entry.getDescription().getValue()).contains("http://localhost:8080/events/" + event.slug());
		assertThat(ics.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain(location.substring("/r/".length()))
			.doesNotContain("/r/");
		assertThat(entry.getDateEnd().getValue().getTime() - entry.getDateStart().getValue().getTime())
			.isEqualTo(4 * 3600_000L);

		assertThat(page(get(location + "/cancel").param("lang", "en"))).contains("Yes, cancel my registration");
		this.mvc.perform(post(location + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(page(get(location).param("lang", "en"))).contains("Cancelled.").doesNotContain("/edit");
		assertThat(page(get(waiting).param("lang", "en"))).contains("Confirmed: you have a seat.");
		this.mvc.perform(post(location + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(get(location + "/edit")).andExpect(status().is3xxRedirection());
	}

	@Test
	void unknownOrTamperedTokensGetTheOrdinaryNotFoundPage() throws Exception {
		this.mvc.perform(get("/r/" + "A".repeat(43))).andExpect(status().isNotFound());
		this.mvc.perform(get("/r/short")).andExpect(status().isNotFound());
		this.mvc.perform(get("/r/" + "A".repeat(43) + "/event.ics")).andExpect(status().isNotFound());
		this.mvc.perform(post("/r/" + "A".repeat(43) + "/cancel").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void lookupWithControlCharactersAnswersAsForAnUnknownAddress() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String html = page(post("/events/" + event.slug() + "/lookup").with(csrf())
			.param("email", "ana\u0000@example.com")
			.param("lang", "en"));
		assertThat(html).contains("If this address is registered for this event");
	}

	/**
	 * Whether an address is registered stays secret, but an address no registration could
	 * hold is a typing mistake: the visitor is told, keeps what they typed, and nothing
	 * is looked up.
	 */
	@Test
	void lookupOfSomethingThatIsNotAnAddressSaysSoAndKeepsWhatWasTyped() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String spanish = page(
				post("/events/" + event.slug() + "/lookup").with(csrf()).param("email", "ana perez en gmail"));
		assertThat(spanish).contains(message("registration.error.email.invalid", Locale.forLanguageTag("es")))
			.contains("value=\"ana perez en gmail\"", "aria-invalid=\"true\"")
			.doesNotContain(message("registration.lookup.sent", Locale.forLanguageTag("es")));
		String english = page(
				post("/events/" + event.slug() + "/lookup").with(csrf()).param("email", " ").param("lang", "en"));
		assertThat(english).contains(message("registration.error.email.required", Locale.ENGLISH))
			.doesNotContain("If this address is registered for this event");
	}

	/**
	 * Once sent, the page says where to look instead of showing the form again (which
	 * read as "not done yet"), and another address is one link away.
	 */
	@Test
	void aSentLookupSaysWhereToLookAndLeadsToTheFormForAnotherAddress() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String lookup = "/events/" + event.slug() + "/lookup";
		for (Locale locale : List.of(Locale.forLanguageTag("es"), Locale.ENGLISH)) {
			String html = page(
					post(lookup).with(csrf()).param("email", "nadie@example.com").param("lang", locale.getLanguage()));

			assertThat(html)
				.contains("<h1>" + message("registration.lookup.sent.title", locale) + "</h1>",
						message("registration.lookup.sent", locale), message("registration.lookup.sent.other", locale),
						"<a href=\"" + lookup + "\">" + message("registration.lookup.sent.again", locale) + "</a>")
				.doesNotContain("name=\"email\"", message("registration.lookup.submit", locale));
			assertThat(page(get(lookup).param("lang", locale.getLanguage())))
				.contains("name=\"email\"", message("registration.lookup.submit", locale))
				.doesNotContain(message("registration.lookup.sent", locale));
		}
	}

	@Test
	void lookupAnswersTheSameWhetherOrNotTheAddressIsRegistered() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String email = email();
		this.mvc.perform(valid(event.slug(), email)).andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from registration where event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single();

		// Right after registering the lookup sends nothing (the first email, with the
		// link, is on its way), and says so no more than when it sends.
		String tooSoon = page(
				post("/events/" + event.slug() + "/lookup").with(csrf()).param("email", email).param("lang", "en"));
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id);
		String registered = page(post("/events/" + event.slug() + "/lookup").with(csrf())
			.param("email", email.toUpperCase(Locale.ROOT))
			.param("lang", "en"));
		String unknown = page(post("/events/" + event.slug() + "/lookup").with(csrf())
			.param("email", "nobody@example.com")
			.param("lang", "en"));

		assertThat(withoutCsrf(registered)).isEqualTo(withoutCsrf(unknown))
			.isEqualTo(withoutCsrf(tooSoon))
			.contains("If this address is registered for this event");
		assertThat(this.recorded.about(id)).extracting(RegistrationMessage::type)
			.containsExactly(RegistrationMessage.Type.CONFIRMED, RegistrationMessage.Type.LINK_REMINDER);
	}

	@Test
	void concurrentHttpRegistrationsNeverOverbook() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(30).create();
		List<Integer> statuses = Race.race(100,
				(i) -> () -> this.mvc.perform(valid(event.slug(), "http" + i + "@example.com"))
					.andReturn()
					.getResponse()
					.getStatus());
		assertThat(statuses).containsOnly(302);
		assertThat(count("select count(*) from registration where event_id = ? and status = 'CONFIRMED'", event.id()))
			.isEqualTo(30);
		assertThat(count("select count(*) from registration where event_id = ? and status = 'WAITLISTED'", event.id()))
			.isEqualTo(70);
	}

	private MockHttpServletRequestBuilder valid(String slugOrPath, String email) {
		String path = slugOrPath.startsWith("/") ? slugOrPath : "/events/" + slugOrPath + "/register";
		return post(path).with(csrf())
			.param("fullName", "Ana Pérez")
			.param("email", email)
			.param("company", "Discos Norte")
			.param("jobTitle", "Directora")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "CMX")
			.param("city", "Ciudad de México")
			.param("phone", "+52 55 1234 5678")
			.param("associationInterest", "YES")
			.param("privacyConsent", "true");
	}

	/** Replaces a parameter of a prepared request (a second .param would repeat it). */
	private static RequestPostProcessor set(String name, String value) {
		return (request) -> {
			request.setParameter(name, value);
			return request;
		};
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String withoutCsrf(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale)
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private String commentsOf(String email) {
		return this.jdbc.sql("select comments from registration where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private int count(String sql, long param) {
		return this.jdbc.sql(sql).param(param).query(Integer.class).single();
	}

	private static String email() {
		return "page" + emails.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
	}

}
