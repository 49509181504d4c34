package org.winformusic.events.admin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff session ending under a form, as a browser lives it over HTTP (real cookies,
 * Spring Session, the container's error page): one browser, two tabs, one cookie jar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class StaffSessionEndedHttpTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNoteSentAfterSigningOutInAnotherTabThenAfterSigningInAgainThenAfterTheIdleTimeout() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		long id = new TestRegistrations(this.jdbc).in(event)
			.person("Fernanda Pestañas")
			.createdAt(AdminTest.REGISTERED)
			.create()
			.id();
		String staff = TestStaff.create(this.jdbc, "ended-http@win.test", "Fer", StaffRole.ORGANIZER);
		String registration = "/admin/registrations/" + id;
		assertThat(location(signIn(staff))).endsWith("/admin");
		String tokenOfThePage = csrf(get(registration));

		// Another tab signs out: the note box of this one is sent without a session.
		assertThat(location(post("/admin/logout", "_csrf=" + tokenOfThePage))).endsWith("/admin/login?logout");
		HttpResponse<String> sent = post(registration + "/notes",
				"_csrf=" + tokenOfThePage + "&body=" + URLEncoder.encode("Llamar mañana", StandardCharsets.UTF_8));
		assertThat(location(sent)).endsWith("/admin/login?ended&unsaved");
		assertThat(get("/admin/login?ended&unsaved").body())
			.contains("Tu sesión ya estaba cerrada (quizá la cerraste en otra pestaña o ventana).")
			.contains("Lo que enviaste no se guardó: después de entrar, revísalo y vuelve a enviarlo.");
		assertThat(location(signIn(staff))).isEqualTo(url(registration));

		// Signed in again, but the tab still holds the page from before: refused in staff
		// words, with the way back to the page.
		HttpResponse<String> outOfDate = post(registration + "/notes", "_csrf=" + tokenOfThePage + "&body=Hola");
		assertThat(outOfDate.statusCode()).isEqualTo(403);
		assertThat(outOfDate.body()).contains("Este formulario ya no es válido")
			.contains("Lo que enviaste no se guardó: abre la página de nuevo y vuelve a capturarlo.")
			.contains("href=\"" + registration + "\"")
			.doesNotContain("Esta acción no está permitida");

		// Half an hour idle: the session cookie is one the server no longer knows.
		String token = csrf(get(registration));
		this.jdbc
			.sql("update spring_session set last_access_time = last_access_time - 1860000,"
					+ " expiry_time = expiry_time - 1860000 where principal_name = ?")
			.param(staff)
			.update();
		assertThat(location(post(registration + "/notes", "_csrf=" + token + "&body=Hola")))
			.endsWith("/admin/login?expired&unsaved");
		assertThat(get("/admin/login?expired&unsaved").body())
			.contains("Tu sesión terminó por inactividad o por un cambio en tu cuenta. Inicia sesión de nuevo.");
		assertThat(location(signIn(staff))).isEqualTo(url(registration));
		assertThat(this.jdbc.sql("select count(*) from staff_note where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	private HttpResponse<String> signIn(String email) throws IOException, InterruptedException {
		String token = csrf(get("/admin/login"));
		return post("/admin/login", "_csrf=" + token + "&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(TestStaff.PASSWORD, StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path))).GET());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.browser.send(request.header("Accept", "text/html").header("Accept-Language", "es-MX").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(HttpResponse<String> page) {
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("a form with a CSRF token").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
