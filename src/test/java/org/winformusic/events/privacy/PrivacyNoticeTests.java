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
 * in both languages; what stays of a registration after retention or erasure (the row,
 * without name or contact data, for the statistics), that details can be corrected until
 * the event ends, every kind of data kept (answers, staff notes, an address waiting for
 * confirmation) and the consent given through staff at the entrance; one word for the
 * company type; a registration made now stores the version the notice shows.
 */
class PrivacyNoticeTests extends PersonalDataTestSupport {

	private static final String VERSION = "2026-12-07";

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

	/**
	 * The notice is one for every event: the way to stop news names the LatAm Network's
	 * news too, as the news box and the button of a Latin American event do.
	 */
	@Test
	void theWayToStopNewsCoversTheLatAmNetworksNews() throws Exception {
		assertThat(notice(Locale.forLanguageTag("es")))
			.contains("“Dejar de recibir noticias” (en la página de tu registro "
					+ "y al pie de nuestros correos) termina con un clic las noticias de WIN (y de su Red LatAm, "
					+ "en los eventos de América Latina)");
		assertThat(notice(Locale.ENGLISH)).contains(
				"ends the news from WIN (and from its LatAm Network, " + "for events in Latin America) with one click");
	}

	@Test
	void noticeSaysWhatStaysAfterRetentionUntilWhenDetailsCanBeCorrectedAndEveryKindOfDataKept() throws Exception {
		String english = notice(Locale.ENGLISH);
		assertThat(english).contains(
				"What stays is the registration itself, with no name or contact data: its event, its status "
						+ "(confirmed, waitlisted, cancelled…) and dates, the state or region, company type, "
						+ "interest in an association, check-in time, language and notice version. "
						+ "We keep it for the statistics of WIN's events: the organizers' pages still show it, "
						+ "as a registration without a name, and count it.",
				"your answers to the event's questions, as well as the emails we sent you, your personal link, "
						+ "any email change waiting for confirmation and the organizing staff's notes about you",
				"After that only the registration stays, with no name or contact data, as cancelled "
						+ "(or as declined, if the organizers had declined it).",
				"\"Delete my data\" cancels your registration if it is still active",
				"until the event ends, also while it is under way, as long as your registration is not cancelled "
						+ "or declined. After the event ends the page no longer offers it: write to the privacy contact above.",
				"when an event adds its own questions to the form, your answers to them",
				"the notes the organizing staff write about you",
				"we keep the new address until you confirm it or its confirmation link expires, 48 hours after we send it",
				"If you register at the entrance on the day, the organizing staff enter your data and, once they have "
						+ "told you about this notice and you agree, record your consent for you, with the same notice version",
				"by state or region, company type and interest in an association")
			.doesNotContain("anonymous counts", "at any time before the event", "without names",
					"the registration stays, cancelled and");
		String spanish = notice(Locale.forLanguageTag("es"));
		assertThat(spanish).contains(
				"Lo que se conserva es el registro mismo, sin nombre ni datos de contacto: el evento, la situación "
						+ "del registro (confirmado, en espera, cancelado…) y sus fechas, el estado o región, el tipo de "
						+ "empresa, el interés en una asociación, la hora de llegada, el idioma y la versión del aviso. "
						+ "Lo conservamos para las estadísticas de los eventos de WIN: las páginas de los organizadores "
						+ "lo siguen mostrando, como un registro sin nombre, y contando.",
				"tus respuestas a las preguntas del evento, así como los correos que te enviamos, tu enlace personal, "
						+ "el cambio de correo que esté pendiente de confirmar y las notas del equipo organizador sobre ti",
				"Después de eso solo queda el registro, sin nombre ni datos de contacto, como cancelado "
						+ "(o como rechazado, si los organizadores ya lo habían rechazado).",
				"“Borrar mis datos” cancela tu registro si sigue activo",
				"hasta que el evento termina, también mientras se lleva a cabo, siempre que tu registro no esté "
						+ "cancelado ni rechazado. Cuando el evento termina, la página ya no ofrece esta opción: "
						+ "escribe al contacto de privacidad indicado arriba.",
				"cuando un evento agrega sus propias preguntas al formulario, tus respuestas a ellas",
				"las notas que el equipo organizador escribe sobre ti",
				"guardamos la nueva dirección hasta que la confirmes o hasta que venza el enlace de confirmación, "
						+ "48 horas después de que te lo enviamos",
				"Si te registras en la entrada el día del evento, el personal organizador captura tus datos y, "
						+ "después de explicarte este aviso y de que estés de acuerdo, registra tu consentimiento por ti, "
						+ "con la misma versión del aviso",
				"por estado o región, tipo de empresa e interés en una asociación")
			.doesNotContain("conteos anónimos", "en cualquier momento antes del evento", "compañía", "sin nombres",
					"queda el registro, cancelado y");
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
