package org.winformusic.events.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Download my data" gives every field the person gave, their consent, history and every
 * email sent to them, and nothing about anyone else; "stop news" works with one click;
 * the notice names the responsible party and the version stored with the consent.
 */
class DataDownloadTests extends PersonalDataTestSupport {

	@Test
	void downloadHoldsEveryFieldAndEveryEmailAndNothingAboutAnyoneElse() throws Exception {
		String marker = marker();
		String other = marker();
		String slug = event(Duration.ofDays(10), 5);
		Person person = Person.marked(marker, "+52 55 2468 1357");
		String token = register(slug, person);
		register(slug, Person.marked(other, "+52 55 1111 9999"));
		long id = registrationId(person.email());
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id);
		this.mvc.perform(post("/events/" + slug + "/lookup").with(csrf()).param("email", person.email()));
		onItsDay(slug);
		act(post("/admin/registrations/" + id + "/checkin"));
		this.sender.sendDueMessages();
		java.util.List<String> subjects = this.jdbc
			.sql("select subject from outbox_message where registration_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(subjects).hasSizeGreaterThanOrEqualTo(2);

		String json = this.mvc.perform(get("/r/" + token + "/data.json"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		for (String value : person.textValues()) {
			assertThat(json).contains(value);
		}
		assertThat(json).contains("PUBLISHER", "JAL", "YES", "\"newsOptIn\":true", "\"checkedInAt\":\"",
				"\"privacyConsentVersion\":\"2026-12-07\"", "CONFIRMED", "LINK_REMINDER", "CHECKED_IN");
		for (String subject : subjects) {
			assertThat(json).contains(subject.replace("\"", "\\\""));
		}
		assertThat(json).doesNotContain(other).doesNotContain("privacy-admin@win.test");

		String page = body(get("/r/" + token + "/data").param("lang", "en"));
		for (String value : person.textValues()) {
			if (!value.equals(person.phone())) {
				assertThat(page).contains(value);
			}
		}
		// The number as Mexicans write it (the download above holds it as stored).
		assertThat(page).contains("55 2468 1357");
		assertThat(page).contains(subjects.get(0)).contains("Checked in").doesNotContain(other);
		// The consent as the form worded it for an event in Mexico.
		assertThat(page).contains("Send me news from WIN and the LatAm Network.");
	}

	/**
	 * The file is for programs and for the person: each code stays, with the words the
	 * page shows next to it in the person's language; it says when (with the time zone)
	 * and where the event is; row ids and versions, which mean nothing to the person, are
	 * left out.
	 */
	@Test
	void theFileGivesEachCodesWordsAndWhenAndWhereTheEventIs() throws Exception {
		String slug = event(Duration.ofDays(10), 5);
		String token = register(slug, Person.marked(marker(), "+52 55 2121 3434"));
		java.time.Instant startsAt = this.jdbc.sql("select starts_at from event where slug = ?")
			.param(slug)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String start = startsAt.atZone(java.time.ZoneId.of("America/Mexico_City"))
			.toOffsetDateTime()
			.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);

		JsonNode spanish = file(token, "es");
		JsonNode registration = spanish.get("registration");
		assertThat(words(registration, "status", "companyType", "state", "associationInterest"))
			.containsExactly("CONFIRMED Confirmado", "PUBLISHER Editorial musical", "JAL Jalisco", "YES Sí");
		assertThat(registration.get("locale").asString() + " " + registration.get("languageText").asString())
			.isEqualTo("es español");
		assertThat(registration.has("id") || registration.has("eventId") || registration.has("version")).isFalse();
		assertThat(spanish.get("timeZoneText").asString()).isEqualTo("hora de la Ciudad de México");
		assertThat(spanish.get("eventStartsAt").asString()).isEqualTo(start).endsWith("-06:00");
		assertThat(spanish.get("eventWhen").asString()).contains(" de 20", ", " + start.substring(11, 16))
			.endsWith(" (hora de la Ciudad de México)");
		assertThat(spanish.get("eventVenue").asString()).isEqualTo("Sede");
		assertThat(spanish.get("eventAddress").asString()).startsWith("Calle 1, CDMX");
		assertThat(spanish.get("answers").toString()).doesNotContain("questionId");
		// The page says the same, in the same words.
		assertThat(body(get("/r/" + token + "/data").param("lang", "es")))
			.contains("<dt>Fecha y hora</dt><dd>" + spanish.get("eventWhen").asString() + "</dd>")
			.contains("<dd>Sede, " + spanish.get("eventAddress").asString() + "</dd>")
			.contains("<dd>Editorial musical</dd>", "<dd>Jalisco</dd>", "<dd>español</dd>");

		JsonNode english = file(token, "en");
		assertThat(words(english.get("registration"), "status", "companyType", "state", "associationInterest"))
			.containsExactly("CONFIRMED Confirmed", "PUBLISHER Publisher", "JAL Jalisco", "YES Yes");
		assertThat(english.get("registration").get("languageText").asString()).isEqualTo("Spanish");
		assertThat(english.get("eventWhen").asString()).endsWith(" (Mexico City time)");
		assertThat(english.get("eventStartsAt").asString()).isEqualTo(start);
	}

	private JsonNode file(String token, String lang) throws Exception {
		return JsonMapper.builder().build().readTree(body(get("/r/" + token + "/data.json").param("lang", lang)));
	}

	/** "CODE words" for each field: its code and the text next to it. */
	private static java.util.List<String> words(JsonNode registration, String... fields) {
		return Arrays.stream(fields)
			.map((field) -> registration.get(field).asString() + " " + registration.get(field + "Text").asString())
			.toList();
	}

	/**
	 * An email that will never go out (skipped because it no longer applied, or failed)
	 * has no subject, like one still waiting; the page must not say it is yet to be sent.
	 */
	@Test
	void anEmailThatWillNeverBeSentIsNotShownAsNotSentYet() throws Exception {
		String slug = event(Duration.ofDays(10), 5);
		String token = register(slug, Person.marked(marker(), "+52 55 3434 5656"));
		// Cancelled before the sender ran: the confirmation no longer applies.
		this.mvc.perform(post("/r/" + token + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();

		assertThat(body(get("/r/" + token + "/data").param("lang", "es"))).contains("No enviado: ya no aplicaba")
			.doesNotContain("(aún no se envía)");
		assertThat(body(get("/r/" + token + "/data").param("lang", "en"))).contains("Not sent: no longer applied")
			.doesNotContain("(not sent yet)");
	}

	@Test
	void dataRightsPagesSpeakTheRegistrantsLanguageOnADeviceInTheOther() throws Exception {
		String slug = event(Duration.ofDays(10), 5);
		String english = register(slug, Person.marked(marker(), "+52 55 3131 4141"), "en-US,en;q=0.9");
		String spanish = register(slug, Person.marked(marker(), "+52 55 3232 4242"), "es-MX,es;q=0.9");

		assertSpeaks(english, "es-MX,es;q=0.9", "en", "Your data", "Delete my data",
				"Stop news from WIN and the LatAm Network", "Privacy workshop");
		assertSpeaks(spanish, "en-US,en;q=0.9", "es", "Tus datos", "Borrar mis datos",
				"Dejar de recibir noticias de WIN y de la Red LatAm", "Taller de privacidad");

		// An explicit choice on this browser still wins, and the registrant's language is
		// never stored in its cookie.
		MvcResult chosen = this.mvc.perform(get("/r/" + english + "/data").param("lang", "es")).andReturn();
		// The card has its own heading, not the page's again.
		assertThat(chosen.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("<h1>Tus datos</h1>", "<h2>Tu registro</h2>")
			.doesNotContain("<h2>Tus datos</h2>");
		assertThat(this.mvc.perform(get("/r/" + english + "/data").param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("<h1>Your data</h1>", "<h2>Your registration</h2>");
		MvcResult spoken = this.mvc.perform(get("/r/" + english + "/erase").header("Accept-Language", "es"))
			.andReturn();
		assertThat(spoken.getResponse().getCookie("lang")).isNull();

		// After erasure the registration is gone; the page that says so still speaks its
		// language, without a cookie.
		MvcResult erased = this.mvc
			.perform(post("/r/" + english + "/erase").with(csrf()).header("Accept-Language", "es"))
			.andReturn();
		String done = erased.getResponse().getRedirectedUrl();
		assertThat(erased.getResponse().getCookie("lang")).isNull();
		MvcResult page = this.mvc.perform(get(done).header("Accept-Language", "es")).andReturn();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("<h1>Your data has been deleted</h1>");
		assertThat(page.getResponse().getCookie("lang")).isNull();
	}

	private void assertSpeaks(String token, String browser, String lang, String dataTitle, String eraseTitle,
			String newsTitle, String eventTitle) throws Exception {
		assertThat(body(get("/r/" + token + "/data").header("Accept-Language", browser)))
			.contains("<html lang=\"" + lang + "\"", "<h1>" + dataTitle + "</h1>", eventTitle);
		assertThat(body(get("/r/" + token + "/data.json").header("Accept-Language", browser)))
			.contains("\"eventTitle\":\"" + eventTitle + "\"");
		assertThat(body(get("/r/" + token + "/erase").header("Accept-Language", browser)))
			.contains("<html lang=\"" + lang + "\"", "<h1>" + eraseTitle + "</h1>", eventTitle);
		assertThat(body(get("/r/" + token + "/news/stop").header("Accept-Language", browser)))
			.contains("<html lang=\"" + lang + "\"", "<h1>" + newsTitle + "</h1>");
	}

	@Test
	void oneClickStopsNewsWithoutAnyEmail() throws Exception {
		String marker = marker();
		String slug = event(Duration.ofDays(10), 5);
		String token = register(slug, Person.marked(marker, "+52 55 3333 4444"));
		long id = registrationId(marker + ".ana@example.org");
		this.sender.sendDueMessages();
		long emails = emailsTo(id);

		assertThat(body(get("/r/" + token + "/news/stop"))).contains("/r/" + token + "/news/stop");
		assertThat(newsOptIn(id)).isTrue();
		this.mvc.perform(post("/r/" + token + "/news/stop").with(csrf()))
			.andExpect(redirectedUrl("/r/" + token + "?newsStopped"));

		assertThat(newsOptIn(id)).isFalse();
		assertThat(emailsTo(id)).isEqualTo(emails);
	}

	/**
	 * News come from WIN to a person: "stop news" from one event's email (which proves
	 * the inbox) stops them for every registration of that address, and the page does not
	 * claim "you get no news" while another registration still gets them.
	 */
	@Test
	void stoppingNewsFromOneEventStopsThemForEveryRegistrationOfTheAddress() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 3333 6666");
		String mexico = event(Duration.ofDays(10), 5);
		String later = event(Duration.ofDays(40), 5);
		register(mexico, person);
		register(later, person);
		// The emails go out a moment later, as the sender does.
		this.clock.advance(Duration.ofSeconds(5));
		this.sender.sendDueMessages();
		String token = tokenEmailedFor("Taller de privacidad", person.email());
		java.util.List<Long> ids = this.jdbc
			.sql("select id from registration where lower(email) = lower(?) order by id")
			.param(person.email())
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(2);
		this.jdbc.sql("update registration set news_opt_in = false where id = ?").param(ids.get(0)).update();

		// This registration gets no news, the other one does: the page still offers to
		// stop them. It asks; it does not say it is done before the button is pressed.
		assertThat(body(get("/r/" + token + "/news/stop").param("lang", "en"))).contains("Stop news</button>")
			.contains("Do you want to stop receiving news from WIN and the LatAm Network?")
			.doesNotContain("You do not receive news")
			.doesNotContain("You will no longer receive");
		this.mvc.perform(post("/r/" + token + "/news/stop").with(csrf()))
			.andExpect(redirectedUrl("/r/" + token + "?newsStopped"));

		assertThat(newsOptIn(ids.get(0))).isFalse();
		assertThat(newsOptIn(ids.get(1))).isFalse();
		assertThat(this.jdbc
			.sql("select registration_id from audit_log where action = 'NEWS_STOPPED' and registration_id in (?, ?)")
			.params(ids.get(0), ids.get(1))
			.query(Long.class)
			.list()).containsExactly(ids.get(1));
		assertThat(body(get("/r/" + token + "/news/stop").param("lang", "en"))).contains("You do not receive news");
	}

	@Test
	void emailsAsReceivedReplyToTheContactAndOfferAOneClickUnsubscribeThatWorksWithoutCookies() throws Exception {
		String marker = marker();
		String slug = event(Duration.ofDays(10), 5);
		register(slug, Person.marked(marker, "+52 55 3333 5555"));
		long id = registrationId(marker + ".ana@example.org");
		this.sender.sendDueMessages();

		MimeMessage confirmation = Arrays.stream(greenMail.getReceivedMessagesForDomain("example.org"))
			.filter((message) -> recipientIs(message, marker + ".ana@example.org"))
			.findFirst()
			.orElseThrow();
		// The "reply to this email" of the ended emails reaches someone.
		assertThat(confirmation.getHeader("Reply-To")).containsExactly("privacidad@win.test");
		assertThat(confirmation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String[] unsubscribe = confirmation.getHeader("List-Unsubscribe");
		assertThat(unsubscribe).hasSize(1);
		assertThat(unsubscribe[0]).matches("<http://localhost:8080/r/[A-Za-z0-9_-]{43}/news/stop>");
		String path = unsubscribe[0].substring("<http://localhost:8080".length(), unsubscribe[0].length() - 1);

		// As a mail provider does it (RFC 8058): a POST with that body, no cookie, no
		// CSRF token.
		assertThat(newsOptIn(id)).isTrue();
		this.mvc
			.perform(
					post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
			.andExpect(status().is3xxRedirection());
		assertThat(newsOptIn(id)).isFalse();
		// ... or as RFC 8058 recommends, multipart/form-data.
		this.jdbc.sql("update registration set news_opt_in = true where id = ?").param(id).update();
		this.mvc.perform(multipart(path).param("List-Unsubscribe", "One-Click")).andExpect(status().is3xxRedirection());
		assertThat(newsOptIn(id)).isFalse();
	}

	private static boolean recipientIs(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void noticeNamesTheResponsiblePartyTheContactAndTheConsentVersion() throws Exception {
		String notice = body(get("/privacy").locale(java.util.Locale.ENGLISH));
		assertThat(notice).contains("WIN Test Controller A.C.", "Calle Privada 1, Roma Norte, CDMX",
				"privacidad@win.test", "2026-12-07", "180 days", "30 days");
		String form = body(get("/events/mexico-workshop/register"));
		assertThat(form).contains("Aviso de privacidad simplificado", "WIN Test Controller A.C.", "href=\"/privacy\"");
	}

	private boolean newsOptIn(long id) {
		return this.jdbc.sql("select news_opt_in from registration where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private long emailsTo(long id) {
		return this.jdbc.sql("select count(*) from outbox_message where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
