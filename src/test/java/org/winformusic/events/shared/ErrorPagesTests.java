package org.winformusic.events.shared;

import java.io.IOException;
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

/** Error pages come from the real servlet container: localized, without internals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class ErrorPagesTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void missingPageGetsA404PageInTheVisitorsLanguage() throws Exception {
		HttpResponse<String> es = send(HttpRequest.newBuilder(uri("/events/no-such-event?lang=es")).GET());
		assertThat(es.statusCode()).isEqualTo(404);
		assertThat(es.body()).contains("Página no encontrada").contains("Volver al inicio");
		assertThat(es.headers().firstValue("Content-Security-Policy")).isPresent();

		HttpResponse<String> en = send(HttpRequest.newBuilder(uri("/no/such/page?lang=en")).GET());
		assertThat(en.statusCode()).isEqualTo(404);
		assertThat(en.body()).contains("Page not found");
	}

	@Test
	void wrongMethodGetsA405PageWithoutFrameworkDetails() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/events/mexico-workshop?lang=en")).method("PATCH", noBody()));
		// A PATCH without a CSRF token is refused first; either way a clear page, no
		// internals.
		assertThat(response.statusCode()).isIn(403, 405);
		assertThat(response.body()).containsAnyOf("This action is not allowed", "This action is not available here")
			.doesNotContain("Exception")
			.doesNotContain("Spring")
			.doesNotContain("Whitelabel")
			.doesNotContain("trace");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpRequest.BodyPublisher noBody() {
		return HttpRequest.BodyPublishers.noBody();
	}

}
