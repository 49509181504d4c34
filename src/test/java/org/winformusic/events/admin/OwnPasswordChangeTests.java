package org.winformusic.events.admin;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A staff member changes their own password on their profile: the browser they changed it
 * in stays signed in, every other session of theirs ends (whoever signed in with the old
 * password is out), and the notice says so.
 */
@AdminTest
class OwnPasswordChangeTests {

	/** Not the address of the other test classes' logins (the throttle counts by it). */
	private static final RequestPostProcessor FROM = (request) -> {
		request.setRemoteAddr("198.51.100.31");
		return request;
	};

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Test
	void changingOnesPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
		String email = TestStaff.create(this.jdbc, "two.browsers@win.test", "Dos", StaffRole.ORGANIZER);
		String other = TestStaff.create(this.jdbc, "someone.else@win.test", "Otra", StaffRole.ORGANIZER);
		Cookie laptop = login(email, TestStaff.PASSWORD);
		Cookie phone = login(email, TestStaff.PASSWORD);
		Cookie colleague = login(other, TestStaff.PASSWORD);

		MvcResult changed = this.mvc
			.perform(post("/admin/profile").cookie(laptop)
				.with(csrf())
				.param("currentPassword", TestStaff.PASSWORD)
				.param("newPassword", "a password of my own")
				.param("confirmPassword", "a password of my own"))
			.andExpect(redirectedUrl("/admin/profile"))
			.andReturn();
		Cookie kept = (changed.getResponse().getCookie("SESSION") != null) ? changed.getResponse().getCookie("SESSION")
				: laptop;

		// The one they changed it in goes on, with the notice in their words.
		this.mvc
			.perform(get("/admin/profile").cookie(kept)
				.param("lang", "es")
				.flashAttrs(changed.getFlashMap())
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Contraseña cambiada. Cerramos tus otras sesiones abiertas.")));
		assertThat(this.messages.getMessage("admin.profile.changed", null, Locale.ENGLISH))
			.isEqualTo("Password changed. We signed you out of your other open sessions.");
		this.mvc.perform(get("/admin").cookie(kept).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());

		// The phone, signed in with the old password, is out; somebody else is not.
		this.mvc.perform(get("/admin").cookie(phone).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/admin/login?expired"));
		this.mvc.perform(get("/admin").cookie(colleague).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from spring_session where lower(principal_name) = lower(?)")
			.param(email)
			.query(Long.class)
			.single()).isOne();
		login(email, "a password of my own");
	}

	private Cookie login(String email, String password) throws Exception {
		return this.mvc
			.perform(post("/admin/login").with(csrf()).with(FROM).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/admin"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}
