package org.winformusic.events.privacy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * What a registrant reads about their data before and after acting on it: the short
 * notice next to the consent box names who sends news exactly as the news box does (WIN
 * and its LatAm Network on a Latin American event, WIN alone elsewhere), the erase page
 * says how long the blocked data is kept before it is gone (as the page after it does),
 * and the page after erasure leads on instead of ending the visit. Correcting one's
 * address gets the registration form's hint for a misspelled common domain before a
 * confirmation link goes there.
 */
class DataRightsWordingTests extends PersonalDataTestSupport {

	@Test
	void theShortNoticeNamesTheSendersOfNewsAsTheNewsBoxDoes() throws Exception {
		String mexico = body(get("/events/mexico-workshop/register").header("Accept-Language", "es-MX"));
		assertThat(mexico).contains("Quiero recibir noticias de WIN y de la Red LatAm.")
			.contains("Noticias de WIN y de la Red LatAm solo si marcas la casilla de abajo.");
		String english = body(get("/events/mexico-workshop/register").header("Accept-Language", "en"));
		assertThat(english).contains("News from WIN and the LatAm Network only if you tick the box below.");

		String spain = new TestEvents(this.jdbc).event()
			.slugPrefix("privacy-es")
			.country("ES")
			.startsAt(this.clock.instant().plus(Duration.ofDays(30)))
			.create()
			.slug();
		String elsewhere = body(get("/events/" + spain + "/register").header("Accept-Language", "es-MX"));
		assertThat(elsewhere).contains("Quiero recibir noticias de WIN.")
			.contains("Noticias de WIN solo si marcas la casilla de abajo.")
			.doesNotContain("Red LatAm");
	}

	@Test
	void theErasePageSaysWhenTheBlockedDataIsGoneAndThePageAfterItLeadsOn() throws Exception {
		String marker = marker();
		String slug = event(Duration.ofDays(20), 10);
		String token = register(slug, Person.marked(marker, "+52 55 6161 7171"));

		assertThat(body(get("/r/" + token + "/erase"))).contains("se suprimen definitivamente en 30 días.")
			.doesNotContain("periodo de bloqueo");
		assertThat(body(get("/r/" + token + "/erase").param("lang", "en")))
			.contains("it is deleted for good in 30 days.");

		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));
		assertThat(body(get("/privacy/erased").param("language", "es"))).contains("Borramos tus datos")
			.contains("<a href=\"/\">Ver todos los eventos</a>");
	}

	@Test
	void aNewAddressOnAMisspelledDomainGetsTheHintBeforeTheConfirmationLinkGoesThere() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 6161 7171");
		String token = register(event(Duration.ofDays(20), 10), person);
		String typed = marker + "@gmial.com";

		String hinted = body(post("/r/" + token + "/edit").with(csrf()).with(fieldsOf(person, typed)));
		assertThat(hinted).contains("¿Quisiste decir " + marker + "@gmail.com?")
			.contains("name=\"emailConfirmed\" value=\"" + typed + "\"")
			.doesNotContain("class=\"error-summary\"");
		assertThat(emailChangesAsked(typed)).isZero();

		// Sent again as it was: the person meant it, and the link goes there.
		this.mvc.perform(
				post("/r/" + token + "/edit").with(csrf()).with(fieldsOf(person, typed)).param("emailConfirmed", typed))
			.andExpect(redirectedUrl("/r/" + token + "?emailPending"));
		assertThat(emailChangesAsked(typed)).isEqualTo(1);
	}

	private long emailChangesAsked(String address) {
		return this.jdbc.sql("select count(*) from outbox_message where recipient = ?")
			.param(address)
			.query(Long.class)
			.single();
	}

}
