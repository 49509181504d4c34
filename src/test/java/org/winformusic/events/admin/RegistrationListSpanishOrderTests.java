package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationList;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationSearch;
import org.winformusic.events.registration.RegistrationSort;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registrations list sorted by name or company reads in Spanish alphabetical order,
 * as staff expect it, whatever the database's collation (C.UTF-8 here): accents and case
 * ignored ("Ángel" among the a's, not after "Rodrigo"), ñ its own letter after n ("Nava",
 * "Núñez", "Ñandú", "Ocampo"), in both directions and across pages read by cursor.
 */
@AdminTest
class RegistrationListSpanishOrderTests {

	/** The people (name, company) in Spanish order of their names. */
	static final List<String[]> PEOPLE = List.of(new String[] { "Ana Zapata", "Señal Música" },
			new String[] { "Ángel Álvarez", "Órbita Discos" }, new String[] { "beatriz Luna", "Ópalo" },
			new String[] { "Émile Durand", "Ánfora Records" }, new String[] { "Nava Torres", "discos nube" },
			new String[] { "Núñez Gómez", "Discos Ñu" }, new String[] { "Ñandú Pérez", "Editorial Éxito" },
			new String[] { "Ocampo Ríos", "Zeta" }, new String[] { "Óscar Méndez", "Ámbar" },
			new String[] { "Rodrigo Soto", "Bandcamp MX" });

	static final List<String> NAMES = PEOPLE.stream().map((person) -> person[0]).toList();

	/** The companies in Spanish order. */
	static final List<String> COMPANIES = List.of("Ámbar", "Ánfora Records", "Bandcamp MX", "discos nube", "Discos Ñu",
			"Editorial Éxito", "Ópalo", "Órbita Discos", "Señal Música", "Zeta");

	private static final Pattern NAME_CELL = Pattern
		.compile("class=\"registrations__who\"><a href=\"/admin/registrations/\\d+\">([^<]*)</a>");

	private static final Pattern COMPANY_CELL = Pattern
		.compile("class=\"registrations__company\"><span>([^<]*)</span>");

	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]*)\"");

	private static final Pattern PREVIOUS = Pattern.compile("rel=\"prev\" href=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationSearch search;

	TestEvents.Created event;

	@BeforeEach
	void seed() {
		this.event = new TestEvents(this.jdbc).event().capacity(20).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		// Registered in an order unlike either sort: the reverse of every second one.
		List<String[]> arrival = new ArrayList<>();
		for (int i = 0; i < PEOPLE.size(); i++) {
			arrival.add((i % 2 == 0) ? arrival.size() : 0, PEOPLE.get(i));
		}
		for (String[] person : arrival) {
			data.in(this.event).person(person[0]).company(person[1]).create();
		}
	}

	@Test
	void namesReadInSpanishOrderPageAfterPageInBothDirections() throws Exception {
		assertThat(walkForwards("name", "asc", NAME_CELL)).isEqualTo(NAMES);
		assertThat(walkForwards("name", "desc", NAME_CELL)).isEqualTo(reversed(NAMES));
	}

	@Test
	void companiesReadInSpanishOrderPageAfterPageInBothDirections() throws Exception {
		assertThat(walkForwards("company", "asc", COMPANY_CELL)).isEqualTo(COMPANIES);
		assertThat(walkForwards("company", "desc", COMPANY_CELL)).isEqualTo(reversed(COMPANIES));
	}

	@Test
	void thePreviousLinksGoBackThroughTheSameOrder() throws Exception {
		String body = page("sort=name&dir=asc&size=3");
		for (int i = 0; i < 3; i++) {
			body = page(link(NEXT, body));
		}
		assertThat(cells(NAME_CELL, body)).containsExactly("Rodrigo Soto");
		List<String> backwards = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			body = page(link(PREVIOUS, body));
			backwards.addAll(0, cells(NAME_CELL, body));
		}
		assertThat(PREVIOUS.matcher(body).find()).isFalse();
		assertThat(backwards).isEqualTo(NAMES.subList(0, 9));
	}

	@Test
	void theQueryServiceGivesTheSameOrderAcrossAPageBoundary() {
		for (boolean ascending : new boolean[] { true, false }) {
			RegistrationQuery query = new RegistrationQuery(RegistrationFilter.ALL,
					new RegistrationSort(RegistrationSort.Column.name, ascending));
			RegistrationList first = this.search.list(this.event.id(), query, null, 0, 6);
			RegistrationList second = this.search.list(this.event.id(), query, first.nextCursor(), 0, 6);
			List<String> shown = new ArrayList<>();
			first.content().forEach((row) -> shown.add(row.fullName()));
			second.content().forEach((row) -> shown.add(row.fullName()));
			assertThat(shown).isEqualTo(ascending ? NAMES : reversed(NAMES));
			assertThat(second.hasNext()).isFalse();
		}
		// A search narrows the list; the order stays.
		RegistrationQuery ns = new RegistrationQuery(new RegistrationFilter("n", null, null, null, null, null),
				RegistrationSort.of("name", "asc"));
		assertThat(this.search.search(this.event.id(), ns, 0, 50).getContent()).extracting(RegistrationRow::fullName)
			.containsSubsequence("Nava Torres", "Núñez Gómez", "Ñandú Pérez");
	}

	@Test
	void aCursorFromBeforeTheSpanishOrderStillShowsAPage() throws Exception {
		// Links made when the key was lower(full_name): "ángel álvarez" sorted after
		// every unaccented name. They now land somewhere in the list, never on an error.
		long angel = this.jdbc.sql("select id from registration where event_id = ? and full_name = 'Ángel Álvarez'")
			.param(this.event.id())
			.query(Long.class)
			.single();
		for (String key : List.of("ángel álvarez", "ñandú pérez", "", "zzz", "\u0000", "'; drop table event")) {
			String cursor = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("name\nasc\nnext\n" + angel + "\n8\n" + key).getBytes(StandardCharsets.UTF_8));
			String body = page("sort=name&dir=asc&size=3&cursor=" + cursor);
			assertThat(cells(NAME_CELL, body)).as("the page after the old key %s", key).isSubsetOf(NAMES);
		}
	}

	/** Every page of the list from the first, following "Next", as staff click it. */
	private List<String> walkForwards(String sort, String dir, Pattern cell) throws Exception {
		List<String> shown = new ArrayList<>();
		String body = page("sort=" + sort + "&dir=" + dir + "&size=3");
		shown.addAll(cells(cell, body));
		for (int i = 0; i < 10 && NEXT.matcher(body).find(); i++) {
			body = page(link(NEXT, body));
			shown.addAll(cells(cell, body));
		}
		return shown;
	}

	private String page(String query) throws Exception {
		String path = "/admin/events/" + this.event.slug() + "/registrations";
		String uri = query.startsWith(path) ? query : path + "?" + query;
		return this.mvc.perform(get(uri + "&lang=es").with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String link(Pattern rel, String body) {
		Matcher matcher = rel.matcher(body);
		assertThat(matcher.find()).as("a %s link", rel).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private static List<String> cells(Pattern cell, String body) {
		List<String> values = new ArrayList<>();
		Matcher matcher = cell.matcher(body);
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

	private static List<String> reversed(List<String> values) {
		List<String> copy = new ArrayList<>(values);
		java.util.Collections.reverse(copy);
		return copy;
	}

}
