package org.winformusic.events.privacy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The news are named as the consent named them: "WIN and the LatAm Network" on an event
 * in Latin America, "WIN" elsewhere, on the manage page's button, the stop-news page and
 * the email footer. The manage page offers to stop news only while they come, and says
 * they stopped at the top, where the person is looking after the page reloads.
 */
class NewsWordsTests extends PersonalDataTestSupport {

	@Autowired
	ManageTokens tokens;

	@Test
	void theStopNewsWordsNameTheNewsTheConsentNamed() throws Exception {
		TestEvents.Created mexico = new TestEvents(this.jdbc).event()
			.slugPrefix("news-mx")
			.startsAt(this.clock.instant().plus(Duration.ofDays(20)))
			.create();
		TestEvents.Created madrid = new TestEvents(this.jdbc).event()
			.slugPrefix("news-es")
			.country("ES")
			.venue("Sede", "Madrid", null)
			.startsAt(this.clock.instant().plus(Duration.ofDays(20)))
			.create();
		this.jdbc.sql("update event set time_zone = 'Europe/Madrid' where id = ?").param(madrid.id()).update();
		TestRegistrations people = new TestRegistrations(this.jdbc);
		String mexican = TestRegistrations.uniqueEmail("noticias-mx");
		String spanish = TestRegistrations.uniqueEmail("noticias-es");
		// Registered the day before, so the lookups below are no double tap of it.
		Instant yesterday = this.clock.instant().minus(Duration.ofDays(1));
		String inMexico = this.tokens
			.issue(people.in(mexico).email(mexican).newsOptIn(true).createdAt(yesterday).create().id());
		String inMadrid = this.tokens.issue(people.in(madrid)
			.email(spanish)
			.createdAt(yesterday)
			.state("Madrid")
			.city("Madrid")
			.phone(null)
			.newsOptIn(true)
			.create()
			.id());

		assertThat(body(get("/r/" + inMexico).param("lang", "es")))
			.contains("Quiero recibir noticias de WIN y de la Red LatAm.")
			.contains("deja de recibir noticias de WIN y de la Red LatAm o borra tus datos")
			.contains("Dejar de recibir noticias de WIN y de la Red LatAm</button>");
		assertThat(body(get("/r/" + inMexico + "/news/stop").param("lang", "es")))
			.contains("<h1>Dejar de recibir noticias de WIN y de la Red LatAm</h1>")
			.contains("¿Quieres dejar de recibir noticias de WIN y de la Red LatAm?");
		assertThat(body(get("/r/" + inMadrid).param("lang", "es"))).contains("Quiero recibir noticias de WIN.")
			.contains("Dejar de recibir noticias de WIN</button>")
			.doesNotContain("LatAm");
		assertThat(body(get("/r/" + inMadrid + "/news/stop").param("lang", "en")))
			.contains("<h1>Stop news from WIN</h1>")
			.doesNotContain("LatAm");

		// The footer of any email: "Send me my link" queues one.
		this.mvc.perform(post("/events/" + mexico.slug() + "/lookup").with(csrf()).param("email", mexican));
		this.mvc.perform(post("/events/" + madrid.slug() + "/lookup").with(csrf()).param("email", spanish));
		this.sender.sendDueMessages();
		assertThat(textOfEmailTo(mexican)).contains("Ya no quiero recibir noticias de WIN y de la Red LatAm");
		assertThat(textOfEmailTo(spanish)).contains("Ya no quiero recibir noticias de WIN").doesNotContain("LatAm");
	}

	@Test
	void theManagePageOffersToStopNewsOnlyWhileTheyComeAndSaysTheyStoppedAtTheTop() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event()
			.slugPrefix("news-stop")
			.startsAt(this.clock.instant().plus(Duration.ofDays(20)))
			.create();
		String token = this.tokens.issue(new TestRegistrations(this.jdbc).in(event)
			.email(TestRegistrations.uniqueEmail("deja-noticias"))
			.newsOptIn(true)
			.create()
			.id());
		assertThat(body(get("/r/" + token).param("lang", "es")))
			.contains("Consulta todo lo que tenemos sobre este registro, deja de recibir noticias de WIN");

		this.mvc.perform(post("/r/" + token + "/news/stop").with(csrf()))
			.andExpect(redirectedUrl("/r/" + token + "?newsStopped"));

		String page = body(get("/r/" + token).param("newsStopped", "").param("lang", "es"));
		String done = "Listo: ya no recibirás noticias de WIN y de la Red LatAm.";
		assertThat(page).contains(done)
			.contains("Consulta todo lo que tenemos sobre este registro o borra tus datos (esto cancela tu registro).")
			.doesNotContain("deja de recibir noticias")
			.doesNotContain("Dejar de recibir noticias");
		// Right under the title, before the registration's status card.
		assertThat(page.indexOf(done)).isLessThan(page.indexOf("manage__status"));
	}

	/** The plain-text part of the one email sent to {@code address}. */
	private static String textOfEmailTo(String address) throws MessagingException, IOException {
		MimeMessage message = Arrays.stream(greenMail.getReceivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch((to) -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow();
		return text(message);
	}

	private static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		StringBuilder text = new StringBuilder();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				text.append(text(child));
			}
		}
		return text.toString();
	}

}
