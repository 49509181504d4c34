package org.winformusic.events.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The list of events at {@code /admin} comes in pages of
 * {@value AdminQueries#EVENTS_PER_PAGE}, so its cost does not grow with the years of
 * events one deployment keeps: the coming events soonest first, so the next workshop is
 * on top, then the past ones, latest first (as the door's list orders them after
 * today's).
 */
@AdminTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventListPagingTests {

	/** Later than any other test's event. */
	static final Instant FAR = Instant.parse("2900-01-01T16:00:00Z");

	/** Earlier than any other test's event. */
	static final Instant LONG_AGO = Instant.parse("1990-01-01T16:00:00Z");

	static final int OURS = AdminQueries.EVENTS_PER_PAGE + 2;

	static final int PAST = 3;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void manyEvents() {
		TestEvents events = new TestEvents(this.jdbc);
		for (int i = 0; i < OURS; i++) {
			events.event()
				.slug("paging-" + i)
				.title("Taller " + i, "Workshop " + i)
				.startsAt(FAR.plus(i, ChronoUnit.DAYS))
				.create();
		}
		for (int i = 0; i < PAST; i++) {
			events.event()
				.slug("paging-past-" + i)
				.title("Taller pasado " + i, "Past workshop " + i)
				.startsAt(LONG_AGO.plus(i, ChronoUnit.DAYS))
				.create();
		}
	}

	@Test
	void theFirstPageIsFullAndLinksToTheNext() throws Exception {
		MvcResult result = admin("/admin");

		assertThat(page(result).getContent()).hasSize(AdminQueries.EVENTS_PER_PAGE);
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("href=\"/admin?page=1\"").contains("Página 1 de");
	}

	/**
	 * Page after page, each event once: the coming ones soonest first, then the past ones
	 * latest first.
	 */
	@Test
	void thePagesHoldTheComingEventsSoonestFirstThenThePastOnesLatestFirst() throws Exception {
		List<String> all = new java.util.ArrayList<>();
		Page<?> first = page(admin("/admin"));
		for (int number = 0; number < first.getTotalPages(); number++) {
			all.addAll(slugs(admin("/admin?page=" + number)));
		}
		List<String> expected = new java.util.ArrayList<>();
		for (int i = 0; i < OURS; i++) {
			expected.add("paging-" + i);
		}
		for (int i = PAST - 1; i >= 0; i--) {
			expected.add("paging-past-" + i);
		}
		assertThat(all.stream().filter((slug) -> slug.startsWith("paging-")).toList()).isEqualTo(expected);
		assertThat(all).doesNotHaveDuplicates();
	}

	@Test
	void aPagePastTheLastShowsTheLast() throws Exception {
		Page<?> last = page(admin("/admin?page=100000"));

		assertThat(last.getNumber()).isEqualTo(last.getTotalPages() - 1);
		assertThat(last.getContent()).isNotEmpty();
	}

	@Test
	void aPageThatIsNotANumberIsABadRequestNotAnError() throws Exception {
		this.mvc.perform(get("/admin?page=abc").with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isBadRequest());
	}

	private MvcResult admin(String path) throws Exception {
		return this.mvc
			.perform(get(path).with(user("ops@win.test").roles("OPS")).locale(java.util.Locale.forLanguageTag("es")))
			.andExpect(status().isOk())
			.andReturn();
	}

	private static Page<?> page(MvcResult result) {
		return (Page<?>) result.getModelAndView().getModel().get("events");
	}

	private static List<String> slugs(MvcResult result) {
		return page(result).getContent().stream().map((e) -> ((AdminQueries.EventSummary) e).slug()).toList();
	}

}
