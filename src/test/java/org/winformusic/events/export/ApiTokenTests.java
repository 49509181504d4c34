package org.winformusic.events.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.shared.TestLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal API tokens: created on the profile page, shown once, usable by scripts for the
 * export only, refused once revoked or expired or when the owner is disabled.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenTests {

	private static final Pattern TOKEN = Pattern.compile("winev_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	TestRegistrations data() {
		return new TestRegistrations(this.jdbc);
	}

	@Test
	void aStaffUserCreatesATokenThatIsShownOnceAndDownloadsTheCsvWithoutASession() throws Exception {
		TestRegistrations data = data();
		String ops = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("token-csv").withoutSeats().create().slug();
		data.in(slug).create();

		MvcResult created = this.mvc
			.perform(post("/admin/profile/tokens").with(csrf())
				.with(user(ops, "OPS"))
				.param("name", "Badge script")
				.param("role", "OPS")
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn();
		Matcher token = TOKEN.matcher(created.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(token.find()).isTrue();
		byte[] stored = this.jdbc.sql("select token_hash from api_token where name = 'Badge script'")
			.query(byte[].class)
			.single();
		assertThat(stored).isEqualTo(ApiTokens.hash(token.group()));

		String page = this.mvc.perform(get("/admin/profile/tokens?lang=en").with(user(ops, "OPS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Badge script").doesNotContain(token.group());

		MvcResult export = this.mvc.perform(bearer(get("/admin/events/" + slug + "/registrations.csv"), token.group()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv; charset=UTF-8"))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
			.andReturn();
		assertThat(ExportCsvTests.parse(export.getResponse().getContentAsString(StandardCharsets.UTF_8))).hasSize(2);
		assertThat(export.getRequest().getSession(false)).isNull();
		this.mvc.perform(bearer(get("/admin/events/" + slug + "/registrations.xlsx"), token.group()))
			.andExpect(status().isOk());
	}

	@Test
	void aTokenRoleHigherThanTheOwnersIsRefused() throws Exception {
		String ops = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		this.mvc
			.perform(post("/admin/profile/tokens").with(csrf())
				.with(user(ops, "OPS"))
				.param("name", "Too strong")
				.param("role", "ADMIN")
				.param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("Choose a role no higher than your own.")));
		assertThat(this.jdbc.sql("select count(*) from api_token where name = 'Too strong'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aLastDayTooFarAheadIsAFieldErrorNeverA500() throws Exception {
		String ops = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		for (String day : List.of("+999999999-12-31", "9999-12-31")) {
			this.mvc
				.perform(post("/admin/profile/tokens").with(csrf())
					.with(user(ops, "OPS"))
					.param("name", "Forever")
					.param("role", "OPS")
					.param("expiresOn", day)
					.param("lang", "es"))
				.andExpect(status().isBadRequest())
				.andExpect(content()
					.string(org.hamcrest.Matchers.containsString("Elige un día dentro de los próximos 10 años.")));
		}
		assertThat(this.jdbc.sql("select count(*) from api_token where name = 'Forever'").query(Long.class).single())
			.isZero();
	}

	@Test
	void creatingATokenNeedsTheCsrfToken() throws Exception {
		String ops = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		this.mvc
			.perform(post("/admin/profile/tokens").with(user(ops, "OPS")).param("name", "No csrf").param("role", "OPS"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRevokedTokenGets401AndOnlyItsOwnerCanRevokeIt() throws Exception {
		TestRegistrations data = data();
		String owner = TestStaff.withoutPassword(this.jdbc, StaffRole.ORGANIZER);
		String other = TestStaff.withoutPassword(this.jdbc, StaffRole.ADMIN);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("token-revoke").withoutSeats().create().slug();
		String token = this.tokens.create(this.tokens.owner(owner).orElseThrow(), "cron", StaffRole.ORGANIZER, null);
		long id = this.jdbc.sql("select id from api_token where token_hash = ?")
			.param(ApiTokens.hash(token))
			.query(Long.class)
			.single();
		String url = "/admin/events/" + slug + "/registrations.csv";

		this.mvc.perform(post("/admin/profile/tokens/" + id + "/revoke").with(csrf()).with(user(other, "ADMIN")))
			.andExpect(redirectedUrl("/admin/profile/tokens"));
		this.mvc.perform(bearer(get(url), token)).andExpect(status().isOk());

		this.mvc.perform(post("/admin/profile/tokens/" + id + "/revoke").with(csrf()).with(user(owner, "ORGANIZER")))
			.andExpect(redirectedUrl("/admin/profile/tokens"));
		this.mvc.perform(bearer(get(url), token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
	}

	@Test
	void aDoorVolunteerGetsNoTokenAndATokenWhoseOwnerBecameOneExportsNothing() throws Exception {
		String owner = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("token-door").withoutSeats().create().slug();
		String token = this.tokens.create(this.tokens.owner(owner).orElseThrow(), "crm", StaffRole.OPS, null);
		String url = "/admin/events/" + slug + "/people.csv";
		this.mvc.perform(bearer(get(url), token)).andExpect(status().isOk());

		this.jdbc.sql("update staff_user set role = 'DOOR' where email = ?").param(owner).update();
		this.mvc.perform(bearer(get(url), token)).andExpect(status().isForbidden());
		ApiTokens.Owner door = this.tokens.owner(owner).orElseThrow();
		for (StaffRole role : StaffRole.values()) {
			assertThatThrownBy(() -> this.tokens.create(door, "door phone", role, null))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void expiredUnknownAndDisabledOwnersTokensGet401() throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("token-401").withoutSeats().create().slug();
		String url = "/admin/events/" + slug + "/registrations.csv";
		String owner = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		String expired = this.tokens.create(this.tokens.owner(owner).orElseThrow(), "old", StaffRole.OPS, null);
		this.jdbc.sql("update api_token set expires_at = now() - interval '1 second' where token_hash = ?")
			.param(ApiTokens.hash(expired))
			.update();
		String disabledOwner = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		String orphan = this.tokens.create(this.tokens.owner(disabledOwner).orElseThrow(), "left", StaffRole.OPS, null);
		this.mvc.perform(bearer(get(url), orphan)).andExpect(status().isOk());
		this.jdbc.sql("update staff_user set enabled = false where email = ?").param(disabledOwner).update();

		for (String token : List.of(expired, orphan, "winev_" + "A".repeat(43), "not-a-token", "")) {
			this.mvc.perform(bearer(get(url), token)).andExpect(status().isUnauthorized());
		}
	}

	@Test
	void aTokenNeverOpensAdminPagesNorChangesData() throws Exception {
		String owner = TestStaff.withoutPassword(this.jdbc, StaffRole.ADMIN);
		String token = this.tokens.create(this.tokens.owner(owner).orElseThrow(), "all", StaffRole.ADMIN, null);
		for (String page : List.of("/admin", "/admin/events/mexico-workshop/registrations", "/admin/profile/tokens",
				"/admin/users", "/admin/audit")) {
			int status = this.mvc.perform(bearer(get(page), token).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(page).isNotEqualTo(200).isBetween(300, 499);
		}
		for (String change : List.of("/admin/profile/tokens", "/admin/events/mexico-workshop/registrations.csv")) {
			int status = this.mvc.perform(bearer(post(change), token).param("name", "x").param("role", "OPS"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(change).isBetween(300, 499);
		}
		assertThat(this.jdbc.sql("select count(*) from api_token where name = 'x'").query(Long.class).single())
			.isZero();
	}

	@Test
	void scriptsWithoutCredentialsGet401AndBrowsersTheLoginPage() throws Exception {
		this.mvc.perform(get("/admin/events/mexico-workshop/registrations.csv"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
		this.mvc.perform(get("/admin/events/mexico-workshop/registrations.csv").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.endsWith("/admin/login")));
	}

	@Test
	void eachExportIsAuditedWithWhoWhatAndHowManyButTheLogLineHasNoPersonalData(CapturedOutput output)
			throws Exception {
		TestRegistrations data = data();
		String slug = new TestEvents(this.jdbc).event().slugPrefix("audit").withoutSeats().create().slug();
		long eventId = new TestEvents(this.jdbc).id(slug);
		data.in(slug).fullName("Zoé Auditada").create();
		data.in(slug).status("WAITLISTED").create();
		String owner = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		String token = this.tokens.create(this.tokens.owner(owner).orElseThrow(), "crm sync", StaffRole.OPS, null);
		long mark = TestLog.mark();

		this.mvc.perform(bearer(get("/admin/events/" + slug + "/registrations.csv?q=zoe&status=CONFIRMED"), token))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin/events/" + slug + "/registrations.xlsx").with(user(owner, "OPS")))
			.andExpect(status().isOk());

		List<Map<String, Object>> entries = this.jdbc
			.sql("select actor, action, event_id, details from audit_log where event_id = ? order by id")
			.param(eventId)
			.query()
			.listOfRows();
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0)).containsEntry("actor", "token:crm sync")
			.containsEntry("action", "REGISTRATIONS_EXPORTED")
			.containsEntry("details", "format=CSV, rows=1, search=yes, status=CONFIRMED");
		assertThat(entries.get(1)).containsEntry("actor", owner).containsEntry("details", "format=XLSX, rows=2");
		// The application log goes to a file (logback-test.xml); the console gets
		// warnings.
		assertThat(output.getAll() + TestLog.since(mark))
			.contains("Exported 1 registrations of event " + slug + " as CSV")
			.doesNotContain("zoe")
			.doesNotContain(token)
			.doesNotContain(owner);
	}

	static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor user(String email, String role) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(email)
			.roles(role);
	}

}
