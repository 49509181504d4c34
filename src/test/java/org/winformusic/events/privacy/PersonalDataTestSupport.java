package org.winformusic.events.privacy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.winformusic.events.MovableClock;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.mail.OutboxTestAccess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One application context for the personal-data tests: a clock they move (blocking and
 * retention periods), a GreenMail SMTP server so emails are really sent, and helpers that
 * act as a registrant and as staff through the web, and look for a marker in every text
 * and binary column of every table.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(MovableClock.AsApplicationClock.class)
abstract class PersonalDataTestSupport {

	static final GreenMail greenMail = startGreenMail();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	OutboxTestAccess sender;

	@Autowired
	void sender(ApplicationContext context) {
		this.sender = new OutboxTestAccess(context);
	}

	@Autowired
	MovableClock clock;

	@Autowired
	RetentionJob retention;

	private static GreenMail startGreenMail() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
		registry.add("app.privacy.retention-job-enabled", () -> "false");
		registry.add("app.privacy.controller", () -> "WIN Test Controller A.C.");
		registry.add("app.privacy.address", () -> "Calle Privada 1, Roma Norte, CDMX");
		registry.add("app.privacy.contact", () -> "privacidad@win.test");
	}

	/** A unique lower-case marker: found anywhere, it is this test's personal data. */
	static String marker() {
		return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/**
	 * Moves an event to its day, started an hour ago by the clock (four hours long):
	 * arrivals are recorded from midnight of its first day in its zone on.
	 */
	void onItsDay(String slug) {
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where slug = ?")
			.params(java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofHours(1))),
					java.sql.Timestamp.from(this.clock.instant().plus(Duration.ofHours(3))), slug)
			.update();
	}

	/** A published event starting {@code startsIn} from the clock's now. */
	String event(Duration startsIn, int seats) {
		return new TestEvents(this.jdbc).event()
			.slugPrefix("privacy")
			.title("Taller de privacidad", "Privacy workshop")
			.startsAt(this.clock.instant().plus(startsIn))
			.capacity(seats)
			.create()
			.slug();
	}

	/** The person's details, each text field carrying the marker. */
	record Person(String fullName, String email, String company, String jobTitle, String companyType, String state,
			String city, String phone, String interest, String referralSource, String comments) {

		/** {@code phone} is typed without spaces: E.164, as the application stores it. */
		static Person marked(String marker, String phone) {
			return new Person("Ana " + marker, marker + ".ana@example.org", "Sello " + marker, "Jefa " + marker,
					"PUBLISHER", "JAL", "Ciudad " + marker, phone.replace(" ", ""), "YES", "Radio " + marker,
					"Rampa " + marker);
		}

		Person with(String companyType, String state, String interest) {
			return new Person(this.fullName, this.email, this.company, this.jobTitle, companyType, state, this.city,
					this.phone, interest, this.referralSource, this.comments);
		}

		List<String> textValues() {
			return List.of(this.fullName, this.email, this.company, this.jobTitle, this.city, this.phone,
					this.referralSource, this.comments);
		}

	}

	/** Registers through the public form, with news; returns the manage token. */
	String register(String slug, Person person) throws Exception {
		return register(slug, person, "es-MX,es;q=0.9");
	}

	/**
	 * The registration form's fields filled with {@code person}'s details and
	 * {@code email}, news wanted: what the registration and the edit form post.
	 */
	static RequestPostProcessor fieldsOf(Person person, String email) {
		return (request) -> {
			request.addParameter("fullName", person.fullName());
			request.addParameter("email", email);
			request.addParameter("company", person.company());
			request.addParameter("jobTitle", person.jobTitle());
			request.addParameter("companyType", person.companyType());
			request.addParameter("state", person.state());
			request.addParameter("city", person.city());
			request.addParameter("phone", person.phone());
			request.addParameter("associationInterest", person.interest());
			request.addParameter("referralSource", person.referralSource());
			request.addParameter("comments", person.comments());
			request.addParameter("newsOptIn", "true");
			return request;
		};
	}

	/** The same from a browser whose language is {@code acceptLanguage}. */
	String register(String slug, Person person, String acceptLanguage) throws Exception {
		String manage = this.mvc
			.perform(post("/events/" + slug + "/register").with(csrf())
				.header("Accept-Language", acceptLanguage)
				.with(fieldsOf(person, person.email()))
				.param("privacyConsent", "true"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		if (manage == null || !manage.startsWith("/r/")) {
			throw new IllegalStateException("registration refused: " + manage);
		}
		return manage.substring("/r/".length()).replace("?new", "");
	}

	long registrationId(String email) {
		return this.jdbc.sql("select id from registration where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user("privacy-admin@win.test").roles("ADMIN")).with(csrf());
	}

	/**
	 * A staff action as a browser does it: the POST, then the page it redirects to, in
	 * the same session, which shows (and so drops) the flash notice the action left
	 * there.
	 */
	void act(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(asAdmin(request)).andReturn();
		String target = result.getResponse().getRedirectedUrl();
		jakarta.servlet.http.Cookie session = result.getResponse().getCookie("SESSION");
		if (target != null && session != null) {
			this.mvc.perform(asAdmin(get(target)).cookie(session));
		}
	}

	/** Every cell of an XLSX export, as text. */
	String xlsxText(String slug) throws Exception {
		byte[] bytes = this.mvc.perform(asAdmin(get("/admin/events/" + slug + "/registrations.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					text.append(cell.toString()).append('\n');
				}
			}
		}
		return text.toString();
	}

	/**
	 * Where a text is stored: "table.column" for every text-like, JSON or binary column
	 * of every table of the database that holds it (ignoring case). Generic on purpose:
	 * it keeps working whatever columns other features add or drop.
	 */
	List<String> whereStored(String text) {
		List<String> found = new ArrayList<>();
		List<String[]> columns = this.jdbc.sql("""
				select table_name, column_name, data_type from information_schema.columns
				 where table_schema = current_schema()
				   and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
		for (String[] column : columns) {
			String table = '"' + column[0] + '"';
			String name = '"' + column[1] + '"';
			String condition = column[2].equals("bytea")
					? "position(convert_to(lower(:text), 'UTF8') in " + name + ") > 0"
							+ " or position(convert_to(upper(:text), 'UTF8') in " + name + ") > 0"
							+ " or position(convert_to(:text, 'UTF8') in " + name + ") > 0"
					: "lower(" + name + "::text) like '%' || lower(:text) || '%'";
			long count = this.jdbc.sql("select count(*) from " + table + " where " + condition)
				.param("text", text)
				.query(Long.class)
				.single();
			if (count > 0) {
				found.add(column[0] + "." + column[1]);
			}
		}
		return found;
	}

	/**
	 * The manage token of the email about {@code title} sent to {@code address}: the
	 * one-click opt-out header carries the same token as the email's manage link.
	 */
	static String tokenEmailedFor(String title, String address) throws jakarta.mail.MessagingException {
		for (jakarta.mail.internet.MimeMessage message : greenMail.getReceivedMessages()) {
			boolean to = java.util.Arrays.stream(message.getAllRecipients())
				.anyMatch((r) -> r.toString().equals(address));
			String[] unsubscribe = message.getHeader("List-Unsubscribe");
			if (to && message.getSubject().contains(title) && unsubscribe != null) {
				String link = unsubscribe[0];
				return link.substring(link.indexOf("/r/") + 3, link.indexOf("/news/stop"));
			}
		}
		throw new IllegalStateException("no email about " + title);
	}

	static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
