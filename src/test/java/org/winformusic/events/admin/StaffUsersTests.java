package org.winformusic.events.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.EventsApplication;
import org.winformusic.events.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first admin from the environment, staff accounts managed by an ADMIN, own password
 * changes, and staff sessions that any instance accepts.
 */
@AdminTest
class StaffUsersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	StaffUsers users;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theFirstAdminComesFromTheEnvironmentAndCanLogIn() throws Exception {
		assertThat(this.jdbc.sql("select role from staff_user where email = ?")
			.param(AdminTest.FIRST_ADMIN_EMAIL)
			.query(String.class)
			.list()).containsExactly("ADMIN");
		assertThat(this.jdbc.sql("select password_hash from staff_user where email = ?")
			.param(AdminTest.FIRST_ADMIN_EMAIL)
			.query(String.class)
			.single()).startsWith("{bcrypt-sha256}");
		login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
	}

	@Test
	void anAdminCreatesAnOrganizerWithAOneTimePasswordChangesTheRoleAndDisablesTheAccount() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", "new.organizer@win.test")
				.param("displayName", "Nueva Organizadora")
				.param("role", "ORGANIZER"))
			.andReturn();
		String oneTimePassword = OneTimePasswords.shown(created);
		assertThat(oneTimePassword).hasSizeGreaterThanOrEqualTo(12);
		Cookie organizer = chooseOwnPassword(loginWithOneTimePassword("new.organizer@win.test", oneTimePassword),
				oneTimePassword, "organizer's own password");
		this.mvc.perform(get("/admin").cookie(organizer)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").cookie(organizer)).andExpect(status().isForbidden());

		long id = this.jdbc.sql("select id from staff_user where email = 'new.organizer@win.test'")
			.query(Long.class)
			.single();
		this.mvc.perform(post("/admin/users/" + id + "/role").cookie(admin).with(csrf()).param("role", "OPS"))
			.andExpect(redirectedUrl("/admin/users"));
		// The role change ends the organizer's session: the old role cannot linger in it.
		this.mvc.perform(get("/admin").cookie(organizer).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/admin/login?expired"));
		Cookie ops = login("new.organizer@win.test", "organizer's own password");
		this.mvc.perform(get("/admin").cookie(ops)).andExpect(status().isOk());
		this.mvc.perform(post("/admin/users/" + id + "/enabled").cookie(admin).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users"));
		this.mvc.perform(get("/admin").cookie(ops).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/admin/login?expired"));
		this.mvc.perform(get("/admin").cookie(admin)).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/login").with(csrf())
				.param("username", "new.organizer@win.test")
				.param("password", "organizer's own password"))
			.andExpect(redirectedUrl("/admin/login?error"));
		assertThat(this.jdbc.sql("select action from audit_log where details like ? order by id")
			.param("user=" + id + "%")
			.query(String.class)
			.list()).containsExactly("STAFF_USER_CREATED", "STAFF_USER_ROLE_CHANGED", "STAFF_USER_DISABLED");
	}

	/**
	 * A one-time password is shown once, on the page that answers the admin's POST, and
	 * is written nowhere in clear: it used to ride to the next page as a flash attribute,
	 * which lives in the admin's session, and sessions live in PostgreSQL (a backup taken
	 * then, or a session whose next page never came, held the password). The page is not
	 * stored by browsers either.
	 */
	@Test
	void aOneTimePasswordIsShownOnceAndNeverWrittenToTheDatabase() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("lang", "es")
				.param("email", "shown.once@win.test")
				.param("displayName", "Una Vez")
				.param("role", "OPS"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("shown.once@win.test")))
			.andReturn();
		String first = OneTimePasswords.shown(created);
		assertThat(sessionRowsHolding(first)).isZero();
		this.mvc.perform(get("/admin/users").cookie(admin)).andExpect(content().string(not(containsString(first))));

		long id = this.jdbc.sql("select id from staff_user where email = 'shown.once@win.test'")
			.query(Long.class)
			.single();
		MvcResult reset = this.mvc
			.perform(post("/admin/users/" + id + "/password").cookie(admin).with(csrf()).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("New one-time password for shown.once@win.test:")))
			.andReturn();
		String second = OneTimePasswords.shown(reset);
		assertThat(second).isNotEqualTo(first);
		assertThat(sessionRowsHolding(second)).isZero();
		this.mvc.perform(get("/admin/users").cookie(admin)).andExpect(content().string(not(containsString(second))));
		// And it is the password that opens the account.
		loginWithOneTimePassword("shown.once@win.test", second);
	}

	/** Session attributes (Spring Session JDBC) that hold {@code secret}'s characters. */
	private long sessionRowsHolding(String secret) {
		return this.jdbc.sql("select attribute_bytes from spring_session_attributes")
			.query(byte[].class)
			.list()
			.stream()
			.filter((bytes) -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret))
			.count();
	}

	/**
	 * QA: a fresh form had "Organización" chosen, so an admin who forgot the list gave a
	 * door volunteer an organizer's access to everyone's data. No role is chosen now.
	 */
	@Test
	void aNewAccountGetsNoRoleUnlessTheAdminChoosesOne() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		String page = this.mvc.perform(get("/admin/users").cookie(admin).param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String roleList = page.substring(page.indexOf("<select id=\"role\""));
		assertThat(roleList.substring(0, roleList.indexOf("</select>"))).contains("Elige un rol")
			.doesNotContain("selected");
		this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("lang", "es")
				.param("email", "voluntario@win.test")
				.param("displayName", "Voluntario")
				.param("role", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Elige uno de los roles.")))
			.andExpect(content().string(containsString("value=\"voluntario@win.test\"")));
		assertThat(this.jdbc.sql("select count(*) from staff_user where email = 'voluntario@win.test'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void nobodyCanDisableTheirOwnAccount() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		long id = this.jdbc.sql("select id from staff_user where email = ?")
			.param(AdminTest.FIRST_ADMIN_EMAIL)
			.query(Long.class)
			.single();
		this.mvc.perform(post("/admin/users/" + id + "/enabled").cookie(admin).with(csrf()).param("enabled", "false"))
			.andExpect(flash().attribute("notice", Notice.bad("admin.users.notYourself")));
		assertThat(this.jdbc.sql("select enabled from staff_user where id = ?").param(id).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void anAdminCannotChangeTheirOwnRoleEvenWithTheOtherAdminDisabled() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", "other.admin@win.test")
				.param("displayName", "Otra Admin")
				.param("role", "ADMIN"))
			.andExpect(status().isOk());
		long other = idOf("other.admin@win.test");
		long own = idOf(AdminTest.FIRST_ADMIN_EMAIL);
		this.mvc
			.perform(post("/admin/users/" + other + "/enabled").cookie(admin).with(csrf()).param("enabled", "false"))
			.andExpect(flash().attribute("notice", Notice.ok("admin.users.disabledDone")));
		this.mvc.perform(post("/admin/users/" + own + "/role").cookie(admin).with(csrf()).param("role", "OPS"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", Notice.bad("admin.users.notYourOwnRole")));
		assertThat(this.jdbc.sql("select role from staff_user where id = ?").param(own).query(String.class).single())
			.isEqualTo("ADMIN");
		this.mvc.perform(get("/admin/users").cookie(admin).param("lang", "es"))
			.andExpect(status().isOk())
			// The own row shows the role as text, without a form to change it.
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(containsString("action=\"/admin/users/" + own + "/role\""))));
		this.mvc.perform(post("/admin/users/" + other + "/enabled").cookie(admin).with(csrf()).param("enabled", "true"))
			.andExpect(flash().attribute("notice", Notice.ok("admin.users.enabledDone")));
	}

	@Test
	void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() {
		long own = idOf(AdminTest.FIRST_ADMIN_EMAIL);
		String lastEmail = TestStaff.withoutPassword(this.jdbc, StaffRole.ADMIN);
		long last = idOf(lastEmail);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(AdminTest.FIRST_ADMIN_EMAIL, null,
					List.of(new SimpleGrantedAuthority(StaffRole.ADMIN.authority()))));
		TransactionTemplate rolledBack = new TransactionTemplate(this.transactionManager);
		try {
			rolledBack.executeWithoutResult((tx) -> {
				tx.setRollbackOnly();
				// Other test classes share the database and add admins: inside this
				// transaction, rolled back, every other admin is disabled.
				this.jdbc.sql("update staff_user set enabled = false where role = 'ADMIN' and id <> ?")
					.param(last)
					.update();
				assertThatThrownBy(() -> this.users.changeRole(last, StaffRole.ORGANIZER, AdminTest.FIRST_ADMIN_EMAIL))
					.isInstanceOfSatisfying(StaffUsers.RefusedChange.class,
							(refused) -> assertThat(refused.messageKey()).isEqualTo("admin.users.lastAdmin"));
				assertThatThrownBy(() -> this.users.setEnabled(last, false, AdminTest.FIRST_ADMIN_EMAIL))
					.isInstanceOfSatisfying(StaffUsers.RefusedChange.class,
							(refused) -> assertThat(refused.messageKey()).isEqualTo("admin.users.lastAdmin"));
				assertThat(this.jdbc.sql("select role || ' ' || enabled from staff_user where id = ?")
					.param(last)
					.query(String.class)
					.single()).isEqualTo("ADMIN true");
				// With another enabled ADMIN, the same change is allowed.
				this.jdbc.sql("update staff_user set enabled = true where id = ?").param(own).update();
				this.users.changeRole(last, StaffRole.ORGANIZER, AdminTest.FIRST_ADMIN_EMAIL);
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(this.jdbc.sql("select role from staff_user where id = ?").param(last).query(String.class).single())
			.isEqualTo("ADMIN");
	}

	private long idOf(String email) {
		return this.jdbc.sql("select id from staff_user where email = ?").param(email).query(Long.class).single();
	}

	@Test
	void staffChangeTheirOwnPasswordWithTheCurrentOneAndAtLeastTwelveCharacters() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", "ops.person@win.test")
				.param("displayName", "Ops")
				.param("role", "OPS"))
			.andReturn();
		String first = OneTimePasswords.shown(created);
		Cookie ops = loginWithOneTimePassword("ops.person@win.test", first);
		this.mvc
			.perform(post("/admin/profile").cookie(ops)
				.with(csrf())
				.param("currentPassword", first)
				.param("newPassword", "short")
				.param("confirmPassword", "short")
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The new password needs at least 12 characters.")));
		this.mvc
			.perform(post("/admin/profile").cookie(ops)
				.with(csrf())
				.param("currentPassword", "not the current one")
				.param("newPassword", "a much longer password")
				.param("confirmPassword", "a much longer password")
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The current password is wrong.")));
		this.mvc
			.perform(post("/admin/profile").cookie(ops)
				.with(csrf())
				.param("currentPassword", first)
				.param("newPassword", "a much longer password")
				.param("confirmPassword", "a much longer password"))
			.andExpect(flash().attribute("notice", Notice.ok("admin.profile.changed")));
		login("ops.person@win.test", "a much longer password");
	}

	@Test
	void aNewPasswordEqualToTheCurrentOneIsRefusedSoAOneTimePasswordCannotBeKept() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", "same.password@win.test")
				.param("displayName", "Misma")
				.param("role", "OPS"))
			.andReturn();
		String first = OneTimePasswords.shown(created);
		Cookie ops = loginWithOneTimePassword("same.password@win.test", first);
		String hash = passwordHash("same.password@win.test");
		this.mvc
			.perform(post("/admin/profile").cookie(ops)
				.with(csrf())
				.param("currentPassword", first)
				.param("newPassword", first)
				.param("confirmPassword", first)
				.param("lang", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("La contraseña nueva tiene que ser distinta de la actual.")))
			.andExpect(content().string(not(containsString(first))));
		this.mvc
			.perform(post("/admin/profile").cookie(ops)
				.with(csrf())
				.param("currentPassword", first)
				.param("newPassword", first)
				.param("confirmPassword", first)
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The new password must differ from the current one.")));
		assertThat(passwordHash("same.password@win.test")).isEqualTo(hash);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'PASSWORD_CHANGED' and actor = ?")
			.param("same.password@win.test")
			.query(Long.class)
			.single()).isZero();
	}

	private String passwordHash(String email) {
		return this.jdbc.sql("select password_hash from staff_user where lower(email) = lower(?)")
			.param(email)
			.query(String.class)
			.single();
	}

	@Test
	void passwordsLongerThanBcryptsSeventyTwoBytesWorkForSettingAndLogin() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", "long.password@win.test")
				.param("displayName", "Long")
				.param("role", "OPS"))
			.andReturn();
		String first = OneTimePasswords.shown(created);
		Cookie ops = loginWithOneTimePassword("long.password@win.test", first);
		// 40 accented letters are 80 bytes in UTF-8; two passwords that differ only after
		// byte 72 must stay different, and the longest the form accepts (200) must work.
		String accented = "é".repeat(40);
		String longest = "ñ".repeat(199) + "x";
		for (String password : new String[] { accented, longest }) {
			this.mvc
				.perform(post("/admin/profile").cookie(ops)
					.with(csrf())
					.param("currentPassword", first)
					.param("newPassword", password)
					.param("confirmPassword", password))
				.andExpect(flash().attribute("notice", Notice.ok("admin.profile.changed")));
			ops = login("long.password@win.test", password);
			this.mvc
				.perform(post("/admin/login").with(csrf())
					.param("username", "long.password@win.test")
					.param("password", password.substring(0, password.length() - 1) + "y"))
				.andExpect(redirectedUrl("/admin/login?error"));
			first = password;
		}
	}

	@Test
	void aSessionStartedOnOneInstanceIsAcceptedByAnotherSharingTheDatabase() throws Exception {
		Cookie session = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD);
		// Stored in PostgreSQL, with the 30-minute idle timeout.
		assertThat(this.jdbc.sql(
				"select max_inactive_interval from spring_session where principal_name = ? order by creation_time desc limit 1")
			.param(AdminTest.FIRST_ADMIN_EMAIL)
			.query(Integer.class)
			.single()).isEqualTo(1800);
		String url = this.dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(EventsApplication.class)
			.profiles("test")
			.properties("spring.datasource.url=" + url, "spring.datasource.username=postgres", "server.port=0",
					"server.address=127.0.0.1")
			.run()) {
			String port = second.getEnvironment().getProperty("local.server.port");
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> withSession = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin?lang=en"))
					.header("Accept", "text/html")
					.header("Cookie", "SESSION=" + session.getValue())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(withSession.statusCode()).isEqualTo(200);
			assertThat(withSession.body()).contains("Events");
			HttpResponse<String> without = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin"))
					.header("Accept", "text/html")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(without.statusCode()).isEqualTo(302);
			assertThat(List.of(without.headers().firstValue("Location").orElse(""))).singleElement()
				.satisfies((location) -> assertThat(location).endsWith("/admin/login"));
		}
	}

	Cookie login(String email, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

	/** A one-time password an admin has seen leads to the profile, not the dashboard. */
	Cookie loginWithOneTimePassword(String email, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/admin/profile"))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

	/** Changes the password on the profile; the session goes on under a new id. */
	Cookie chooseOwnPassword(Cookie session, String current, String chosen) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/profile").cookie(session)
				.with(csrf())
				.param("currentPassword", current)
				.param("newPassword", chosen)
				.param("confirmPassword", chosen))
			.andExpect(redirectedUrl("/admin/profile"))
			.andExpect(flash().attribute("notice", Notice.ok("admin.profile.changed")))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

}
