package org.winformusic.events.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.CheckinPasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The door page's search without JavaScript keeps the searched name out of every URL (the
 * browser's history, proxies' access logs): the form posts, and a search, a check-in or
 * an undo lead back to the page's plain address with the same results.
 */
@AdminTest
class DoorSearchTests {

	private static final RequestPostProcessor ORGANIZER = user("door@win.test").roles("ORGANIZER");

	private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?:href|action|src)=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinPasses passes;

	TestEvents.Created event;

	TestRegistrations.Registration ana;

	String door;

	@BeforeEach
	void seed() {
		this.event = new TestEvents(this.jdbc).event().onItsDay().capacity(5).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		this.ana = data.in(this.event)
			.person("Ana Núñez")
			.company("Discos Norte")
			.createdAt(AdminTest.REGISTERED)
			.create();
		data.in(this.event).person("Beto Núñez").company("Sello Sur").createdAt(AdminTest.REGISTERED).create();
		this.door = "/admin/events/" + this.event.slug() + "/checkin";
	}

	@Test
	void aSearchACheckInAndAnUndoNeverPutTheNameInAUrl() throws Exception {
		String empty = body(this.mvc.perform(get(this.door + "?lang=es").with(ORGANIZER)).andReturn());
		assertThat(empty).contains("<form class=\"door__search\" method=\"post\" action=\"" + this.door + "\"")
			.contains("name=\"_csrf\"");

		MvcResult searched = this.mvc.perform(post(this.door).param("q", "Núñez").with(csrf()).with(ORGANIZER))
			.andExpect(redirectedUrl(this.door))
			.andReturn();
		Cookie session = searched.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		String results = follow(searched, session);
		assertThat(results).contains("Ana Núñez").contains("Beto Núñez");

		// The check-in form sends the search back in its body, as typed.
		String typed = hiddenSearch(results);
		assertThat(typed).isEqualTo("Núñez");
		MvcResult checkedIn = this.mvc.perform(
				post(this.door + "/" + this.ana.id()).param("q", typed).cookie(session).with(csrf()).with(ORGANIZER))
			.andExpect(redirectedUrl(this.door))
			.andReturn();
		results = follow(checkedIn, session);
		assertThat(results).contains("Llegada registrada: Ana Núñez")
			.contains("Beto Núñez")
			.contains("door__alert--done");

		MvcResult undone = this.mvc
			.perform(post(this.door + "/" + this.ana.id() + "/undo").param("q", hiddenSearch(results))
				.cookie(session)
				.with(csrf())
				.with(ORGANIZER))
			.andExpect(redirectedUrl(this.door))
			.andReturn();
		results = follow(undone, session);
		assertThat(results).contains("Llegada deshecha: Ana Núñez").contains("Beto Núñez");
	}

	@Test
	void resultsComeInThePrintedListsOrderWithTheDoorCodeAndAStatusLineThatReads() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		TestRegistrations.Registration marisol = data.in(this.event).person("Marisol Zamora").create();
		data.in(this.event).person("María José Acosta Ríos").create();
		data.in(this.event).person("Mario Ñúñez").create();
		data.in(this.event).person("Marco Nava").status("CANCELLED").create();

		String results = DoorSearches.results(this.mvc, this.event.slug(), "Mar", "ORGANIZER", "es");
		assertThat(results).containsSubsequence("María José Acosta Ríos", "Marco Nava", "Mario Ñúñez",
				"Marisol Zamora");
		assertThat(results).contains(">" + this.passes.code(marisol.id()) + "<").doesNotContain(marisol.email());
		assertThat(results).contains("Cancelado: no dejes pasar a la persona sin consultar a la organización.");
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "Marco", "ORGANIZER", "en"))
			.contains("Cancelled: do not let them in without asking an organizer.");
	}

	/**
	 * Filing a double given name under the family name changes the letter, not the
	 * search: any part of the name still finds the person, the matches in the printed
	 * list's order.
	 */
	@Test
	void anyPartOfADoubleGivenNameFindsThePersonInThePrintedOrder() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		data.in(this.event).person("Ana María Rodríguez").create();
		data.in(this.event).person("María de los Ángeles Cruz").create();
		data.in(this.event).person("Marco Nava").create();

		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "María", "ORGANIZER", "es"))
			.containsSubsequence("María de los Ángeles Cruz", "Ana María Rodríguez")
			.doesNotContain("Marco Nava");
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "rodriguez", "ORGANIZER", "es"))
			.contains("Ana María Rodríguez")
			.doesNotContain("Cruz");
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "angeles", "ORGANIZER", "es"))
			.contains("María de los Ángeles Cruz")
			.doesNotContain("Rodríguez");
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "Ana", "ORGANIZER", "es"))
			.containsSubsequence("Ana Núñez", "Ana María Rodríguez");
	}

	@Test
	void anOldLinkWithTheSearchInItsAddressShowsItsResultsFromThePlainAddress() throws Exception {
		MvcResult old = this.mvc.perform(get(this.door).param("q", "núñez").param("lang", "en").with(ORGANIZER))
			.andExpect(redirectedUrl(this.door))
			.andExpect(flash().attribute("q", "núñez"))
			.andReturn();
		String results = follow(old, old.getResponse().getCookie("SESSION"));
		assertThat(results).contains("Ana Núñez").contains("Beto Núñez");
	}

	@Test
	void opsSearchTooAndAnEmptySearchIsTheEmptyPage() throws Exception {
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "nunez", "OPS", "en")).contains("Ana Núñez")
			.doesNotContain("Check in</button>");
		this.mvc.perform(post(this.door).param("q", "  ").with(csrf()).with(user("ops@win.test").roles("OPS")))
			.andExpect(redirectedUrl(this.door))
			.andExpect(flash().attributeCount(0));
	}

	/**
	 * The page the redirect leads to, in the same session; neither the redirect's address
	 * nor any address on that page holds the name.
	 */
	private String follow(MvcResult redirect, Cookie session) throws Exception {
		String location = redirect.getResponse().getRedirectedUrl();
		assertThat(holdsTheName(location)).as(location).isFalse();
		String page = body(
				this.mvc.perform(get(location).cookie(session).with(ORGANIZER)).andExpect(status().isOk()).andReturn());
		assertThat(urlsIn(page)).isNotEmpty().noneMatch(DoorSearchTests::holdsTheName);
		return page;
	}

	private static String hiddenSearch(String page) {
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"q\" value=\"([^\"]*)\"").matcher(page);
		assertThat(hidden.find()).isTrue();
		return hidden.group(1);
	}

	private static List<String> urlsIn(String page) {
		return URL_ATTRIBUTE.matcher(page).results().map((m) -> m.group(1)).toList();
	}

	/** "Núñez" in any spelling: as typed, without accents, percent-encoded. */
	private static boolean holdsTheName(String url) {
		String decoded = URLDecoder.decode(url.replace("&amp;", "&"), StandardCharsets.UTF_8);
		String plain = Normalizer.normalize(decoded, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
		return plain.contains("nunez");
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
