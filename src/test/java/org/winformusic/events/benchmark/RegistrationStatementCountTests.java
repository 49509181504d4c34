package org.winformusic.events.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.registration.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Guards the database round trips of one registration POST, the request the benchmark
 * shows to be bound by them: the number of SQL statements and commits it sends may not
 * grow past what it is today without someone deciding so here.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(RegistrationStatementCountTests.CountingDataSource.class)
@TestPropertySource(properties = { "app.registration-min-fill-seconds=0", "app.rate-limit-per-ip=20" })
class RegistrationStatementCountTests {

	/**
	 * Statements plus commits of one registration POST, measured when this test was
	 * written: the rate-limit upsert, the event row, the one registering statement; then,
	 * for the confirmation email composed in the same transaction, the registration, the
	 * event with its speakers and partners (three queries) and the outbox insert; the
	 * commit.
	 */
	static final int MAX_ROUND_TRIPS = 9;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneRegistrationPostTakesAtMostTheMeasuredNumberOfDatabaseRoundTrips() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).create(10);
		// The first request of a context loads secrets and caches: count a later one.
		register(event.slug(), "warm-up@example.org");
		List<String> sent = CountingDataSource.record(() -> register(event.slug(), "counted@example.org"));
		assertThat(sent).as("round trips of one registration POST: %s", sent).hasSizeLessThanOrEqualTo(MAX_ROUND_TRIPS);
	}

	private void register(String slug, String email) throws Exception {
		this.mvc
			.perform(post("/events/" + slug + "/register").with(csrf())
				.param("fullName", "Ana Pérez")
				.param("email", email)
				.param("company", "Discos Norte")
				.param("jobTitle", "Directora")
				.param("companyType", "INDEPENDENT_LABEL")
				.param("state", "CMX")
				.param("city", "Ciudad de México")
				.param("phone", "+52 55 1234 5678")
				.param("associationInterest", "YES")
				.param("privacyConsent", "true"))
			.andExpect(redirectedUrlPattern("/r/*"));
	}

	/**
	 * Wraps the application's DataSource so that, while {@link #record} runs on this
	 * thread, every statement executed and every commit or rollback is noted.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingDataSource {

		private static final ThreadLocal<List<String>> recording = new ThreadLocal<>();

		interface Action {

			void run() throws Exception;

		}

		static List<String> record(Action action) throws Exception {
			List<String> sent = new ArrayList<>();
			recording.set(sent);
			try {
				action.run();
			}
			finally {
				recording.remove();
			}
			return sent;
		}

		@Bean
		static BeanPostProcessor countingDataSourceWrapper() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? wrap(dataSource, DataSource.class) : bean;
				}
			};
		}

		private static <T> T wrap(Object target, Class<T> type) {
			return wrap(target, type, null);
		}

		@SuppressWarnings("unchecked")
		private static <T> T wrap(Object target, Class<T> type, String preparedSql) {
			InvocationHandler handler = (proxy, method, arguments) -> {
				List<String> sent = recording.get();
				String name = method.getName();
				if (sent != null && (name.equals("commit") || name.equals("rollback"))) {
					sent.add(name);
				}
				if (sent != null && name.startsWith("execute") && target instanceof Statement) {
					String sql = (arguments != null && arguments.length > 0 && arguments[0] instanceof String text)
							? text : preparedSql;
					sent.add((sql != null) ? sql.substring(0, Math.min(sql.length(), 60)).replaceAll("\\s+", " ")
							: name);
				}
				Object result;
				try {
					result = method.invoke(target, arguments);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
				if (result instanceof Connection connection && !(result instanceof Proxy)) {
					return wrap(connection, Connection.class);
				}
				if (result instanceof Statement statement && !(result instanceof Proxy)) {
					Class<?> statementType = (result instanceof java.sql.CallableStatement)
							? java.sql.CallableStatement.class : (result instanceof java.sql.PreparedStatement)
									? java.sql.PreparedStatement.class : Statement.class;
					String sql = (arguments != null && arguments.length > 0 && arguments[0] instanceof String text)
							? text : null;
					return wrap(statement, statementType, sql);
				}
				return result;
			};
			return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type },
					handler);
		}

	}

}
