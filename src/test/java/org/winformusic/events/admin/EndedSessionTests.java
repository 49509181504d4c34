package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A staff session that ends under a staff member (30 minutes idle, a cookie the server no
 * longer knows, signed out in another tab): the login page says so in their language and,
 * for a form they sent, that it was not saved; signing in leads back to the page they
 * were on, for a form to the page the form is on. (The 403 page of a form whose token is
 * out of date, as a browser gets it: {@code StaffSessionEndedHttpTests}.)
 */
@AdminTest
class EndedSessionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TestRegistrations data;

	TestEvents.Created event;

	@BeforeEach
	void setUp() {
		this.data = new TestRegistrations(this.jdbc);
		this.event = new TestEvents(this.jdbc).event().capacity(5).create();
	}

	@Test
	void anEditSentAfterTheIdleTimeoutIsNotSavedTheLoginPageSaysSoAndTheLoginLeadsBackToTheForm() throws Exception {
		long id = this.data.in(this.event).person("Ana Antes").createdAt(AdminTest.REGISTERED).create().id();
		Cookie session = login(null);
		idleForHalfAnHour(session);

		MvcResult sent = this.mvc
			.perform(post("/admin/registrations/" + id + "/edit").cookie(session)
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX")
				.param("fullName", "Ana Después"))
			.andExpect(redirectedUrl("/admin/login?expired&unsaved"))
			.andReturn();
		assertThat(fullName(id)).isEqualTo("Ana Antes");
		// No new session for the refused request: the old cookie is only deleted.
		assertThat(sent.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).filteredOn((c) -> c.startsWith("SESSION="))
			.allSatisfy((c) -> assertThat(c).startsWith("SESSION=;").contains("Max-Age=0"));

		this.mvc.perform(get("/admin/login?expired&unsaved").header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Tu sesión terminó por inactividad o por un cambio en tu cuenta. Inicia sesión de nuevo.")))
			.andExpect(content().string(
					containsString("Lo que enviaste no se guardó: después de entrar, revísalo y vuelve a enviarlo.")));
		this.mvc.perform(get("/admin/login?expired&unsaved").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(content()
				.string(containsString("Your session ended after a period of inactivity or a change to your account.")))
			.andExpect(content()
				.string(containsString("What you sent was not saved: after signing in, check it and send it again.")));

		login(sent.getResponse().getCookie("REDIRECT_URI"), "http://localhost/admin/registrations/" + id + "/edit");
	}

	@Test
	void aNoteSentWithASessionCookieTheServerDoesNotKnowLeadsBackToTheRegistrationPage() throws Exception {
		long id = this.data.in(this.event).person("Bruno Nota").createdAt(AdminTest.REGISTERED).create().id();
		// Base64 of an id no session has, and a value that is not even Base64.
		for (String garbage : new String[] { "Z2FyYmFnZQ==", "%%garbage%%" }) {
			MvcResult sent = this.mvc
				.perform(post("/admin/registrations/" + id + "/notes").cookie(new Cookie("SESSION", garbage))
					.with(csrf())
					.accept(MediaType.TEXT_HTML)
					.param("body", "Llamar mañana"))
				.andExpect(redirectedUrl("/admin/login?expired&unsaved"))
				.andReturn();
			login(sent.getResponse().getCookie("REDIRECT_URI"), "http://localhost/admin/registrations/" + id);
		}
		assertThat(notes(id)).isZero();
	}

	@Test
	void aPageOpenedAfterTheIdleTimeoutSaysSoAndIsThePageAfterTheLogin() throws Exception {
		long id = this.data.in(this.event).person("Carla Página").createdAt(AdminTest.REGISTERED).create().id();
		Cookie session = login(null);
		idleForHalfAnHour(session);
		String page = "/admin/events/" + this.event.slug() + "/registrations";
		MvcResult opened = this.mvc.perform(get(page).cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/admin/login?expired"))
			.andReturn();
		this.mvc.perform(get("/admin/login?expired").header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX"))
			.andExpect(
					content().string(containsString("Tu sesión terminó por inactividad o por un cambio en tu cuenta.")))
			.andExpect(content().string(not(containsString("no se guardó"))));
		login(opened.getResponse().getCookie("REDIRECT_URI"), "http://localhost" + page);
		// A script's request with the same cookie gets its 401, as before; without a
		// cookie, the login page says nothing about a session.
		this.mvc
			.perform(get("/admin/registrations/" + id).cookie(new Cookie("SESSION", "Z2FyYmFnZQ=="))
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(get("/admin/login").header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX"))
			.andExpect(content().string(not(containsString("Tu sesión"))));
	}

	/**
	 * Signing out in another tab deletes both cookies, the session's and the CSRF
	 * token's: the form of the tab still open comes without either.
	 */
	@Test
	void aFormSentAfterSigningOutInAnotherTabLeadsToTheLoginPageNotToThePublic403() throws Exception {
		long id = this.data.in(this.event).person("Diego Pestaña").createdAt(AdminTest.REGISTERED).create().id();
		Cookie session = login(null);
		this.mvc.perform(post("/admin/logout").cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/login?logout"));

		MvcResult sent = this.mvc
			.perform(post("/admin/registrations/" + id + "/notes").accept(MediaType.TEXT_HTML)
				.param("_csrf", "token-of-the-page-before")
				.param("body", "Llamar mañana"))
			.andExpect(redirectedUrl("/admin/login?ended&unsaved"))
			.andReturn();
		this.mvc.perform(get("/admin/login?ended&unsaved").header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX"))
			.andExpect(content().string(containsString("Tu sesión ya estaba cerrada")))
			.andExpect(content().string(containsString("Lo que enviaste no se guardó")));
		// Logging out again from that tab: signed out already, nothing lost.
		this.mvc.perform(post("/admin/logout").accept(MediaType.TEXT_HTML).param("_csrf", "token-of-the-page-before"))
			.andExpect(redirectedUrl("/admin/login?logout"));
		login(sent.getResponse().getCookie("REDIRECT_URI"), "http://localhost/admin/registrations/" + id);
		assertThat(notes(id)).isZero();
	}

	/**
	 * Signed in again in another tab: the session is valid but the form's token is from
	 * before. The 403 page speaks to staff and links the form's page (its rendering:
	 * {@code StaffSessionEndedHttpTests}).
	 */
	@Test
	void aSignedInMembersOutOfDateFormIsRefusedWithALinkToItsPage() throws Exception {
		long id = this.data.in(this.event).person("Elena Token").createdAt(AdminTest.REGISTERED).create().id();
		Cookie session = login(null);
		this.mvc
			.perform(post("/admin/registrations/" + id + "/notes").cookie(session)
				.with(csrf().useInvalidToken())
				.accept(MediaType.TEXT_HTML)
				.param("body", "Llamar mañana"))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(EndedSessions.STALE_FORM_PAGE, "/admin/registrations/" + id));
		this.mvc
			.perform(post("/admin/users/1/role").cookie(session)
				.with(csrf().useInvalidToken())
				.accept(MediaType.TEXT_HTML)
				.param("role", "OPS"))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(EndedSessions.STALE_FORM_PAGE, "/admin/users"));
		this.mvc
			.perform(post("/admin/events/" + this.event.slug() + "/edit").cookie(session)
				.with(csrf().useInvalidToken())
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden())
			.andExpect(
					request().attribute(EndedSessions.STALE_FORM_PAGE, "/admin/events/" + this.event.slug() + "/edit"));
		// The list's bulk form carries its search and filters: the link keeps them.
		this.mvc
			.perform(post("/admin/events/" + this.event.slug() + "/registrations/bulk").cookie(session)
				.with(csrf().useInvalidToken())
				.accept(MediaType.TEXT_HTML)
				.param("action", "APPROVE")
				.param("ids", String.valueOf(id))
				.param("back", "q=elena&status=PENDING"))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(EndedSessions.STALE_FORM_PAGE,
					"/admin/events/" + this.event.slug() + "/registrations?q=elena&status=PENDING"));
	}

	/**
	 * A bulk action sent after the session ended: after the login, the list as it was
	 * filtered.
	 */
	@Test
	void aBulkActionSentAfterTheSessionEndedLeadsBackToTheListWithItsFilters() throws Exception {
		long id = this.data.in(this.event).person("Flor Filtro").createdAt(AdminTest.REGISTERED).create().id();
		Cookie session = login(null);
		idleForHalfAnHour(session);
		MvcResult sent = this.mvc
			.perform(post("/admin/events/" + this.event.slug() + "/registrations/bulk").cookie(session)
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("action", "APPROVE")
				.param("ids", String.valueOf(id))
				.param("back", "q=flor&status=PENDING"))
			.andExpect(redirectedUrl("/admin/login?expired&unsaved"))
			.andReturn();
		login(sent.getResponse().getCookie("REDIRECT_URI"),
				"http://localhost/admin/events/" + this.event.slug() + "/registrations?q=flor&status=PENDING");
	}

	/**
	 * A login page left open while the browser signed in or out in another tab sends a
	 * token that is no longer the browser's: not the public 403 page, but the login page
	 * again with the email kept, or, signed in by now, the dashboard.
	 */
	@Test
	void aLoginPageLeftOpenWhileTheBrowserSignedInOrOutElsewhereIsShownAgainOrLeadsOn() throws Exception {
		MvcResult refused = this.mvc
			.perform(post("/admin/login").accept(MediaType.TEXT_HTML)
				.param("_csrf", "token-of-the-page-before")
				.param("username", AdminTest.FIRST_ADMIN_EMAIL)
				.param("password", AdminTest.FIRST_ADMIN_PASSWORD))
			.andExpect(redirectedUrl("/admin/login?stale"))
			.andReturn();
		Cookie email = refused.getResponse().getCookie(WebSecurityConfiguration.KeepEmailOnFailure.COOKIE);
		assertThat(email).isNotNull();
		assertThat(refused.getRequest().getSession(false)).isNull();
		this.mvc.perform(get("/admin/login?stale").cookie(email).header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Esta página de inicio de sesión ya había caducado")))
			.andExpect(content().string(containsString("value=\"" + AdminTest.FIRST_ADMIN_EMAIL + "\"")));

		Cookie session = login(null);
		this.mvc
			.perform(post("/admin/login").cookie(session)
				.accept(MediaType.TEXT_HTML)
				.param("_csrf", "token-of-the-page-before")
				.param("username", AdminTest.FIRST_ADMIN_EMAIL)
				.param("password", "anything"))
			.andExpect(redirectedUrl("/admin"));
	}

	/** Public pages with a stale session cookie: no session, no login, as before. */
	@Test
	void aPublicPageWithAStaleSessionCookieStartsNoSession() throws Exception {
		MvcResult page = this.mvc
			.perform(get("/events/" + this.event.slug()).cookie(new Cookie("SESSION", "Z2FyYmFnZQ=="))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(page.getRequest().getSession(false)).isNull();
		assertThat(page.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).filteredOn((c) -> c.startsWith("SESSION="))
			.allSatisfy((c) -> assertThat(c).contains("Max-Age=0"));
	}

	/**
	 * Logs the first admin in, with the cookie of the page to return to if any; returns
	 * the session cookie.
	 */
	private Cookie login(Cookie returnTo) throws Exception {
		return login(returnTo, "/admin");
	}

	private Cookie login(Cookie returnTo, String landing) throws Exception {
		var request = post("/admin/login").with(csrf())
			.param("username", AdminTest.FIRST_ADMIN_EMAIL)
			.param("password", AdminTest.FIRST_ADMIN_PASSWORD);
		if (returnTo != null) {
			request.cookie(returnTo);
		}
		else {
			assertThat(landing).isEqualTo("/admin");
		}
		MvcResult result = this.mvc.perform(request).andExpect(redirectedUrl(landing)).andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	/** As after 31 minutes without a request: the session is past its idle timeout. */
	private void idleForHalfAnHour(Cookie session) {
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		assertThat(this.jdbc
			.sql("update spring_session set last_access_time = last_access_time - 1860000,"
					+ " expiry_time = expiry_time - 1860000 where session_id = ?")
			.param(id)
			.update()).isOne();
	}

	private String fullName(long id) {
		return this.jdbc.sql("select full_name from registration where id = ?").param(id).query(String.class).single();
	}

	private long notes(long registrationId) {
		return this.jdbc.sql("select count(*) from staff_note where registration_id = ?")
			.param(registrationId)
			.query(Long.class)
			.single();
	}

}
