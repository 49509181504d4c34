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
 * {@value AdminQueries#EVENTS_PER_PAGE}, newest first, so its cost does not grow with the
 * years of events one deployment keeps.
 */
@AdminTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventListPagingTests {

	/** Later than any other test's event, so these are the newest. */
	static final Instant FAR = Instant.parse("2900-01-01T16:00:00Z");

	static final int OURS = AdminQueries.EVENTS_PER_PAGE + 2;

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
	}

	@Test
	void theFirstPageShowsTheNewestEventsAndLinksToTheNext() throws Exception {
		MvcResult result = admin("/admin");

		assertThat(slugs(result)).startsWith("paging-26", "paging-25", "paging-24")
			.hasSize(AdminQueries.EVENTS_PER_PAGE)
			.doesNotContain("paging-1", "paging-0");
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("href=\"/admin?page=1\"").contains("Página 1 de");
	}

	@Test
	void theNextPageGoesOnWhereTheFirstStopped() throws Exception {
		assertThat(slugs(admin("/admin?page=1"))).startsWith("paging-1", "paging-0");
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
