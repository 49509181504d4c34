package org.winformusic.events.admin;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A password an ADMIN has seen (a new account's, or one set after a lost password) opens
 * only the owner's profile until they choose their own: the admin who handed it over
 * cannot use it to act as them.
 */
@AdminTest
class OwnPasswordFirstTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewAccountsOneTimePasswordOpensOnlyTheProfileUntilTheOwnerChoosesTheirOwn() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(3).create();
		long registration = new TestRegistrations(this.jdbc).in(event)
			.person("Ana Primera")
			.createdAt(AdminTest.REGISTERED)
			.create()
			.id();
		String e = "/admin/events/" + event.slug();
		List<String> closed = List.of("/admin", e, e + "/registrations", e + "/checkin",
				"/admin/registrations/" + registration, "/admin/users", "/admin/audit", "/admin/privacy",
				"/admin/outbox", "/admin/profile/tokens", "/actuator/info");
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD, "/admin");
		for (StaffRole role : StaffRole.values()) {
			String email = "first.login." + role.name().toLowerCase() + "@win.test";
			String oneTime = create(admin, email, role);

			Cookie session = login(email, oneTime, "/admin/profile");
			this.mvc.perform(get("/admin/profile").cookie(session).param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(
						"Choose your own password to continue: the one you signed in with was set by an administrator")))
				.andExpect(content().string(not(containsString("href=\"/admin/profile/tokens\""))));
			this.mvc.perform(get("/admin/profile").cookie(session).param("lang", "es"))
				.andExpect(content().string(containsString("Para continuar, elige tu propia contraseña")));
			for (String page : closed) {
				this.mvc.perform(get(page).cookie(session).accept(MediaType.TEXT_HTML))
					.andExpect(redirectedUrl("/admin/profile"));
			}
			// Nothing changes either: not even an API token that would outlive the flag.
			this.mvc
				.perform(post("/admin/users").cookie(session)
					.with(csrf())
					.param("email", "made.by." + role.name().toLowerCase() + "@win.test")
					.param("displayName", "Nadie")
					.param("role", "ADMIN"))
				.andExpect(redirectedUrl("/admin/profile"));
			this.mvc.perform(post("/admin/profile/tokens").cookie(session).with(csrf()).param("name", "sneaky"))
				.andExpect(redirectedUrl("/admin/profile"));
			this.mvc.perform(post(e + "/capacity").cookie(session).with(csrf()).param("capacity", "1"))
				.andExpect(redirectedUrl("/admin/profile"));
			// The export, whose own chain also takes API tokens, refuses the session.
			this.mvc.perform(get(e + "/registrations.csv").cookie(session)).andExpect(status().isForbidden());
			// The logout page, static files and the error pages stay open.
			this.mvc.perform(get("/admin/logout").cookie(session)).andExpect(status().isOk());
			this.mvc.perform(get("/css/admin.css").cookie(session)).andExpect(status().isOk());
			// The admin who handed it over is not held back by someone else's flag.
			this.mvc.perform(get("/admin/users").cookie(admin)).andExpect(status().isOk());

			Cookie chosen = chooseOwnPassword(session, oneTime, "my very own password");
			this.mvc.perform(get("/admin").cookie(chosen)).andExpect(status().isOk());
			this.mvc.perform(get(e + "/checkin").cookie(chosen)).andExpect(status().isOk());
			// A door volunteer's role opens the door pages only: no list, no API token.
			boolean door = role == StaffRole.DOOR;
			this.mvc.perform(get(e + "/registrations").cookie(chosen))
				.andExpect(door ? status().isForbidden() : status().isOk());
			this.mvc.perform(get("/admin/users").cookie(chosen))
				.andExpect((role == StaffRole.ADMIN) ? status().isOk() : status().isForbidden());
			this.mvc.perform(get("/admin/profile").cookie(chosen).param("lang", "en"))
				.andExpect(content().string(not(containsString("Choose your own password to continue"))))
				.andExpect(content().string(door ? not(containsString("href=\"/admin/profile/tokens\""))
						: containsString("href=\"/admin/profile/tokens\"")));
			// The flag is gone for good: the next login lands on the dashboard.
			login(email, "my very own password", "/admin");
		}
		assertThat(this.jdbc.sql("select count(*) from staff_user where email like 'made.by.%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*)::int from event_seat where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aResetPutsTheFlagBackAndTheOwnersNewSessionMeetsIt() throws Exception {
		Cookie admin = login(AdminTest.FIRST_ADMIN_EMAIL, AdminTest.FIRST_ADMIN_PASSWORD, "/admin");
		String email = "reset.again@win.test";
		String first = create(admin, email, StaffRole.ORGANIZER);
		chooseOwnPassword(login(email, first, "/admin/profile"), first, "chosen before the reset");
		Cookie before = login(email, "chosen before the reset", "/admin");
		long id = this.jdbc.sql("select id from staff_user where email = ?").param(email).query(Long.class).single();

		MvcResult reset = this.mvc.perform(post("/admin/users/" + id + "/password").cookie(admin).with(csrf()))
			.andReturn();
		String second = OneTimePasswords.shown(reset);

		// The session that had the role is over; the new one-time password opens the
		// profile only.
		this.mvc.perform(get("/admin").cookie(before).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/admin/login?expired"));
		Cookie session = login(email, second, "/admin/profile");
		this.mvc.perform(get("/admin").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/admin/profile"));
		Cookie chosen = chooseOwnPassword(session, second, "chosen after the reset");
		this.mvc.perform(get("/admin").cookie(chosen)).andExpect(status().isOk());
	}

	private String create(Cookie admin, String email, StaffRole role) throws Exception {
		MvcResult created = this.mvc
			.perform(post("/admin/users").cookie(admin)
				.with(csrf())
				.param("email", email)
				.param("displayName", "Primera Vez")
				.param("role", role.name()))
			.andReturn();
		return OneTimePasswords.shown(created);
	}

	private Cookie login(String email, String password, String landing) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl(landing))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

	/** Changes the password on the profile; the session goes on (under a new id). */
	private Cookie chooseOwnPassword(Cookie session, String current, String chosen) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/profile").cookie(session)
				.with(csrf())
				.param("currentPassword", current)
				.param("newPassword", chosen)
				.param("confirmPassword", chosen))
			.andExpect(redirectedUrl("/admin/profile"))
			.andReturn();
		Cookie renewed = result.getResponse().getCookie("SESSION");
		return (renewed != null) ? renewed : session;
	}

}
