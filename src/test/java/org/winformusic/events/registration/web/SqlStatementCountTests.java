package org.winformusic.events.registration.web;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guards the hot path the benchmark measures: the SQL statements one successful
 * registration POST executes, counted at the JDBC level. If this fails, a change added
 * round trips to every registration: make sure that is worth it, then raise the number.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(SqlStatementCountTests.CountingDataSource.class)
@TestPropertySource(properties = { "app.rate-limit-per-ip=1000", "app.waitlist-sweep-millis=3600000" })
class SqlStatementCountTests {

	/**
	 * Rate-limit upsert, the event's window, the registering statement, and the
	 * confirmation's outbox row (one insert: the email is composed when it is sent).
	 */
	static final int STATEMENTS_PER_REGISTRATION = 4;

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Test
	void oneRegistrationPostExecutesAtMostFourStatementsIncludingItsEmail() throws Throwable {
		TestEvents.Created event = new TestEvents(JdbcClient.create(this.dataSource)).event().capacity(10).create();
		register(event.slug(), "warm-up@example.com");

		int statements = executed(() -> register(event.slug(), "counted@example.com")).size();

		assertThat(statements).as("SQL statements of one registration POST")
			.isPositive()
			.isLessThanOrEqualTo(STATEMENTS_PER_REGISTRATION);
	}

	/**
	 * A view of the blank form that was rendered before reads only what it depends on
	 * (the event's row and its seats), also after a seat was taken that leaves the event
	 * not full: the page itself is kept, see {@code BlankFormPageTests}. Statements on
	 * Spring Session's tables are not counted: in this context, spring-security-test's
	 * {@code csrf()} of the other test keeps every request's CSRF token in an HTTP
	 * session (the application keeps it in a cookie).
	 */
	@Test
	void aRepeatViewOfTheBlankFormExecutesOnlyItsVersionQueries() throws Throwable {
		TestEvents.Created event = new TestEvents(JdbcClient.create(this.dataSource)).event().capacity(10).create();
		this.mvc.perform(get("/events/" + event.slug() + "/register")).andExpect(status().isOk());
		register(event.slug(), "seat-taken@example.com");

		List<String> statements = executed(
				() -> this.mvc.perform(get("/events/" + event.slug() + "/register")).andExpect(status().isOk()));

		assertThat(statements).filteredOn((sql) -> !sql.toLowerCase(Locale.ROOT).contains("spring_session"))
			.as("SQL statements of a repeat view of the form")
			.hasSize(2)
			.anySatisfy((sql) -> assertThat(sql).contains("from event\n"))
			.anySatisfy((sql) -> assertThat(sql).contains("from event_seat"));
	}

	/**
	 * The SQL statements this thread executes while {@code work} runs (the application's
	 * scheduled jobs run on threads of their own).
	 */
	private static List<String> executed(Executable work) throws Throwable {
		CountingDataSource.EXECUTED.clear();
		CountingDataSource.recording = Thread.currentThread();
		try {
			work.execute();
		}
		finally {
			CountingDataSource.recording = null;
		}
		return List.copyOf(CountingDataSource.EXECUTED);
	}

	private void register(String slug, String email) throws Exception {
		this.mvc.perform(TestRegistrations.formPost(slug, "Ana Pérez", email)).andExpect(status().is3xxRedirection());
	}

	/**
	 * Wraps the application's DataSource so the statements a thread executes can be
	 * recorded.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingDataSource {

		/** The text of each statement {@link #recording} executed. */
		static final List<String> EXECUTED = new CopyOnWriteArrayList<>();

		/** The thread whose statements are recorded (the application's jobs run too). */
		static volatile Thread recording;

		@Bean
		static BeanPostProcessor countingDataSourcePostProcessor() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof Counting))
							? new Counting(dataSource) : bean;
				}

			};
		}

		static class Counting extends DelegatingDataSource implements AutoCloseable {

			Counting(DataSource target) {
				super(target);
			}

			@Override
			public Connection getConnection() throws SQLException {
				return counting(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return counting(super.getConnection(username, password));
			}

			@Override
			public void close() throws Exception {
				if (getTargetDataSource() instanceof AutoCloseable closeable) {
					closeable.close();
				}
			}

			private static Connection counting(Connection connection) {
				return (Connection) Proxy.newProxyInstance(Counting.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							Object result = invoke(connection, method, args);
							String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text
									: null;
							return (result instanceof Statement statement) ? countingStatement(statement, sql) : result;
						});
			}

			private static Statement countingStatement(Statement statement, String prepared) {
				Class<?>[] interfaces = (statement instanceof java.sql.CallableStatement)
						? new Class<?>[] { java.sql.CallableStatement.class }
						: (statement instanceof java.sql.PreparedStatement)
								? new Class<?>[] { java.sql.PreparedStatement.class }
								: new Class<?>[] { Statement.class };
				InvocationHandler handler = (proxy, method, args) -> {
					if (method.getName().startsWith("execute")) {
						if (Thread.currentThread() == recording) {
							EXECUTED.add((prepared != null) ? prepared : String.valueOf(args[0]));
						}
					}
					return invoke(statement, method, args);
				};
				return (Statement) Proxy.newProxyInstance(Counting.class.getClassLoader(), interfaces, handler);
			}

			private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
					throws Throwable {
				try {
					return method.invoke(target, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			}

		}

	}

}
