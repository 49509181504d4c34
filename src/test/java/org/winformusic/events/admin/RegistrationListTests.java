package org.winformusic.events.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.StatementCounter;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationList;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationSearch;
import org.winformusic.events.registration.RegistrationSort;
import org.winformusic.events.registration.RegistrationStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registrations list: search ignoring case and accents, each filter, sorting, paging,
 * and a fixed number of SQL statements whatever the page size.
 */
@AdminTest
class RegistrationListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationSearch search;

	TestEvents events;

	TestRegistrations data;

	TestEvents.Created event;

	@BeforeEach
	void seed() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
		this.event = this.events.event().capacity(10).create();
		this.data.in(this.event)
			.person("José Peña")
			.email("jose.pena@disqueria.test")
			.company("Discos Ñandú")
			.createdAt(Instant.parse("2026-11-01T10:00:00Z"))
			.create();
		this.data.in(this.event)
			.person("María Álvarez")
			.email("maria@editorial.test")
			.company("Editorial Sur")
			.status("WAITLISTED")
			.companyType("PUBLISHER")
			.state("JAL")
			.associationInterest("MAYBE")
			.createdAt(Instant.parse("2026-11-02T10:00:00Z"))
			.create();
		this.data.in(this.event)
			.person("Bruno Díaz")
			.email("bruno@booking.test")
			.company("Booking Norte")
			.status("PENDING")
			.companyType("BOOKING_PROMOTER")
			.state("NLE")
			.associationInterest("NO")
			.createdAt(Instant.parse("2026-11-03T10:00:00Z"))
			.create();
		this.data.in(this.event)
			.person("Ana Zúñiga")
			.email("ana@dist.test")
			.company("Distribuidora Centro")
			.status("CANCELLED")
			.companyType("DISTRIBUTOR")
			.createdAt(Instant.parse("2026-11-04T10:00:00Z"))
			.create();
		this.jdbc.sql("update registration set checked_in_at = now() where email = 'jose.pena@disqueria.test'")
			.update();
	}

	List<String> names(RegistrationFilter filter) {
		return names(filter, RegistrationSort.DEFAULT);
	}

	List<String> names(RegistrationFilter filter, RegistrationSort sort) {
		return this.search.search(this.event.id(), new RegistrationQuery(filter, sort), 0, 50)
			.getContent()
			.stream()
			.map(RegistrationRow::fullName)
			.toList();
	}

	@Test
	void searchIgnoresCaseAndAccentsInNameEmailAndCompany() {
		assertThat(names(text("jose"))).containsExactly("José Peña");
		assertThat(names(text("PEÑA"))).containsExactly("José Peña");
		assertThat(names(text("alvarez"))).containsExactly("María Álvarez");
		assertThat(names(text("nandu"))).containsExactly("José Peña");
		assertThat(names(text("booking.test"))).containsExactly("Bruno Díaz");
		assertThat(names(text("100%_"))).isEmpty();
	}

	/**
	 * An address with an accented domain is stored in its Unicode spelling; staff often
	 * have its ASCII one (IDNA), from a bounce, a mail server's log or a mailbox that
	 * shows it so: both find the person.
	 */
	@Test
	void aSearchByTheAsciiSpellingOfAnAccentedDomainFindsTheAddress() {
		this.data.in(this.event).person("Ana Diseño").email("ana@diseño.mx").company("Sello Uno").create();
		assertThat(names(text("ana@diseño.mx"))).containsExactly("Ana Diseño");
		assertThat(names(text("ana@xn--diseo-rta.mx"))).containsExactly("Ana Diseño");
		assertThat(names(text("ANA@XN--DISEO-RTA.MX"))).containsExactly("Ana Diseño");
		assertThat(names(text("xn--diseo-rta.mx"))).containsExactly("Ana Diseño");
		assertThat(names(text("@xn--diseo-rta"))).containsExactly("Ana Diseño");
		assertThat(names(text("xn--"))).isEmpty();
	}

	@Test
	void aSearchFindsAnyPartOfTheTextAcrossWordsAndOnlyInItsOwnEvent() {
		TestEvents.Created other = this.events.event().capacity(10).create();
		this.data.in(other).person("José Peña").email("jose.pena@disqueria.test").company("Discos Ñandú").create();

		// Word fragments, across a dot, from the email into the company, too short for a
		// trigram: the event's part of the index (V22) finds the candidates, LIKE
		// decides.
		assertThat(names(text("pena"))).containsExactly("José Peña");
		assertThat(names(text("rez"))).containsExactly("María Álvarez");
		assertThat(names(text("e.peña@disq"))).containsExactly("José Peña");
		assertThat(names(text("ria.te"))).containsExactly("José Peña");
		assertThat(names(text("test discos ñ"))).containsExactly("José Peña");
		assertThat(names(text("sé pe"))).containsExactly("José Peña");
		assertThat(names(text("ez b"))).isEmpty();
	}

	@Test
	void eachFilterNarrowsTheList() {
		assertThat(names(new RegistrationFilter(null, RegistrationStatus.WAITLISTED, null, null, null, null)))
			.containsExactly("María Álvarez");
		assertThat(names(new RegistrationFilter(null, null, CompanyType.BOOKING_PROMOTER, null, null, null)))
			.containsExactly("Bruno Díaz");
		assertThat(names(new RegistrationFilter(null, null, null, "CMX", null, null))).containsExactly("José Peña",
				"Ana Zúñiga");
		assertThat(names(new RegistrationFilter(null, null, null, null, AssociationInterest.MAYBE, null)))
			.containsExactly("María Álvarez");
		assertThat(names(new RegistrationFilter(null, null, null, null, null, true))).containsExactly("José Peña");
		assertThat(names(new RegistrationFilter(null, null, null, null, null, false))).hasSize(3);
		assertThat(names(new RegistrationFilter("a", null, null, "CMX", AssociationInterest.YES, false)))
			.containsExactly("Ana Zúñiga");
	}

	@Test
	void sortsByAnyColumnInBothDirections() {
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("name", "asc"))).containsExactly("Ana Zúñiga",
				"Bruno Díaz", "José Peña", "María Álvarez");
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("createdAt", "desc")))
			.containsExactly("Ana Zúñiga", "Bruno Díaz", "María Álvarez", "José Peña");
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("company", "asc")).get(0)).isEqualTo("Bruno Díaz");
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("status", "asc")).get(0)).isEqualTo("Ana Zúñiga");
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("state", "desc")).get(0)).isEqualTo("Bruno Díaz");
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("companyType", "asc")).get(0))
			.isEqualTo("Bruno Díaz");
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("email", "desc")).get(0))
			.isEqualTo("María Álvarez");
		// Interest sorts by code (MAYBE, NO, YES); arrivals first, then those not yet in.
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("interest", "asc")).get(0))
			.isEqualTo("María Álvarez");
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("checkedIn", "asc")).get(0))
			.isEqualTo("José Peña");
		// Anything else falls back to the registration order: no request text reaches
		// SQL.
		assertThat(names(RegistrationFilter.ALL, RegistrationSort.of("full_name; drop table event", "asc")))
			.containsExactly("José Peña", "María Álvarez", "Bruno Díaz", "Ana Zúñiga");
	}

	@Test
	void pagesSplitTheListAndReportTheTotal() {
		Page<RegistrationRow> first = this.search.search(this.event.id(), RegistrationQuery.ALL, 0, 3);
		Page<RegistrationRow> second = this.search.search(this.event.id(), RegistrationQuery.ALL, 1, 3);
		assertThat(first.getTotalElements()).isEqualTo(4);
		assertThat(first.getTotalPages()).isEqualTo(2);
		assertThat(first.getContent()).extracting(RegistrationRow::fullName)
			.containsExactly("José Peña", "María Álvarez", "Bruno Díaz");
		assertThat(second.getContent()).extracting(RegistrationRow::fullName).containsExactly("Ana Zúñiga");
	}

	@Test
	void nextAndPreviousLinksWalkEverySortWithoutSkippingOrRepeatingARow() {
		for (RegistrationSort.Column column : RegistrationSort.Column.values()) {
			for (boolean ascending : new boolean[] { true, false }) {
				RegistrationSort sort = new RegistrationSort(column, ascending);
				RegistrationQuery query = new RegistrationQuery(RegistrationFilter.ALL, sort);
				List<String> all = names(RegistrationFilter.ALL, sort);
				RegistrationList first = this.search.list(this.event.id(), query, null, 0, 3);
				assertThat(first.hasPrevious()).isFalse();
				RegistrationList second = this.search.list(this.event.id(), query, first.nextCursor(), 0, 3);
				assertThat(second.hasNext()).isFalse();
				assertThat(second.from()).isEqualTo(4);
				assertThat(java.util.stream.Stream.concat(first.content().stream(), second.content().stream())
					.map(RegistrationRow::fullName)
					.toList()).as("sorted by %s", sort).isEqualTo(all);
				RegistrationList back = this.search.list(this.event.id(), query, second.previousCursor(), 0, 3);
				assertThat(back.content()).isEqualTo(first.content());
				assertThat(back.from()).isEqualTo(1);
				assertThat(back.hasPrevious()).isFalse();
			}
		}
	}

	@Test
	void aCursorMadeForAnotherSortOrTamperedWithShowsTheFirstPage() {
		RegistrationList first = this.search.list(this.event.id(), RegistrationQuery.ALL, null, 0, 3);
		RegistrationQuery byName = new RegistrationQuery(RegistrationFilter.ALL, RegistrationSort.of("name", "asc"));
		String forged = java.util.Base64.getUrlEncoder()
			.encodeToString("createdAt\nasc\nnext\n1\n0\n'; drop table event".getBytes());
		// Instants Java reads but the driver and PostgreSQL do not.
		String farFuture = java.util.Base64.getUrlEncoder()
			.encodeToString("createdAt\nasc\nnext\n3\n2\n+10000-01-01T00:00:00Z".getBytes());
		String farPast = java.util.Base64.getUrlEncoder()
			.encodeToString("createdAt\nasc\nnext\n3\n2\n-5000-01-01T00:00:00Z".getBytes());
		// A text PostgreSQL refuses (it holds no NUL).
		String nul = java.util.Base64.getUrlEncoder().encodeToString("name\nasc\nnext\n3\n2\nan\u0000a".getBytes());
		for (RegistrationList page : List.of(this.search.list(this.event.id(), byName, first.nextCursor(), 0, 3),
				this.search.list(this.event.id(), RegistrationQuery.ALL, "not a cursor", 0, 3),
				this.search.list(this.event.id(), RegistrationQuery.ALL, forged, 0, 3),
				this.search.list(this.event.id(), RegistrationQuery.ALL, farFuture, 0, 3),
				this.search.list(this.event.id(), RegistrationQuery.ALL, farPast, 0, 3),
				this.search.list(this.event.id(), byName, nul, 0, 3))) {
			assertThat(page.from()).isEqualTo(1);
			assertThat(page.hasPrevious()).isFalse();
			assertThat(page.content()).hasSize(3);
		}
	}

	@Test
	void theListPageLinksToTheNextRowsAndBack() throws Exception {
		String next = this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations").param("size", "2")
				.param("lang", "en")
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("4 registrations")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Rows 1 to 2")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*rel=\"next\" href=\"[^\"]*[?&](?:amp;)?(size=2&amp;cursor=[^\"]*)\".*", "$1")
			.replace("&amp;", "&");
		this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations?" + next + "&lang=en")
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Rows 3 to 4")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Bruno Díaz")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("José Peña"))));
		// An old link to the second page still shows the second page.
		this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations").param("size", "2")
				.param("page", "1")
				.param("lang", "en")
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Rows 3 to 4")));
		// A link to a page after the last one says so, and leads to the first: not "no
		// registrations match" under "4 registrations".
		this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations").param("size", "2")
				.param("page", "7")
				.param("lang", "es")
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Esta página ya no existe")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Ir a la primera página")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Ningún registro coincide"))));
	}

	/**
	 * When someone registered reads as on the other pages, compact for a table cell, in
	 * the reader's language and the event's zone: not an ISO timestamp.
	 */
	@Test
	void theRegistrationTimeReadsInTheStaffMembersLanguage() throws Exception {
		for (String[] expected : new String[][] { { "es", "1 nov 2026, 04:00" }, { "en", "1 Nov 2026, 04:00" } }) {
			this.mvc
				.perform(get("/admin/events/" + this.event.slug() + "/registrations").param("q", "JOSE")
					.param("lang", expected[0])
					.with(user("ops@win.test").roles("OPS")))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(">" + expected[1] + "<")))
				.andExpect(content()
					.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("2026-11-01"))));
		}
	}

	@Test
	void theListPageFiltersFromItsQueryParametersAndLinksTheSameQueryToTheExport() throws Exception {
		this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations").param("q", "JOSE")
				.param("state", "CMX")
				.param("lang", "en")
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("José Peña")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Ana Zúñiga"))))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("/admin/events/" + this.event.slug() + "/registrations.csv?q=JOSE&amp;state=CMX")));
		this.mvc
			.perform(get("/admin/events/" + this.event.slug() + "/registrations").param("status", "NOT_A_STATUS")
				.with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void filterParametersBindTheSameWayFromAMap() {
		RegistrationListViews.FilterParams params = RegistrationListViews.FilterParams.from(Map.of("q", " jose ",
				"status", "confirmed", "checkedIn", "true", "sort", "name", "dir", "desc", "size", "5000"));
		assertThat(params.query(Regions.of("MX"), () -> RegistrationQuery.Answerable.NONE))
			.isEqualTo(new RegistrationQuery(
					new RegistrationFilter("jose", RegistrationStatus.CONFIRMED, null, null, null, true),
					new RegistrationSort(RegistrationSort.Column.name, false)));
		assertThat(params.pageSize()).isEqualTo(RegistrationListViews.FilterParams.MAX_SIZE);
	}

	@Test
	void theListPageRunsTheSameFewStatementsForTenOrAHundredRows() throws Exception {
		TestEvents.Created big = this.events.event().capacity(1).create();
		for (int i = 0; i < 120; i++) {
			this.data.in(big)
				.person("Persona " + i)
				.status("WAITLISTED")
				.companyType("OTHER")
				.state("PUE")
				.associationInterest("MAYBE")
				.createdAt(Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i))
				.create();
		}
		// The first view also loads the event's facts, which are then kept a few seconds.
		statementsFor(big, 10);
		int ten = statementsFor(big, 10);
		int hundred = statementsFor(big, 100);
		assertThat(hundred).isEqualTo(ten);
		assertThat(ten).isBetween(2, 12);
	}

	private int statementsFor(TestEvents.Created event, int size) throws Exception {
		StatementCounter.start();
		String body;
		try {
			body = this.mvc
				.perform(get("/admin/events/" + event.slug() + "/registrations").param("size", String.valueOf(size))
					.with(user("ops@win.test").roles("OPS")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		finally {
			this.counted = StatementCounter.stop();
		}
		assertThat(body.split("href=\"/admin/registrations/").length - 1).isEqualTo(size);
		return this.counted;
	}

	private int counted;

	private static RegistrationFilter text(String q) {
		return new RegistrationFilter(q, null, null, null, null, null);
	}

}
