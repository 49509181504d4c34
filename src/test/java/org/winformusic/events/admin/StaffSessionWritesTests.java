package org.winformusic.events.admin;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff pages read the session row but do not rewrite it on every request: the row
 * version in PostgreSQL ({@code xmin}, new on every UPDATE) stays the same across page
 * views, and changes once the stored last-access time is a minute old, so the session's
 * expiry still moves with activity.
 */
@AdminTest
class StaffSessionWritesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	SessionRepository<Session> sessions;

	@Autowired
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void sessions(JdbcIndexedSessionRepository repository) {
		// Its session type is not public: saved and loaded as plain sessions.
		this.sessions = (SessionRepository) repository;
	}

	@Test
	void browsingAdminPagesDoesNotRewriteTheSessionRowUntilItsAccessTimeIsAMinuteOld() throws Exception {
		Cookie session = login();
		String version = rowVersion(session);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/admin").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
		}
		assertThat(rowVersion(session)).as("row version after five page views").isEqualTo(version);

		this.jdbc
			.sql("update spring_session set last_access_time = last_access_time - 61000,"
					+ " expiry_time = expiry_time - 61000 where session_id = ?")
			.param(decoded(session))
			.update();
		long expiryBefore = expiry(session);
		String aged = rowVersion(session);
		this.mvc.perform(get("/admin").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
		assertThat(rowVersion(session)).as("row version once a minute old").isNotEqualTo(aged);
		assertThat(expiry(session)).isGreaterThan(expiryBefore + 60_000);
	}

	/**
	 * QA's case: two requests of one staff session at once (a double click, two tabs)
	 * both set an attribute the session did not have yet, and the second one answered 500
	 * (duplicate key on the attribute row) although its action had worked. Two copies of
	 * the session loaded before either is saved are what two such requests hold.
	 */
	@Test
	void twoRequestsOfOneSessionAddingTheSameAttributeAtOnceBothSave() throws Exception {
		String id = decoded(login());
		Session first = this.sessions.findById(id);
		Session second = this.sessions.findById(id);
		first.setAttribute("qa.flash", "first");
		second.setAttribute("qa.flash", "second");

		this.sessions.save(first);
		this.sessions.save(second);

		assertThat((String) this.sessions.findById(id).getAttribute("qa.flash")).as("the last write wins")
			.isEqualTo("second");
		assertThat(this.jdbc.sql("select count(*) from spring_session_attributes a join spring_session s"
				+ " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name = 'qa.flash'")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void loggingOutStillEndsTheSession() throws Exception {
		Cookie session = login();
		this.mvc.perform(post("/admin/logout").cookie(session).with(csrf())).andExpect(status().isFound());
		this.mvc.perform(get("/admin").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
	}

	private Cookie login() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/login").with(csrf())
				.param("username", AdminTest.FIRST_ADMIN_EMAIL)
				.param("password", AdminTest.FIRST_ADMIN_PASSWORD))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private String rowVersion(Cookie session) {
		return this.jdbc.sql("select xmin::text from spring_session where session_id = ?")
			.param(decoded(session))
			.query(String.class)
			.single();
	}

	private long expiry(Cookie session) {
		return this.jdbc.sql("select expiry_time from spring_session where session_id = ?")
			.param(decoded(session))
			.query(Long.class)
			.single();
	}

	/** The cookie carries the session id Base64-encoded. */
	private static String decoded(Cookie session) {
		return new String(java.util.Base64.getDecoder().decode(session.getValue()),
				java.nio.charset.StandardCharsets.UTF_8);
	}

}
