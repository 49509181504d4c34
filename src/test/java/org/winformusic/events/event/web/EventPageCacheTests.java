package org.winformusic.events.event.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class EventPageCacheTests {

	private static int events;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private String slug;

	@BeforeEach
	void createEvent() {
		this.slug = "cache-test-" + (++events);
		long id = this.jdbc
			.sql("insert into event (slug, title_es, title_en, summary_es, summary_en, description_es, description_en,"
					+ " agenda_es, agenda_en, about_es, about_en, starts_at, ends_at, time_zone, venue_name,"
					+ " venue_address, capacity, published) select ?, title_es, title_en, summary_es, summary_en,"
					+ " description_es, description_en, agenda_es, agenda_en, about_es, about_en, starts_at, ends_at,"
					+ " time_zone, venue_name, venue_address, 3, true from event where slug = 'mexico-workshop'"
					+ " returning id")
			.param(this.slug)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into event_seat (event_id, seat_no) select ?, g from generate_series(1, 3) g")
			.param(id)
			.update();
	}

	@Test
	void aSeatTakenOrFreedShowsOnTheVeryNextView() throws Exception {
		assertThat(page()).contains("Quedan 3 lugares de 3");
		this.jdbc.sql("delete from event_seat where seat_no = 3 and event_id = (select id from event where slug = ?)")
			.param(this.slug)
			.update();
		assertThat(page()).contains("Quedan 2 lugares de 2");
	}

	@Test
	void anUnchangedPageAnswersNotModifiedToABrowserThatHasIt() throws Exception {
		MvcResult first = this.mvc.perform(get("/events/" + this.slug)).andExpect(status().isOk()).andReturn();
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();
		assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
		this.mvc.perform(get("/events/" + this.slug).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/events/" + this.slug).param("lang", "en").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isOk());
	}

	@Test
	void browsersThatAcceptGzipGetTheKeptCompressedPage() throws Exception {
		page();
		MvcResult gzipped = this.mvc.perform(get("/events/" + this.slug).header(HttpHeaders.ACCEPT_ENCODING, "gzip"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(gzipped.getResponse().getHeader(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		byte[] body = gzipped.getResponse().getContentAsByteArray();
		String html = new String(
				new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("Quedan 3 lugares de 3");
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/events/" + this.slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
