package org.winformusic.events.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files get hashed URLs and a year of browser cache, and only links to static
 * files go through the resource chain: a page link such as {@code /admin/registrations}
 * must not send the server looking for a file of that name on every render.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class StaticResourcesTests {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void pagesLinkHashedStaticFilesThatBrowsersKeepForAYear() throws Exception {
		HttpResponse<String> page = get("/events/mexico-workshop?lang=es");
		Matcher stylesheet = STYLESHEET.matcher(page.body());
		assertThat(stylesheet.find()).as("hashed stylesheet link in the event page").isTrue();

		HttpResponse<String> css = get(stylesheet.group(1));
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=31536000");
		assertThat(css.body()).contains("{");
		assertThat(get("/door-sw.js").statusCode()).isEqualTo(200);
		assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
	}

	@Test
	void onlyStaticFilePatternsAreResolvedAsResources() {
		assertThat(this.resourceUrls.getHandlerMap().keySet()).doesNotContain("/**");
		assertThat(this.resourceUrls.getForLookupPath("/admin/registrations")).isNull();
		assertThat(this.resourceUrls.getForLookupPath("/js/form.js")).matches("/js/form-[0-9a-f]{32}\\.js");
	}

	@Test
	void aFileOutsideTheStaticPatternsIsNotServed() throws Exception {
		assertThat(get("/application.properties").statusCode()).isEqualTo(404);
		assertThat(get("/templates/layout.html").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
