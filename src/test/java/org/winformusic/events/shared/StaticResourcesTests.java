package org.winformusic.events.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
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

	@Autowired
	ApplicationContext context;

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

	/**
	 * Links are built through {@link StaticLinks} alone (Boot's filter, which matches
	 * every link against each pattern, is not added), and it tells static files from page
	 * links by the patterns the files are served under: scripts, icons and stylesheets
	 * get their hashed names, on error pages too, with a context path and with what
	 * follows the path kept; links to pages are left as they are.
	 */
	@Test
	void linksToStaticFilesAndOnlyThoseGetHashedNames() throws Exception {
		assertThat(this.context.getBeansOfType(FilterRegistrationBean.class).values())
			.filteredOn((registration) -> registration.getFilter() instanceof ResourceUrlEncodingFilter)
			.singleElement()
			.extracting(FilterRegistrationBean::getFilter)
			.isInstanceOf(StaticLinks.Filter.class);
		assertThat(this.resourceUrls.getHandlerMap().keySet()).containsExactlyInAnyOrder("/css/**", "/js/**", "/*.js",
				"/*.svg");

		String page = get("/events/mexico-workshop/register?lang=es").body();
		assertThat(page).containsPattern("src=\"/js/form-[0-9a-f]{32}\\.js\"")
			.containsPattern("href=\"/favicon-[0-9a-f]{32}\\.svg\"")
			.contains("href=\"/privacy\"");
		HttpResponse<String> missing = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/no-such-page"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(STYLESHEET.matcher(missing.body()).find()).as("hashed stylesheet link in the 404 page").isTrue();

		StaticLinks.Filter links = new StaticLinks.Filter(this.resourceUrls);
		assertThat(links.hashed("/events", "/events/css/app.css?v=1#top"))
			.matches("/events/css/app-[0-9a-f]{32}\\.css\\?v=1#top");
		assertThat(links.hashed("", "/door-sw.js")).matches("/door-sw-[0-9a-f]{32}\\.js");
		for (String link : List.of("/admin/registrations?q=css", "/r/abc/event.ics", "/events/css/app.css",
				"/admin/x.js", "https://maps.example.org/css/app.css", "/css/missing.css")) {
			assertThat(links.hashed("", link)).as(link).isEqualTo(link);
		}
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
