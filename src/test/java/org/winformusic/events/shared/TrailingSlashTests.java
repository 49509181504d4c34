package org.winformusic.events.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address typed or pasted with a slash at the end reaches its page through a redirect,
 * its query kept, and never leaves the site: a path that a browser could read as another
 * host gets the 404 page, as does a form posted to such an address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class TrailingSlashTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aPageAddressWithASlashAtTheEndLeadsToThePage() throws Exception {
		HttpResponse<String> slash = get("/events/mexico-workshop/?lang=en");
		assertThat(slash.statusCode()).isEqualTo(301);
		assertThat(slash.headers().firstValue("Location")).hasValue("/events/mexico-workshop?lang=en");
		assertThat(get("/events/mexico-workshop/register/").headers().firstValue("Location"))
			.hasValue("/events/mexico-workshop/register");
		assertThat(get(slash.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
		assertThat(get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void noRedirectLeavesTheSiteAndAFormPostedThereIsNotMoved() throws Exception {
		for (String path : new String[] { "//evil.example/", "/%5Cevil.example/", "/events//" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isNotEqualTo(301);
			assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
		}
		HttpResponse<String> posted = this.http
			.send(HttpRequest.newBuilder(URI.create(base() + "/events/mexico-workshop/register/"))
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isNotEqualTo(301);
		assertThat(posted.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void theSlashIsTakenOffOnlyWhereItEndsAGetOrHead() {
		assertThat(TrailingSlash.withoutSlash("HEAD", "/r/abc/", null)).isEqualTo("/r/abc");
		assertThat(TrailingSlash.withoutSlash("GET", "/", null)).isNull();
		assertThat(TrailingSlash.withoutSlash("GET", "/privacy", "x=1")).isNull();
		assertThat(TrailingSlash.withoutSlash("POST", "/privacy/", null)).isNull();
		assertThat(TrailingSlash.withoutSlash("GET", "/a\\evil.example/", null)).isNull();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
