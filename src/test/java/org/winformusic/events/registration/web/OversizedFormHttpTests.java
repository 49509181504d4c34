package org.winformusic.events.registration.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through real Tomcat: a 1 MB form body gets the localized 413 page, not a 500 and not
 * the 403 a silently dropped CSRF parameter would cause; bytes that are not UTF-8 get the
 * 400 page, in the form's body or in its CSRF token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class OversizedFormHttpTests {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneMegabyteRegistrationPostGetsTheLocalized413Page() throws Exception {
		String body = "fullName=" + "a".repeat(1024 * 1024) + "&email=a%40example.com";
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/events/mexico-workshop/register")))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "es")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();

		HttpResponse<String> response = this.client.send(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Lo que enviaste es demasiado grande").doesNotContain("Exception");
	}

	@Test
	void bytesThatAreNotUtf8GetTheLocalizedBadRequestPageNotAServerError() throws Exception {
		Form form = Form.shown(this.client, url("/events/mexico-workshop/register?lang=en"));
		String cookie = form.cookie();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("_csrf=" + form.token() + "&fullName=Ana").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) 0xC3 });
		body.writeBytes(("&city=%FF%FE&email=raw%40example.com&company=X&companyType=OTHER&state=CMX"
				+ "&associationInterest=NO&privacyConsent=true")
			.getBytes(StandardCharsets.US_ASCII));

		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(URI.create(url("/events/mexico-workshop/register?lang=en")))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.header("Cookie", cookie + "; lang=en")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		// Tomcat refuses to decode the parameters: the visitor gets the 400 page in
		// English.
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("We could not understand that request").doesNotContain("Exception");
	}

	/**
	 * A token changed in the form (by hand, a broken extension) is refused with the "not
	 * sent" page whatever its bytes unmask to: one whose unmasked bytes are not UTF-8
	 * made Spring Security throw (a 500 page and a stack trace in the log), about two
	 * times in five for one character changed. Nothing is stored.
	 */
	@Test
	void aTamperedCsrfTokenGetsTheNotSentPageNotAServerError() throws Exception {
		Form form = Form.shown(this.client, url("/events/mexico-workshop/register?lang=es"));
		String cookie = form.cookie();
		int size = Base64.getUrlDecoder().decode(form.token()).length / 2;
		byte[] masked = new byte[2 * size];
		// A zero mask: the token unmasks to 0xFF bytes, which no UTF-8 text holds.
		Arrays.fill(masked, size, 2 * size, (byte) 0xFF);
		String address = "tampered-" + System.nanoTime() + "@example.com";
		String body = "_csrf=" + Base64.getUrlEncoder().encodeToString(masked) + "&fullName=Ana&email="
				+ address.replace("@", "%40") + "&company=X&companyType=OTHER&state=CMX&city=CDMX"
				+ "&associationInterest=NO&privacyConsent=true";

		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(URI.create(url("/events/mexico-workshop/register")))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.header("Cookie", cookie + "; lang=es")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Lo que escribiste no se envió").doesNotContain("Exception");
		assertThat(this.jdbc.sql("select count(*) from registration where email = ?")
			.param(address)
			.query(Integer.class)
			.single()).isZero();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** A form as shown: its CSRF cookie ({@code name=value}) and the token in it. */
	private record Form(String cookie, String token) {

		static Form shown(HttpClient client, String url) throws Exception {
			HttpResponse<String> page = client.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String cookie = page.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter((c) -> c.startsWith("XSRF-TOKEN="))
				.map((c) -> c.substring(0, c.indexOf(';')))
				.findFirst()
				.orElseThrow();
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(csrf.find()).isTrue();
			return new Form(cookie, csrf.group(1));
		}

	}

}
