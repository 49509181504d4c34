package org.winformusic.events.admin;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.winformusic.events.PageText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An ADMIN sets a new one-time password for a staff member who lost theirs: the old
 * password and every session of theirs stop working, the new password is shown once, and
 * the audit log says so in words without the secret.
 */
@AdminTest
class StaffPasswordResetTests {

	/**
	 * The address these logins come from: failed attempts here must not feed the throttle
	 * of the other test classes' address.
	 */
	private static final RequestPostProcessor FROM = (request) -> {
		request.setRemoteAddr("198.51.100.23");
		return request;
	};

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSetsANewOneTimePasswordTheOldOneIsRefusedAndTheirSessionsEnd() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		String first = create(admin, "lost.password@win.test", StaffRole.ORGANIZER);
		long id = idOf("lost.password@win.test");
		Cookie laptop = loginWithOneTimePassword("lost.password@win.test", first);
		Cookie phone = loginWithOneTimePassword("lost.password@win.test", first);

		// The row offers it; a confirmation page says what happens, then POSTs.
		this.mvc.perform(get("/admin/users").cookie(admin).param("lang", "en"))
			.andExpect(content().string(containsString("href=\"/admin/users/" + id + "/password\"")))
			.andExpect(content().string(containsString("Set a new one-time password")));
		this.mvc.perform(get("/admin/users/" + id + "/password").cookie(admin).param("lang", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("¿Generar una nueva contraseña de un solo uso?")))
			.andExpect(content().string(containsString("lost.password@win.test")))
			.andExpect(content().string(containsString("action=\"/admin/users/" + id + "/password\"")));

		MvcResult reset = this.mvc
			.perform(post("/admin/users/" + id + "/password").cookie(admin).with(csrf()).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New one-time password for lost.password@win.test:")))
			.andReturn();
		String second = OneTimePasswords.shown(reset);
		assertThat(second).hasSizeGreaterThanOrEqualTo(12).isNotEqualTo(first);

		// Shown once, on the page that answers the reset, as at creation.
		this.mvc.perform(get("/admin/users").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(second))));

		// Both sessions are over; the old password is refused; the new one works.
		for (Cookie session : new Cookie[] { laptop, phone }) {
			this.mvc.perform(get("/admin").cookie(session).accept(MediaType.TEXT_HTML))
				.andExpect(redirectedUrl("/admin/login?expired"));
		}
		this.mvc
			.perform(post("/admin/login").with(csrf())
				.with(FROM)
				.param("username", "lost.password@win.test")
				.param("password", first))
			.andExpect(redirectedUrl("/admin/login?error"));
		Cookie again = loginWithOneTimePassword("lost.password@win.test", second);
		this.mvc.perform(get("/admin").cookie(again)).andExpect(redirectedUrl("/admin/profile"));
		// The admin who acted keeps their own session.
		this.mvc.perform(get("/admin").cookie(admin)).andExpect(status().isOk());

		// As after creation, they choose their own password on their profile.
		this.mvc
			.perform(post("/admin/profile").cookie(again)
				.with(csrf())
				.param("currentPassword", second)
				.param("newPassword", "my own password again")
				.param("confirmPassword", "my own password again"))
			.andExpect(flash().attribute("notice", Notice.ok("admin.profile.changed")));
		login("lost.password@win.test", "my own password again");

		// The audit log: who reset whose password, in words, never the password.
		String audit = this.mvc
			.perform(get("/admin/audit").cookie(admin).param("lang", "en").param("action", "STAFF_USER_PASSWORD_RESET"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(text(audit))
			.contains(AdminTest.FIRST_ADMIN_EMAIL + " Password reset: new one-time password Staff account #" + id
					+ " (lost.password@win.test)")
			.doesNotContain(second, first);
		String spanish = text(this.mvc
			.perform(get("/admin/audit").cookie(admin).param("lang", "es").param("action", "STAFF_USER_PASSWORD_RESET"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(spanish)
			.contains(AdminTest.FIRST_ADMIN_EMAIL + " Contraseña restablecida: nueva de un solo uso Cuenta del equipo #"
					+ id + " (lost.password@win.test)");
		assertThat(this.jdbc.sql("select actor || ' ' || details from audit_log where action = ?")
			.param("STAFF_USER_PASSWORD_RESET")
			.query(String.class)
			.list()).contains(AdminTest.FIRST_ADMIN_EMAIL + " user=" + id + " email=lost.password@win.test")
			.noneMatch((entry) -> entry.contains(second));
	}

	@Test
	void organizersAndOpsCannotResetAPassword() throws Exception {
		String target = TestStaff.create(this.jdbc, "reset.target@win.test", "Target", StaffRole.OPS);
		long id = idOf(target);
		String hash = passwordHash(target);
		for (StaffRole role : new StaffRole[] { StaffRole.ORGANIZER, StaffRole.OPS }) {
			String email = TestStaff.create(this.jdbc, "reset.tries." + role.name().toLowerCase() + "@win.test",
					"Tries", role);
			Cookie session = login(email, TestStaff.PASSWORD);
			this.mvc.perform(get("/admin/users/" + id + "/password").cookie(session)).andExpect(status().isForbidden());
			this.mvc.perform(post("/admin/users/" + id + "/password").cookie(session).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(passwordHash(target)).isEqualTo(hash);
		login(target, TestStaff.PASSWORD);
	}

	@Test
	void aResetNeedsTheCsrfTokenAndAnExistingAccount() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		String target = TestStaff.create(this.jdbc, "csrf.target@win.test", "Target", StaffRole.OPS);
		long id = idOf(target);
		String hash = passwordHash(target);
		this.mvc.perform(post("/admin/users/" + id + "/password").cookie(admin)).andExpect(status().isForbidden());
		assertThat(passwordHash(target)).isEqualTo(hash);
		long missing = this.jdbc.sql("select coalesce(max(id), 0) + 1000 from staff_user").query(Long.class).single();
		this.mvc.perform(get("/admin/users/" + missing + "/password").cookie(admin).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/users/" + missing + "/password").cookie(admin).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAdminCannotResetTheirOwnPasswordHereTheyUseTheirProfile() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		long own = idOf(AdminTest.FIRST_ADMIN_EMAIL);
		String hash = passwordHash(AdminTest.FIRST_ADMIN_EMAIL);
		this.mvc.perform(get("/admin/users").cookie(admin))
			.andExpect(content().string(not(containsString("/admin/users/" + own + "/password"))));
		this.mvc.perform(get("/admin/users/" + own + "/password").cookie(admin))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", Notice.bad("admin.users.notYourOwnPassword")));
		this.mvc.perform(post("/admin/users/" + own + "/password").cookie(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", Notice.bad("admin.users.notYourOwnPassword")))
			.andExpect(flash().attributeCount(1));
		assertThat(passwordHash(AdminTest.FIRST_ADMIN_EMAIL)).isEqualTo(hash);
		this.mvc.perform(get("/admin").cookie(admin)).andExpect(status().isOk());
	}

	@Test
	void theLoginPageTellsWhoToAskForANewPassword() throws Exception {
		this.mvc.perform(get("/admin/login").param("lang", "es"))
			.andExpect(content().string(containsString(
					"¿Olvidaste tu contraseña? Pídele a alguien con rol de Administración en WIN Events que te genere una nueva contraseña de un solo uso.")));
		this.mvc.perform(get("/admin/login").param("lang", "en"))
			.andExpect(content().string(containsString(
					"Forgot your password? Ask an administrator of WIN Events to set a new one-time password for you.")));
	}

	private String create(Cookie admin, String email, StaffRole role) throws Exception {
		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", email)
				.param("displayName", "Staff")
				.param("role", role.name()))
			.andReturn();
		return OneTimePasswords.shown(created);
	}

	private Cookie login(String email, String password) throws Exception {
		return login(email, password, "/admin");
	}

	/** A one-time password an admin has seen leads to the profile, not the dashboard. */
	private Cookie loginWithOneTimePassword(String email, String password) throws Exception {
		return login(email, password, "/admin/profile");
	}

	private Cookie login(String email, String password, String landing) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/login").with(csrf()).with(FROM).param("username", email).param("password", password))
			.andExpect(redirectedUrl(landing))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

	private long idOf(String email) {
		return this.jdbc.sql("select id from staff_user where email = ?").param(email).query(Long.class).single();
	}

	private String passwordHash(String email) {
		return this.jdbc.sql("select password_hash from staff_user where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

}
