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

import static org.winformusic.events.PageText.text;
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
		// A token acts for its owner: the owner is the actor, the token a detail.
		assertThat(entries.get(0)).containsEntry("actor", owner)
			.containsEntry("action", "REGISTRATIONS_EXPORTED")
			.containsEntry("details", "token=crm sync\nformat=CSV, rows=1, search=yes, status=CONFIRMED");
		assertThat(entries.get(1)).containsEntry("actor", owner).containsEntry("details", "format=XLSX, rows=2");
		// The application log goes to a file (logback-test.xml); the console gets
		// warnings.
		assertThat(output.getAll() + TestLog.since(mark))
			.contains("Exported 1 registrations of event " + slug + " as CSV")
			.doesNotContain("zoe")
			.doesNotContain(token)
			.doesNotContain(owner);
	}

	@Test
	void aTokenNamedLikeAnotherPersonStillNamesItsOwnerInTheAudit() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("token-blame").withoutSeats().create().slug();
		long eventId = new TestEvents(this.jdbc).id(slug);
		String ops = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		String admin = TestStaff.withoutPassword(this.jdbc, StaffRole.ADMIN);
		String token = this.tokens.create(this.tokens.owner(ops).orElseThrow(), admin, StaffRole.OPS, null);

		this.mvc.perform(bearer(get("/admin/events/" + slug + "/people.csv"), token)).andExpect(status().isOk());

		assertThat(this.jdbc.sql("select actor from audit_log where event_id = ?")
			.param(eventId)
			.query(String.class)
			.list()).containsExactly(ops);
		String audit = text(page("/admin/audit?lang=es&event=" + eventId, admin, "ADMIN"));
		assertThat(audit).contains(ops + " Registros exportados")
			.contains("Con el token de API “" + admin + "”")
			.doesNotContain("Token de exportación");
		assertThat(text(page("/admin/audit?lang=en&event=" + eventId, admin, "ADMIN")))
			.contains(ops + " Registrations exported")
			.contains("With the API token “" + admin + "”");
	}

	@Test
	void creatingAndRevokingATokenIsAuditedNamingItsOwner() throws Exception {
		String organizer = TestStaff.withoutPassword(this.jdbc, StaffRole.ORGANIZER);
		long ownerId = staffId(organizer);
		long before = lastAuditId();
		MvcResult created = this.mvc
			.perform(post("/admin/profile/tokens").with(csrf())
				.with(user(organizer, "ORGANIZER"))
				.param("name", "nightly backup")
				.param("role", "ORGANIZER"))
			.andExpect(status().isOk())
			.andReturn();
		Matcher token = TOKEN.matcher(created.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(token.find()).isTrue();
		long id = this.jdbc.sql("select id from api_token where token_hash = ?")
			.param(ApiTokens.hash(token.group()))
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/admin/profile/tokens/" + id + "/revoke").with(csrf()).with(user(organizer, "ORGANIZER")))
			.andExpect(redirectedUrl("/admin/profile/tokens"));
		// Revoking it again changes nothing and records nothing more.
		this.mvc
			.perform(post("/admin/profile/tokens/" + id + "/revoke").with(csrf()).with(user(organizer, "ORGANIZER")))
			.andExpect(redirectedUrl("/admin/profile/tokens"));

		assertThat(tokenEntries(before)).containsExactly(
				organizer + " API_TOKEN_CREATED user=" + ownerId + " email=" + organizer + "\ntoken=nightly backup",
				organizer + " API_TOKEN_REVOKED user=" + ownerId + " email=" + organizer + "\ntoken=nightly backup");
		String admin = TestStaff.withoutPassword(this.jdbc, StaffRole.ADMIN);
		assertThat(text(page("/admin/audit?lang=es&action=API_TOKEN_CREATED&actor=" + organizer, admin, "ADMIN")))
			.contains(organizer + " Token de API creado Cuenta del equipo #" + ownerId + " (" + organizer
					+ ") Token de API “nightly backup”")
			// The token created is named as such, not as one something was done with.
			.doesNotContain("Con el token");
		assertThat(text(page("/admin/audit?lang=en&action=API_TOKEN_REVOKED&actor=" + organizer, admin, "ADMIN")))
			.contains(organizer + " API token revoked Staff account #" + ownerId + " (" + organizer
					+ ") API token “nightly backup”")
			.doesNotContain("With the API token");
	}

	@Test
	void anAdminsNewOneTimePasswordAndDisablingRevokeTheOwnersTokens() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("token-reset").withoutSeats().create().slug();
		String url = "/admin/events/" + slug + "/registrations.csv";
		String admin = TestStaff.withoutPassword(this.jdbc, StaffRole.ADMIN);
		String leaked = TestStaff.withoutPassword(this.jdbc, StaffRole.ORGANIZER);
		String leaving = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		long leakedId = staffId(leaked);
		long leavingId = staffId(leaving);
		String first = this.tokens.create(this.tokens.owner(leaked).orElseThrow(), "laptop", StaffRole.ORGANIZER, null);
		String second = this.tokens.create(this.tokens.owner(leaked).orElseThrow(), "cron", StaffRole.OPS, null);
		String third = this.tokens.create(this.tokens.owner(leaving).orElseThrow(), "crm", StaffRole.OPS, null);
		for (String token : List.of(first, second, third)) {
			this.mvc.perform(bearer(get(url), token)).andExpect(status().isOk());
		}

		// The users page says who has tokens that work.
		String users = page("/admin/users?lang=en", admin, "ADMIN");
		assertThat(row(users, leaked)).contains("2 active API tokens");
		assertThat(row(users, leaving)).contains("1 active API token").doesNotContain("active API tokens");
		assertThat(row(page("/admin/users?lang=es", admin, "ADMIN"), leaked)).contains("2 tokens de API activos");
		assertThat(page("/admin/users/" + leakedId + "/password?lang=es", admin, "ADMIN"))
			.contains("También se revocan sus tokens de API");
		assertThat(page("/admin/users/" + leakedId + "/password?lang=en", admin, "ADMIN"))
			.contains("Their API tokens are revoked too");

		long before = lastAuditId();
		// The page that answers the reset, with its one-time password, says so.
		String shown = this.mvc
			.perform(post("/admin/users/" + leakedId + "/password").param("lang", "es")
				.with(csrf())
				.with(user(admin, "ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(shown).contains("También se revocaron sus 2 tokens de API.");
		for (String token : List.of(first, second)) {
			this.mvc.perform(bearer(get(url), token)).andExpect(status().isUnauthorized());
		}

		this.mvc
			.perform(post("/admin/users/" + leavingId + "/enabled").with(csrf())
				.with(user(admin, "ADMIN"))
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users"));
		this.mvc
			.perform(post("/admin/users/" + leavingId + "/enabled").with(csrf())
				.with(user(admin, "ADMIN"))
				.param("enabled", "true"))
			.andExpect(redirectedUrl("/admin/users"));
		// Enabled again, but the token made before stays revoked.
		this.mvc.perform(bearer(get(url), third)).andExpect(status().isUnauthorized());
		String after = page("/admin/users?lang=en", admin, "ADMIN");
		assertThat(row(after, leaked)).doesNotContain("API token");
		assertThat(row(after, leaving)).doesNotContain("API token");

		assertThat(tokenEntries(before)).containsExactlyInAnyOrder(
				admin + " API_TOKEN_REVOKED user=" + leakedId + " email=" + leaked + "\ntoken=laptop",
				admin + " API_TOKEN_REVOKED user=" + leakedId + " email=" + leaked + "\ntoken=cron",
				admin + " API_TOKEN_REVOKED user=" + leavingId + " email=" + leaving + "\ntoken=crm");
	}

	@Test
	void anAdminRevokesAMembersTokensAndTheAccountStaysActive() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("token-revoke").withoutSeats().create().slug();
		String url = "/admin/events/" + slug + "/registrations.csv";
		String admin = TestStaff.withoutPassword(this.jdbc, StaffRole.ADMIN);
		String member = TestStaff.withoutPassword(this.jdbc, StaffRole.OPS);
		long memberId = staffId(member);
		String first = this.tokens.create(this.tokens.owner(member).orElseThrow(), "laptop", StaffRole.OPS, null);
		String second = this.tokens.create(this.tokens.owner(member).orElseThrow(), "cron", StaffRole.OPS, null);
		assertThat(row(page("/admin/users?lang=es", admin, "ADMIN"), member)).contains("2 tokens de API activos",
				"Revocar tokens de API");

		// Only an admin may.
		this.mvc
			.perform(post("/admin/users/" + memberId + "/tokens").with(csrf())
				.with(user(TestStaff.withoutPassword(this.jdbc, StaffRole.ORGANIZER), "ORGANIZER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get(url), first)).andExpect(status().isOk());

		// Asked first, naming what stops working.
		String confirm = text(page("/admin/users/" + memberId + "/tokens?lang=es", admin, "ADMIN"));
		assertThat(confirm).contains("¿Revocar sus tokens de API?", "laptop", "cron",
				"Estos tokens de API de " + member + " dejan de servir", "Sí, revocarlos");
		this.mvc.perform(post("/admin/users/" + memberId + "/tokens").with(user(admin, "ADMIN")))
			.andExpect(status().isForbidden());

		long before = lastAuditId();
		MvcResult revoked = this.mvc
			.perform(post("/admin/users/" + memberId + "/tokens").with(csrf()).with(user(admin, "ADMIN")))
			.andExpect(redirectedUrl("/admin/users"))
			.andReturn();
		String shown = this.mvc
			.perform(get("/admin/users?lang=es").with(user(admin, "ADMIN"))
				.cookie(revoked.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text(shown)).contains("Se revocaron sus 2 tokens de API. Su cuenta sigue activa");
		assertThat(row(shown, member)).contains("Activa").doesNotContain("token");
		for (String token : List.of(first, second)) {
			this.mvc.perform(bearer(get(url), token)).andExpect(status().isUnauthorized());
		}
		assertThat(tokenEntries(before)).containsExactlyInAnyOrder(
				admin + " API_TOKEN_REVOKED user=" + memberId + " email=" + member + "\ntoken=laptop",
				admin + " API_TOKEN_REVOKED user=" + memberId + " email=" + member + "\ntoken=cron");
		assertThat(text(page("/admin/users/" + memberId + "/tokens?lang=es", admin, "ADMIN")))
			.contains(member + " no tiene tokens de API activos.")
			.doesNotContain("Sí, revocarlos");
		// The account still signs in: its password and sessions were not touched.
		assertThat(this.jdbc.sql("select enabled and not must_change_password from staff_user where id = ?")
			.param(memberId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private String page(String url, String email, String role) throws Exception {
		return this.mvc.perform(get(url).with(user(email, role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<String> tokenEntries(long after) {
		return this.jdbc
			.sql("select actor || ' ' || action || ' ' || details from audit_log"
					+ " where id > ? and action like 'API_TOKEN%' order by id")
			.param(after)
			.query(String.class)
			.list();
	}

	private long lastAuditId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
	}

	private long staffId(String email) {
		return this.jdbc.sql("select id from staff_user where email = ?").param(email).query(Long.class).single();
	}

	/** The text of the users page's row of {@code email}. */
	private static String row(String html, String email) {
		Matcher row = Pattern.compile("(?s)<tr>((?:(?!</tr>).)*" + Pattern.quote(email) + ".*?)</tr>").matcher(html);
		assertThat(row.find()).as(email).isTrue();
		return text(row.group(1));
	}

	static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor user(String email, String role) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(email)
			.roles(role);
	}

}
