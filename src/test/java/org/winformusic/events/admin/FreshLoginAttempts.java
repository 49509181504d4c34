package org.winformusic.events.admin;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Each admin test class starts with no login attempts on record, as it would alone. The
 * classes share one context, database and movable clock, and their deliberate failed
 * logins from MockMvc's one address (127.0.0.1) added up within the throttle's window: a
 * class that ran after enough of them had its own logins refused (AdminSecurityTests, run
 * after LoginAuditTests, StaffUsersTests and AdminWordsTests, got /admin/login?error for
 * the right password).
 */
final class FreshLoginAttempts implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		SpringExtension.getApplicationContext(context)
			.getBean(JdbcClient.class)
			.sql("delete from login_attempt")
			.update();
	}

}
