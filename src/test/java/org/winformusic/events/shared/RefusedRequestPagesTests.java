package org.winformusic.events.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Requests Tomcat refuses before any filter or controller runs (a path that is not UTF-8,
 * an encoded slash, a request line or header above the size limit) and a form body that
 * is not UTF-8: each gets the site's own page in the visitor's language, with its status
 * and the security headers, never Tomcat's English "HTTP Status 400" page. Sent over a
 * raw socket, since HTTP clients refuse to send most of these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class RefusedRequestPagesTests {

	private static final String SPANISH_400 = "No pudimos entender la solicitud";

	private static final String ENGLISH_400 = "We could not understand that request";

	@LocalServerPort
	int port;

	@Test
	void requestsTomcatRefusesGetTheSitesPageInTheVisitorsLanguage() throws IOException {
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("path that is not UTF-8", "GET /r/%C3%28 HTTP/1.1\r\n");
		refused.put("path byte that is not UTF-8", "GET /events/%FF HTTP/1.1\r\n");
		refused.put("encoded slash", "GET /events/a%2Fb HTTP/1.1\r\n");
		refused.put("encoded backslash", "GET /events/a%5Cb HTTP/1.1\r\n");
		SoftAssertions softly = new SoftAssertions();
		for (String language : new String[] { "es-MX", "en" }) {
			for (Map.Entry<String, String> request : refused.entrySet()) {
				Response response = send(request.getValue() + "Host: 127.0.0.1\r\nAccept: text/html\r\n"
						+ "Accept-Language: " + language + "\r\nConnection: close\r\n\r\n");
				expectSitePage(softly, request.getKey() + ", " + language, response, 400, language);
			}
			// Tomcat reads the headers up to the one that is too large; browsers send
			// cookies last.
			Response response = send("GET /events/mexico-workshop HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Accept: text/html\r\nAccept-Language: " + language + "\r\nConnection: close\r\n"
					+ "Cookie: tracker=" + "a".repeat(10 * 1024) + "\r\n\r\n");
			expectSitePage(softly, "cookies above the header limit, " + language, response, 400, language);
		}
		softly.assertAll();
	}

	@Test
	void aBrokenPercentEncodingGetsTheSitesPageWhateverTheClientAcceptsAndLogsNoError() throws IOException {
		// "%ZZ" is no encoding at all. Spring Boot's JSON answer, for a client that does
		// not
		// ask for HTML (a link checker, curl, a chat app's preview), decodes the path's
		// last
		// segment for its Content-Disposition check and threw: Tomcat's English page, and
		// an ERROR with a stack trace in the log for every such request.
		long mark = TestLog.mark();
		SoftAssertions softly = new SoftAssertions();
		for (String accept : new String[] { "*/*", "application/json", "text/html" }) {
			for (String language : new String[] { "es-MX", "en" }) {
				Response response = send("GET /events/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept
						+ "\r\nAccept-Language: " + language + "\r\nConnection: close\r\n\r\n");
				expectSitePage(softly, "/events/%ZZ, Accept: " + accept + ", " + language, response, 400, language);
			}
		}
		softly.assertThat(TestLog.since(mark)).as("log").doesNotContain("Invalid encoded sequence");
		softly.assertAll();
	}

	@Test
	void aRequestLineTooLongToReadGetsTheSpanishPageThatLinksToEnglish() throws IOException {
		// A link with a query string above the header limit: Tomcat reads no header at
		// all, so the page is in the site's first language and offers the other.
		Response response = send("GET /events/mexico-workshop?q=" + "a".repeat(10 * 1024) + " HTTP/1.1\r\n"
				+ "Host: 127.0.0.1\r\nAccept: text/html\r\nAccept-Language: en\r\nConnection: close\r\n\r\n");
		SoftAssertions softly = new SoftAssertions();
		expectSitePage(softly, "request line above the header limit", response, 400, "es");
		softly.assertThat(response.body()).contains("<a href=\"/?lang=en\" lang=\"en\" hreflang=\"en\"");
		softly.assertAll();
	}

	@Test
	void aTraceGetsTheSites405PageWithTheSecurityHeaders() throws IOException {
		// Refused by Tomcat too, but after mapping: its host already shows the site's
		// page; the headers were missing.
		Response response = send("TRACE /events/mexico-workshop HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Accept: text/html\r\nAccept-Language: es-MX\r\nConnection: close\r\n\r\n");
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(response.status()).isEqualTo(405);
		softly.assertThat(response.body()).contains("Esta acción no está disponible aquí").doesNotContain("Tomcat");
		softly.assertThat(response.header("Content-Security-Policy"))
			.isEqualTo(SecurityHeaders.contentSecurityPolicy());
		softly.assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		softly.assertAll();
	}

	@Test
	void theLanguageCookieChoosesTheLanguageOfARefusal() throws IOException {
		Response response = send("GET /events/%FF HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
				+ "Accept-Language: es-MX\r\n" + "Cookie: lang=en\r\nConnection: close\r\n\r\n");
		SoftAssertions softly = new SoftAssertions();
		expectSitePage(softly, "lang=en cookie over es-MX", response, 400, "en");
		// The language switch asks again for the refused address, in the other language.
		softly.assertThat(response.body()).contains("<a href=\"/events/%FF?lang=es\" lang=\"es\"");
		softly.assertAll();
	}

	@Test
	void aFormBodyThatIsNotUtf8GetsTheSitesBadRequestPage() throws IOException {
		SoftAssertions softly = new SoftAssertions();
		for (String language : new String[] { "es-MX", "en" }) {
			// "José" typed into a form a Latin-1 page posted: %E9 alone is no UTF-8.
			String body = "fullName=Jos%E9&email=jose%40example.com";
			Response response = send("POST /events/mexico-workshop/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Accept: text/html\r\nAccept-Language: " + language + "\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
					+ "\r\nConnection: close\r\n\r\n" + body);
			expectSitePage(softly, "form body that is not UTF-8, " + language, response, 400, language);
		}
		softly.assertAll();
	}

	private static void expectSitePage(SoftAssertions softly, String what, Response response, int status,
			String language) {
		softly.assertThat(response.status()).as(what + ": status").isEqualTo(status);
		softly.assertThat(response.header("Content-Type"))
			.as(what + ": content type")
			.isEqualToIgnoringCase("text/html;charset=UTF-8");
		softly.assertThat(response.header("Content-Security-Policy"))
			.as(what + ": CSP")
			.isEqualTo(SecurityHeaders.contentSecurityPolicy());
		softly.assertThat(response.header("X-Frame-Options")).as(what + ": X-Frame-Options").isEqualTo("DENY");
		softly.assertThat(response.header("X-Content-Type-Options")).as(what + ": nosniff").isEqualTo("nosniff");
		softly.assertThat(response.header("Referrer-Policy")).as(what + ": Referrer-Policy").isEqualTo("no-referrer");
		softly.assertThat(response.header("Server")).as(what + ": Server header").isNull();
		boolean spanish = language.startsWith("es");
		softly.assertThat(response.body())
			.as(what + ": body")
			.contains(spanish ? SPANISH_400 : ENGLISH_400)
			.doesNotContain(spanish ? ENGLISH_400 : SPANISH_400)
			.contains(spanish ? "lang=\"es\"" : "lang=\"en\"")
			.contains("href=\"/\"")
			.contains("WIN Events")
			.doesNotContain("Apache Tomcat")
			.doesNotContain("HTTP Status")
			.doesNotContain("Exception")
			.doesNotContainIgnoringCase("tomcat");
	}

	private Response send(String request) throws IOException {
		return send(this.port, request);
	}

	/** Sends raw bytes (ISO-8859-1) and reads the answer up to the connection's end. */
	static Response send(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			// Bounded, with room for a loaded machine: the answer ends with the
			// connection.
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (SocketException ex) {
				// Tomcat may answer and close before reading all of an oversized request.
			}
			return Response.parse(readAll(socket.getInputStream()));
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (SocketException ex) {
			// A reset after the answer was read: what arrived is the answer.
		}
		return bytes.toByteArray();
	}

	/** An HTTP/1.1 answer: status, headers (names in lower case) and the decoded body. */
	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		static Response parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/1.1 ") || end < 0) {
				return new Response(-1, Map.of(), text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = unchunk(body);
			}
			return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
		}

		private static String unchunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					break;
				}
				// Sizes count bytes: the body is decoded as UTF-8, so cut by bytes.
				byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
				String piece = new String(rest, 0, size, StandardCharsets.UTF_8);
				body.append(piece);
				at = lineEnd + 2 + piece.length() + 2;
			}
			return body.toString();
		}

	}

}
