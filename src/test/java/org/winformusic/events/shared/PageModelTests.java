package org.winformusic.events.shared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page shows the organizers' contact in its footer and a language switch that keeps
 * the visitor on it: pages rendered once and kept (event page, blank form), pages
 * rendered per request, and error pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "app.privacy.contact=preguntas@win.test")
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class PageModelTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void everyKindOfPageHasTheContactAndItsOwnLanguageSwitch() throws Exception {
		SoftAssertions softly = new SoftAssertions();
		String[][] pages = { { "/events/mexico-workshop", "200" }, { "/events/mexico-workshop/register", "200" },
				{ "/events/mexico-workshop/lookup", "200" }, { "/privacy", "200" },
				{ "/events/no-such-event", "404" } };
		for (String[] page : pages) {
			for (int visit = 0; visit < 2; visit++) {
				// The second visit gets a kept page where there is one.
				HttpResponse<String> response = get(page[0]);
				softly.assertThat(response.statusCode()).as(page[0]).isEqualTo(Integer.parseInt(page[1]));
				softly.assertThat(response.body())
					.as(page[0])
					.contains("href=\"mailto:preguntas@win.test\"")
					.contains("<a href=\"" + page[0] + "?lang=en\" lang=\"en\"");
			}
		}
		softly.assertAll();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "es-MX")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
