package org.winformusic.events;

import jakarta.servlet.http.Cookie;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.winformusic.events.admin.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Staff users for tests, stored as the admin feature stores them (a {@code {bcrypt}} hash
 * in staff_user), all with the same password.
 */
public final class TestStaff {

	private static final AtomicInteger sequence = new AtomicInteger();

	public static final String PASSWORD = "browser-test-password";

	private static final String HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);

	private TestStaff() {
	}

	/** Creates the account unless it exists; returns its email. */
	public static String create(JdbcClient jdbc, String email, String displayName, StaffRole role) {
		jdbc.sql(
				"""
						insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at)
						values (?, ?, ?, ?, true, now(), now())
						on conflict do nothing
						""")
			.params(email, displayName, HASH, role.name())
			.update();
		return email;
	}

	/**
	 * An enabled account with a unique email that cannot log in with a password (for API
	 * tokens and audit entries); returns its email.
	 */
	public static String withoutPassword(JdbcClient jdbc, StaffRole role) {
		String email = role.name().toLowerCase(Locale.ROOT) + sequence.incrementAndGet() + "@staff.example.org";
		jdbc.sql("""
				insert into staff_user (email, display_name, password_hash, role, enabled, created_at,
				    password_changed_at)
				values (?, 'Staff', '{noop}unusable-' || gen_random_uuid(), ?, true, now(), now())
				""").params(email, role.name()).update();
		return email;
	}

	/**
	 * Logs an account in through the login form; returns its session cookie, where the
	 * pages' flash notices wait for the next page.
	 */
	public static Cookie session(MockMvc mvc, String email) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post("/admin/login")
				.with(SecurityMockMvcRequestPostProcessors.csrf())
				.param("username", email)
				.param("password", PASSWORD))
			.andExpect(MockMvcResultMatchers.redirectedUrl("/admin"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}
