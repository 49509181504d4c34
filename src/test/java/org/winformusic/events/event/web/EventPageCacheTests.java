package org.winformusic.events.event.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

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

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private String slug;

	@BeforeEach
	void createEvent() {
		this.slug = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slugPrefix("cache-test")
			.capacity(3)
			.create()
			.slug();
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
