package org.winformusic.events.admin;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.winformusic.events.EventsApplication;
import org.winformusic.events.TestDatabaseConfiguration;
import org.winformusic.events.shared.RequiredSettingsCheck;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first admin as an operator meets it with docker compose (README "First admin"): a
 * first start without {@code APP_ADMIN_PASSWORD} stops naming it, a start with it creates
 * the admin, and later starts need it no more.
 */
class FirstAdminStartTests {

	@Test
	void aFirstStartWithoutThePasswordStopsNamingItAndAfterTheFirstAdminItMayBeRemoved() {
		try (HikariDataSource database = TestDatabaseConfiguration.newEmbeddedDatabase()) {
			String url = database.getJdbcUrl();
			JdbcClient jdbc = JdbcClient.create(database);

			assertThatThrownBy(() -> start(url).close())
				.isInstanceOf(RequiredSettingsCheck.MissingSettingException.class)
				.hasMessage("Missing required setting APP_ADMIN_PASSWORD (property app.admin-password): no staff user"
						+ " exists yet, so nobody could log in; the first admin is created from APP_ADMIN_EMAIL and"
						+ " APP_ADMIN_PASSWORD, which may be removed once that admin exists.");
			assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isZero();

			try (ConfigurableApplicationContext first = start(url, "--app.admin-password=chosen by the operator")) {
				assertThat(jdbc.sql("select email from staff_user where role = 'ADMIN'").query(String.class).list())
					.containsExactly("operator@win.test");
			}
			try (ConfigurableApplicationContext later = start(url)) {
				assertThat(later.isRunning()).isTrue();
			}
		}
	}

	/** Started as {@code main} starts it, with the test profile's mail settings. */
	private static ConfigurableApplicationContext start(String url, String... more) {
		String[] args = { "--spring.profiles.active=test", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--server.port=0", "--server.address=127.0.0.1",
				"--app.admin-email=operator@win.test" };
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return EventsApplication.application().run(all);
	}

}
