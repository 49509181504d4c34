package org.winformusic.events.shared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	@Autowired
	JdbcClient jdbc;

	@Test
	void missingPageGetsA404PageInTheVisitorsLanguage() throws Exception {
		HttpResponse<String> es = send(HttpRequest.newBuilder(uri("/events/no-such-event?lang=es")).GET());
		assertThat(es.statusCode()).isEqualTo(404);
		assertThat(es.body()).contains("Página no encontrada")
			.contains("Volver al inicio")
			// The language switch leads to the same address, not to the error page's own.
			.contains("<a href=\"/events/no-such-event?lang=en\" lang=\"en\"");
		assertThat(es.headers().firstValue("Content-Security-Policy")).isPresent();

		HttpResponse<String> en = send(HttpRequest.newBuilder(uri("/no/such/page?lang=en")).GET());
		assertThat(en.statusCode()).isEqualTo(404);
		assertThat(en.body()).contains("Page not found");
	}

	/**
	 * A draft never published leaks nothing: its page, form and "email me my link" answer
	 * as the addresses of no event do, byte for byte but for the address itself (the
	 * language links), headers included. (An event published once and unpublished since
	 * says so instead: {@code NoLongerPublishedPagesTests}.)
	 */
	@Test
	void aDraftsAddressesAnswerExactlyLikeThoseOfNoEvent() throws Exception {
		String draft = new TestEvents(this.jdbc).event()
			.title("Taller en borrador", "Draft workshop")
			.unpublished()
			.create()
			.slug();
		String none = draft.replace("-", "x") + "-none";
		for (String lang : new String[] { "es", "en" }) {
			for (String path : new String[] { "", "/register", "/lookup" }) {
				HttpResponse<String> ofDraft = send(
						HttpRequest.newBuilder(uri("/events/" + draft + path + "?lang=" + lang)).GET());
				HttpResponse<String> ofNone = send(
						HttpRequest.newBuilder(uri("/events/" + none + path + "?lang=" + lang)).GET());
				assertThat(ofDraft.statusCode()).as(path).isEqualTo(404).isEqualTo(ofNone.statusCode());
				assertThat(withoutDate(ofDraft)).as(path).isEqualTo(withoutDate(ofNone));
				assertThat(ofDraft.body().replace(draft, "SLUG")).as(path)
					.isEqualTo(ofNone.body().replace(none, "SLUG"))
					.contains("es".equals(lang) ? "Página no encontrada" : "Page not found")
					.doesNotContain("Taller en borrador", "Draft workshop", "ya no está publicado",
							"no longer published");
			}
		}
	}

	/** The headers but for the time they were sent (the date, a cookie's expiry). */
	private static Map<String, List<String>> withoutDate(HttpResponse<String> response) {
		Map<String, List<String>> headers = new TreeMap<>();
		response.headers()
			.map()
			.forEach((name, values) -> headers.put(name,
					values.stream().map((v) -> v.replaceAll("Expires=[^;]*;?", "")).toList()));
		headers.remove("date");
		return headers;
	}

	@Test
	void theLanguageSwitchOfAnErrorPageNeverLeadsToAnotherHost() throws Exception {
		// Refused by Spring Security's firewall ("//"): a link to "//evil.example/x"
		// would
		// be protocol-relative.
		String response = raw("GET //evil.example/x HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
				+ "Accept-Language: en\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400").contains("<a href=\"/?lang=es\"").doesNotContain("evil");
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

	@Test
	void everyResponseCarriesTheSecurityHeadersEvenRejectionsBeforeTheApplication() throws Exception {
		// Spring Security's firewall (semicolon, double slash, encoded dot), Tomcat's own
		// refusals (encoded slash, a request line it cannot parse), a 405, a 404 and a
		// page.
		for (String target : new String[] { "/events;x=1/mexico-workshop", "//events/mexico-workshop",
				"/events/%2e%2e/admin", "/events%2Fmexico-workshop", "/events/mexico-workshop?a=<>{}|", "/no/such/page",
				"/" }) {
			String response = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
					+ "Connection: close\r\n\r\n");
			assertThat(response).as(target)
				.containsIgnoringCase("Content-Security-Policy: default-src 'self'")
				.containsIgnoringCase("X-Content-Type-Options: nosniff")
				.containsIgnoringCase("X-Frame-Options: DENY")
				.containsIgnoringCase("Referrer-Policy: no-referrer")
				.doesNotContain(" 500 ");
		}
		HttpResponse<String> notAllowed = send(HttpRequest.newBuilder(uri("/css/app.css")).DELETE());
		assertThat(notAllowed.statusCode()).isIn(403, 405);
		assertThat(notAllowed.headers().firstValue("X-Frame-Options")).contains("DENY");
		HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/privacy")).PUT(noBody()));
		assertThat(put.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(put.headers().firstValue("Referrer-Policy")).contains("no-referrer");
	}

	@Test
	void aLanguageCookieThatIsNotALanguageIsIgnored() throws Exception {
		// Another application of the same domain, or a hand-edited cookie: the page is
		// shown in the browser's language, as if there were no cookie.
		for (String cookie : new String[] { "lang=es%2DMX", "lang=\"es\"", "lang=%00", "lang=%", "lang=en%00" }) {
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/events/no-such-event"))
				.header("Cookie", cookie)
				.header("Accept-Language", "en")
				.GET());
			assertThat(page.statusCode()).as(cookie).isEqualTo(404);
			assertThat(page.body()).as(cookie).contains("Page not found");
			assertThat(send(HttpRequest.newBuilder(uri("/events/mexico-workshop")).header("Cookie", cookie).GET())
				.statusCode()).as(cookie).isEqualTo(200);
		}
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/error")).header("Accept-Language", "es-MX").GET());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Página no encontrada");
	}

	@Test
	void aBodyThatIsNotAFormGetsA415PageInTheVisitorsLanguage() throws Exception {
		HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/events/mexico-workshop/register"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString("{\"fullName\":\"Ana\"}")));
		assertThat(json.statusCode()).isEqualTo(415);
		assertThat(json.body()).contains("This form was not sent the usual way");
		HttpResponse<String> multipart = send(HttpRequest.newBuilder(uri("/events/mexico-workshop/register"))
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.header("Accept-Language", "es")
			.POST(HttpRequest.BodyPublishers
				.ofString("--xyz\r\nContent-Disposition: form-data; name=\"fullName\"\r\n\r\nAna\r\n--xyz--\r\n")));
		assertThat(multipart.statusCode()).isEqualTo(415);
		assertThat(multipart.body()).contains("Este formulario no se envió de la forma habitual");
	}

	@Test
	void aChunkedMegabyteFormGetsTheLocalized413Page() throws Exception {
		StringBuilder request = new StringBuilder("POST /events/mexico-workshop/register HTTP/1.1\r\n"
				+ "Host: 127.0.0.1\r\nAccept: text/html\r\nAccept-Language: es\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
				+ "Connection: close\r\n\r\n");
		String chunk = "a".repeat(64 * 1024);
		request.append(Integer.toHexString("fullName=".length())).append("\r\nfullName=\r\n");
		for (int i = 0; i < 16; i++) {
			request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
		}
		request.append("0\r\n\r\n");
		String response = raw(request.toString());
		assertThat(response).startsWith("HTTP/1.1 413").contains("Lo que enviaste es demasiado grande");
	}

	@Test
	void controlCharactersInAStaffOrPublicFormNeverReachTheDatabase() throws Exception {
		// Forms answer it next to the field; a request no form handles (here the bulk
		// action's hidden return address) gets the 400 page that says what is wrong. The
		// CSRF check comes after, so no token is needed here.
		HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/admin/events/mexico-workshop/registrations/bulk"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString("back=a%00b")));
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("invisible control characters");
		// A link to a form page is no form: the editor's "copy from" would reach
		// PostgreSQL with the NUL.
		HttpResponse<String> link = send(
				HttpRequest.newBuilder(uri("/admin/events/new?from=%00")).header("Accept-Language", "en").GET());
		assertThat(link.statusCode()).isEqualTo(400);
		assertThat(link.body()).contains("invisible control characters");
	}

	private String raw(String request) throws IOException {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			// Bounded, with room for a loaded machine: the answer ends with the
			// connection.
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
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
