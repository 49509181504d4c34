package org.winformusic.events.admin;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationFilter;
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
 * A name typed with a phone's apostrophe (’) and searched with a keyboard's (') or the
 * other way round, or without any: the registrations list and the door find the person
 * either way, as they already ignore case and accents.
 */
@AdminTest
class ApostropheSearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationSearch search;

	@Autowired
	PublicRegistrations registrations;

	TestEvents.Created event;

	@BeforeEach
	void seed() {
		this.event = new TestEvents(this.jdbc).event().capacity(10).create();
		new TestRegistrations(this.jdbc).in(this.event)
			.person("Renée O'Connor Saldaña")
			.email(TestRegistrations.uniqueEmail("renee"))
			.company("Sello Roma")
			.createdAt(AdminTest.REGISTERED)
			.create();
		// Typed on an iPhone, through the public form.
		TestRegistrations.register(this.registrations, this.event.slug(), "Sinéad O’Brien Yáñez",
				TestRegistrations.uniqueEmail("sinead"), "D’Amico Discos");
		new TestRegistrations(this.jdbc).in(this.event)
			.person("Tomás O´Neill Ruiz")
			.email(TestRegistrations.uniqueEmail("tomas"))
			.company("Ediciones Sur")
			.createdAt(AdminTest.REGISTERED)
			.create();
	}

	@Test
	void everyKindOfApostropheFindsTheOthersAndSoDoesNone() {
		for (String q : List.of("O’Connor", "o'connor", "O‘CONNOR", "oʼconnor", "o`connor", "o´connor", "oconnor",
				"renee o’c")) {
			assertThat(names(q)).as(q).containsExactly("Renée O'Connor Saldaña");
		}
		for (String q : List.of("o'brien", "O’Brien", "obrien", "sinead obrien yanez")) {
			assertThat(names(q)).as(q).containsExactly("Sinéad O’Brien Yáñez");
		}
		for (String q : List.of("d'amico", "D’Amico", "damico discos", "amico")) {
			assertThat(names(q)).as(q).containsExactly("Sinéad O’Brien Yáñez");
		}
		for (String q : List.of("o'neill", "O’Neill", "oneill")) {
			assertThat(names(q)).as(q).containsExactly("Tomás O´Neill Ruiz");
		}
		assertThat(names("o brien")).isEmpty();
	}

	@Test
	void theListPageFindsTheNameSearchedWithAPhonesApostrophe() throws Exception {
		String page = this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations").param("q", "O’Connor")
				.param("lang", "es")
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Saldaña").doesNotContain("Yáñez");
	}

	@Test
	void theDoorFindsTheNameTypedWithAPhonesApostropheSearchedWithAKeyboards() throws Exception {
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "o'brien", "ORGANIZER", "es")).contains("Yáñez")
			.doesNotContain("Saldaña");
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "O’Connor", "DOOR", "es")).contains("Saldaña")
			.doesNotContain("Yáñez");
		assertThat(DoorSearches.results(this.mvc, this.event.slug(), "damico", "DOOR", "es")).contains("Yáñez");
	}

	private List<String> names(String q) {
		return this.search
			.search(this.event.id(),
					new RegistrationQuery(new RegistrationFilter(q, null, null, null, null, null),
							RegistrationSort.DEFAULT),
					0, 50)
			.getContent()
			.stream()
			.map(RegistrationRow::fullName)
			.toList();
	}

}
