package org.winformusic.events.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.mail.OutboxTestAccess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Logs never carry an email address, a phone number or a manage token in clear: not when
 * people register, register twice, ask for their link, open it, download their data, stop
 * news or erase their data, nor when the SMTP server is unreachable or a staff login
 * fails, nor when the database refuses a person's row. {@code SuiteLogHygieneTests} looks
 * for every registrant of the whole run in the log.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "spring.mail.port=9")
class LogHygieneTests {

	private static final String EMAIL = "Log.Hygiene.Person@example.org";

	private static final String NAME = "Persona Pulcrita de Prueba";

	private static final String PHONE = "+52 55 8765 4321";

	@Autowired
	MockMvc mvc;

	OutboxTestAccess sender;

	@Autowired
	void sender(ApplicationContext context) {
		this.sender = new OutboxTestAccess(context);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/**
	 * Inserts a copy of a person's registration with a new id and the given changes: the
	 * same person again, as a racing second request would.
	 */
	private static final String COPY = """
			insert into registration overriding system value
			select (jsonb_populate_record(null::registration,
			        to_jsonb(r) || jsonb_build_object('id', r.id + 1000000) || cast(? as jsonb))).*
			from registration r where lower(r.email) = lower(?)
			""";

	@Test
	void personalDataAndTokensNeverReachTheLog(CapturedOutput output) throws Exception {
		long mark = TestLog.mark();
		String manage = this.mvc.perform(registration())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
		assertThat(manage).startsWith("/r/");
		String token = manage.substring("/r/".length());
		this.mvc.perform(get(manage));
		this.mvc.perform(get(manage + "/event.ics"));
		// No page answers these; Spring logs the path of a request it has no handler for.
		this.mvc.perform(get(manage + "/"));
		this.mvc.perform(get(manage + "/edit/"));
		this.mvc.perform(post(manage + "/no-such-action").with(csrf()));
		this.mvc.perform(registration());
		this.mvc.perform(post("/events/mexico-workshop/lookup").with(csrf()).param("email", EMAIL));
		this.sender.sendDueMessages();
		this.mvc.perform(post("/admin/login").with(csrf()).param("username", EMAIL).param("password", "wrong"));
		this.mvc.perform(get(manage + "/data"));
		this.mvc.perform(get(manage + "/data.json"));
		this.mvc.perform(post(manage + "/news/stop").with(csrf()));
		this.mvc.perform(post(manage + "/erase").with(csrf()));

		// The application log goes to a file (logback-test.xml); the console gets
		// warnings.
		String file = TestLog.since(mark);
		assertThat(file).as("the application log of these requests").contains("will be retried");
		assertThat((output.getAll() + file).toLowerCase()).doesNotContain(EMAIL.toLowerCase())
			.doesNotContain("log.hygiene.person")
			.doesNotContain(NAME.toLowerCase())
			.doesNotContain(PHONE)
			.doesNotContain("8765 4321")
			.doesNotContain(token.toLowerCase());
	}

	@Test
	void databaseErrorsAboutAPersonsRowCarryNoneOfItIntoTheLog(CapturedOutput output) throws Exception {
		String email = "Db.Error.Person@example.org";
		String name = "Persona Repetida de Prueba";
		this.mvc.perform(registration(name, email));
		long mark = TestLog.mark();

		// PostgreSQL's detail would name the address (unique index) and list the whole
		// row (check constraint).
		for (String change : List.of("{}", "{\"status\": \"BOGUS\"}")) {
			DataAccessException failure = catchThrowableOfType(DataAccessException.class,
					() -> this.jdbc.sql(COPY).params(change, email).update());
			assertThat(failure).as("the database refuses the copy " + change).isNotNull();
			// As any error handler logs an unexpected failure: with all its causes.
			LogFactory.getLog(LogHygieneTests.class).error("Registration insert failed", failure);
		}

		String logged = output.getAll() + TestLog.since(mark);
		assertThat(logged).contains("registration_address_held_uq").contains("registration_status_check");
		assertThat(logged.toLowerCase()).doesNotContain(email.toLowerCase()).doesNotContain(name.toLowerCase());
		assertThat(rawDriverMessage("{}", email)).as("what reaches the log without DatabaseErrorDetail")
			.containsIgnoringCase(email);
	}

	/** The same failure on a connection of the driver's defaults, outside the pool. */
	private String rawDriverMessage(String change, String email) throws SQLException {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		try (Connection plain = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				PreparedStatement insert = plain.prepareStatement(COPY)) {
			insert.setString(1, change);
			insert.setString(2, email);
			SQLException failure = catchThrowableOfType(SQLException.class, insert::executeUpdate);
			assertThat((Throwable) failure).isNotNull();
			return failure.getMessage();
		}
	}

	private static MockHttpServletRequestBuilder registration() {
		return registration(NAME, EMAIL);
	}

	private static MockHttpServletRequestBuilder registration(String name, String email) {
		return post("/events/mexico-workshop/register").with(csrf())
			.param("fullName", name)
			.param("email", email)
			.param("company", "Sello Discreto")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "JAL")
			.param("city", "Guadalajara")
			.param("phone", PHONE)
			.param("associationInterest", "MAYBE")
			.param("privacyConsent", "true");
	}

}
