package org.winformusic.events.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import org.junit.jupiter.api.extension.ExtendWith;
import org.winformusic.events.IntegrationTest;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a real PostgreSQL with MockMvc, a movable clock and a
 * statement counter: every admin test class shares this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@AutoConfigureMockMvc
@Import(AdminTestConfiguration.class)
@ExtendWith(FreshLoginAttempts.class)
@TestPropertySource(properties = { "app.admin-email=" + AdminTest.FIRST_ADMIN_EMAIL,
		"app.admin-password=" + AdminTest.FIRST_ADMIN_PASSWORD })
@interface AdminTest {

	String FIRST_ADMIN_EMAIL = "first-admin@win.test";

	String FIRST_ADMIN_PASSWORD = "first admin password";

	/**
	 * When people registered, for registrations whose date a test does not care about.
	 */
	Instant REGISTERED = Instant.parse("2026-11-01T15:00:00Z");

}
