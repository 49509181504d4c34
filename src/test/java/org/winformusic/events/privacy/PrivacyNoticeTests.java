package org.winformusic.events.privacy;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The notice tells a registrant what the access right's report holds (the staff's notes
 * about them, the changes made, the emails sent), that erasure is per registration, and
 * that a new email address is confirmed from that address before it replaces the old one,
 * in both languages; a registration made now stores the version the notice shows.
 */
class PrivacyNoticeTests extends PersonalDataTestSupport {

	private static final String VERSION = "2026-12-05";

	@Test
	void noticeSaysWhatTheReportHoldsThatErasureIsPerRegistrationAndThatANewAddressIsConfirmedFirst() throws Exception {
		assertThat(notice(Locale.ENGLISH)).contains("Notice version " + VERSION,
				"the changes made to your registration (by you or by the organizers), "
						+ "the notes the organizing staff wrote about you, every email we sent you",
				"It applies to one registration: if you registered for several events, "
						+ "delete each one from its own personal link",
				"A new email address replaces the old one only once you confirm it with the link we send to the new address");
		assertThat(notice(Locale.forLanguageTag("es"))).contains("Versión del aviso " + VERSION,
				"los cambios que se hicieron a tu registro (por ti o por los organizadores), "
						+ "las notas que el equipo organizador escribió sobre ti, todos los correos que te enviamos",
				"Aplica a un solo registro: si te registraste a varios eventos, borra cada uno desde su propio enlace personal",
				"el nuevo solo reemplaza al anterior cuando lo confirmas desde el enlace que enviamos a esa nueva dirección");
	}

	@Test
	void aNewRegistrationStoresTheVersionTheNoticeShows() throws Exception {
		Person person = Person.marked(marker(), "+525524681357");
		register(event(Duration.ofDays(10), 5), person);

		assertThat(this.jdbc.sql("select privacy_consent_version from registration where id = ?")
			.param(registrationId(person.email()))
			.query(String.class)
			.single()).isEqualTo(VERSION);
	}

	private String notice(Locale locale) throws Exception {
		String html = body(get("/privacy").param("lang", locale.getLanguage()));
		return HtmlUtils.htmlUnescape(html.replaceAll("(?s)<[^>]+>", " ")).replaceAll("\\s+", " ");
	}

}
