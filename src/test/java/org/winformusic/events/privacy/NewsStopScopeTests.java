package org.winformusic.events.privacy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Anyone can type someone else's address into another event's form, and the link that
 * browser gets proves no inbox. With it, "stop news" (the page, its button and the
 * one-click POST without a form) concerns that registration only: it neither turns off
 * the news the address asked for elsewhere nor tells whether it gets any. The link of an
 * email still stops them for every registration of the address.
 */
class NewsStopScopeTests extends PersonalDataTestSupport {

	@Test
	void theRegisteringBrowsersLinkNeitherStopsNorRevealsTheAddresssNewsElsewhere() throws Exception {
		String marker = marker();
		Person victim = Person.marked(marker, "+52 55 7272 8282");
		register(event(Duration.ofDays(10), 5), victim);
		// Someone else registers for another event with the victim's address, and says no
		// to news.
		String typed = register(event(Duration.ofDays(40), 5), victim);
		List<Long> ids = idsOf(victim.email());
		this.jdbc.sql("update registration set news_opt_in = false where id = ?").param(ids.get(1)).update();

		// The page answers for this registration only, the same whatever the first one
		// chose.
		String page = body(get("/r/" + typed + "/news/stop").param("lang", "es"));
		assertThat(page).contains("Con este registro no recibes noticias de")
			.doesNotContain("¿Quieres dejar de recibir noticias")
			.doesNotContain("Dejar de recibir noticias</button>");
		this.mvc
			.perform(post("/r/" + typed + "/news/stop").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().is3xxRedirection());
		assertThat(newsOf(ids)).containsExactly(true, false);

		// Saying yes to news on the typed registration, it stops that one only.
		this.jdbc.sql("update registration set news_opt_in = true where id = ?").param(ids.get(1)).update();
		assertThat(body(get("/r/" + typed + "/news/stop").param("lang", "en")))
			.contains("Do you want to stop receiving news from WIN and the LatAm Network for this registration?")
			.doesNotContain("It applies to every event you registered for with this address");
		this.mvc
			.perform(post("/r/" + typed + "/news/stop").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().is3xxRedirection());
		assertThat(newsOf(ids)).containsExactly(true, false);
	}

	@Test
	void theLinkOfAnEmailStopsTheNewsOfEveryRegistrationOfTheAddress() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 7373 8383");
		register(event(Duration.ofDays(10), 5), person);
		register(event(Duration.ofDays(40), 5), person);
		this.clock.advance(Duration.ofSeconds(5));
		this.sender.sendDueMessages();
		String emailed = tokenEmailedFor("Taller de privacidad", person.email());
		List<Long> ids = idsOf(person.email());

		assertThat(body(get("/r/" + emailed + "/news/stop").param("lang", "es")))
			.contains("Aplica a todos los eventos en los que te registraste con este correo.");
		this.mvc
			.perform(post("/r/" + emailed + "/news/stop").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().is3xxRedirection());
		assertThat(newsOf(ids)).containsExactly(false, false);
		assertThat(body(get("/r/" + emailed + "/news/stop").param("lang", "es"))).contains("No recibes noticias de");
	}

	private List<Long> idsOf(String email) {
		return this.jdbc.sql("select id from registration where lower(email) = lower(?) order by id")
			.param(email)
			.query(Long.class)
			.list();
	}

	private List<Boolean> newsOf(List<Long> ids) {
		return ids.stream()
			.map((id) -> this.jdbc.sql("select news_opt_in from registration where id = ?")
				.param(id)
				.query(Boolean.class)
				.single())
			.toList();
	}

}
