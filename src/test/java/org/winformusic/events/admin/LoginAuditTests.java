package org.winformusic.events.admin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * What the audit log keeps of sign-in attempts: the account an attempt was for, never the
 * text typed for a name no account has (often a password in the wrong field), and the
 * visitor's address for one day only, as the README's privacy section says.
 */
@AdminTest
class LoginAuditTests {

	private static final String TYPED_PASSWORD = "MyS3cret-Passw0rd!";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottle throttle;

	@Test
	void aNameNoAccountHasIsNotKeptTheAccountIsNamedAsStored() throws Exception {
		String email = TestStaff.create(this.jdbc, "wrong.password@win.test", "Ana", StaffRole.OPS);
		long before = lastAuditId();
		failLogin(TYPED_PASSWORD, "whatever it was", "203.0.113.71");
		failLogin("WRONG.Password@win.test", "not the password", "203.0.113.71");
		// Enough failures from one address for the throttle to refuse the next attempt.
		for (int i = 0; i < 4; i++) {
			failLogin(TYPED_PASSWORD + i, "x", "203.0.113.72");
		}
		failLogin(TYPED_PASSWORD, "x", "203.0.113.72");
		failLogin(TYPED_PASSWORD, "x", "203.0.113.72");

		List<Map<String, Object>> rows = this.jdbc
			.sql("select actor, action from audit_log where id > ? and action like 'LOGIN%' order by id")
			.param(before)
			.query()
			.listOfRows();
		assertThat(rows).extracting((row) -> row.get("actor") + " " + row.get("action"))
			.startsWith("unknown-account LOGIN_FAILED", email + " LOGIN_FAILED")
			.contains("unknown-account LOGIN_THROTTLED");
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where id > ? and (actor like '%S3cret%'"
					+ " or coalesce(details, '') like '%S3cret%')")
			.param(before)
			.query(Long.class)
			.single()).isZero();

		String admin = AdminTest.FIRST_ADMIN_EMAIL;
		String spanish = page("/admin/audit?lang=es&action=LOGIN_THROTTLED", admin);
		assertThat(spanish).contains("Cuenta desconocida (no se guarda lo que se escribió)")
			.contains("Acceso bloqueado (demasiados intentos)")
			.doesNotContain(TYPED_PASSWORD);
		assertThat(page("/admin/audit?lang=en&action=LOGIN_FAILED", admin))
			.contains("Unknown account (what was typed is not kept)")
			.contains(email)
			.doesNotContain(TYPED_PASSWORD);
	}

	/**
	 * The throttle counts attempts per account and per address; it never needs to read
	 * them back, so {@code login_attempt} keeps neither the name typed (often a password
	 * in the wrong field) nor the address, only keys that tell them apart. Counting still
	 * works, whatever the capitals typed.
	 */
	@Test
	void theThrottleKeepsNeitherTheNameTypedNorTheAddress() throws Exception {
		String email = TestStaff.create(this.jdbc, "keyed.attempts@win.test", "Ana", StaffRole.OPS);
		this.jdbc.sql("delete from login_attempt").update();
		failLogin(TYPED_PASSWORD, "whatever it was", "203.0.113.91");
		for (int i = 0; i < 5; i++) {
			failLogin((i % 2 == 0) ? email : "KEYED.Attempts@WIN.test", "not the password", "203.0.113." + (92 + i));
		}
		// Five failures for the account: even its password is refused for now.
		failLogin(email, TestStaff.PASSWORD, "203.0.113.99");

		List<String> rows = this.jdbc.sql("select row_to_json(a)::text from login_attempt a")
			.query(String.class)
			.list();
		assertThat(rows).hasSize(6)
			.allSatisfy((row) -> assertThat(row.toLowerCase(java.util.Locale.ROOT)).doesNotContain("s3cret")
				.doesNotContain("keyed.attempts")
				.doesNotContain("203.0.113"));
	}

	@Test
	void theAddressOfSignInEntriesIsDroppedAfterADayOtherEntriesKeepTheirs() throws Exception {
		String email = TestStaff.create(this.jdbc, "one.day@win.test", "Uno", StaffRole.OPS);
		long before = lastAuditId();
		failLogin(email, "not the password", "203.0.113.81");
		this.mvc
			.perform(post("/admin/login").with(csrf())
				.with(from("203.0.113.81"))
				.param("username", email)
				.param("password", TestStaff.PASSWORD))
			.andExpect(redirectedUrl("/admin"));
		this.jdbc
			.sql("insert into audit_log (at, actor, action, details, ip)"
					+ " values (now() - interval '3 days', ?, 'PASSWORD_CHANGED', null, '203.0.113.81')")
			.param(email)
			.update();

		// A day has not passed: the addresses are there for whoever looks into an attack.
		this.throttle.forgetOldAttempts();
		assertThat(addresses(before)).containsExactly("LOGIN_FAILED 203.0.113.81", "LOGIN 203.0.113.81",
				"PASSWORD_CHANGED 203.0.113.81");

		this.jdbc.sql("update audit_log set at = at - interval '25 hours' where id > ? and action like 'LOGIN%'")
			.param(before)
			.update();
		this.throttle.forgetOldAttempts();
		assertThat(addresses(before)).containsExactly("LOGIN_FAILED null", "LOGIN null",
				"PASSWORD_CHANGED 203.0.113.81");
		assertThat(this.jdbc.sql("select count(*) from audit_log where id > ? and actor = ? and action like 'LOGIN%'")
			.params(before, email)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private void failLogin(String username, String password, String ip) throws Exception {
		this.mvc
			.perform(post("/admin/login").with(csrf())
				.with(from(ip))
				.param("username", username)
				.param("password", password))
			.andExpect(redirectedUrl("/admin/login?error"));
	}

	private String page(String url, String admin) throws Exception {
		return this.mvc.perform(get(url).with(user(admin).roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> addresses(long after) {
		return this.jdbc.sql("select action || ' ' || coalesce(ip, 'null') from audit_log where id > ? order by id")
			.param(after)
			.query(String.class)
			.list();
	}

	private long lastAuditId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
	}

	private static RequestPostProcessor from(String ip) {
		return (request) -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

}
