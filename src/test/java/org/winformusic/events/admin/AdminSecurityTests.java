package org.winformusic.events.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.MovableClock;
import org.winformusic.events.TestStaff;
import org.winformusic.events.registration.CheckinPasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who gets into the admin area, and how: login, sessions, throttling, roles, CSRF.
 */
@AdminTest
class AdminSecurityTests {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	MovableClock clock;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	CheckinPasses passes;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	/** Every admin page (GET) and every actuator endpoint but health. */
	List<String> protectedPages() {
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Ana Página").createdAt(AdminTest.REGISTERED).create().id();
		String e = "/admin/events/" + event.slug();
		return List.of("/admin", e, e + "/registrations", e + "/checkin", "/admin/registrations/" + id,
				"/admin/registrations/" + id + "/edit", "/admin/registrations/" + id + "/confirm-action/decline",
				"/admin/checkin/" + "x".repeat(43), "/admin/users", "/admin/audit", "/admin/profile", "/admin/logout",
				"/admin/outbox", e + "/registrations.csv", "/actuator/info", "/actuator/metrics");
	}

	@Test
	void anonymousBrowsersAreSentToTheLoginPageAndScriptsGet401() throws Exception {
		for (String page : protectedPages()) {
			this.mvc.perform(get(page).accept(MediaType.TEXT_HTML))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/admin/login"));
			this.mvc.perform(get(page).accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
			this.mvc.perform(get(page)).andExpect(status().isUnauthorized());
		}
		// Health answers anyone (503 here only because no mail server runs in this test).
		int health = this.mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
		assertThat(health).isIn(200, 503);
	}

	@Test
	void opsMayReadButEveryOrganizerActionIsForbiddenWithoutLeakingData() throws Exception {
		TestEvents.Created event = this.events.event().capacity(2).create();
		TestRegistrations.Registration ana = this.data.in(event)
			.person("Ana Secreta")
			.status("PENDING")
			.companyType("OTHER")
			.state("JAL")
			.associationInterest("NO")
			.createdAt(java.time.Instant.parse("2026-11-02T10:00:00Z"))
			.create();
		String r = "/admin/registrations/" + ana.id();
		this.mvc.perform(get(r).with(user("ops@win.test").roles("OPS")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/approve"))));
		List<String> posts = List.of(r + "/approve", r + "/decline", r + "/cancel", r + "/waitlist", r + "/confirm",
				r + "/checkin", r + "/undo-checkin", r + "/resend", r + "/notes", r + "/edit",
				"/admin/events/" + event.slug() + "/capacity", "/admin/events/" + event.slug() + "/registrations/bulk",
				"/admin/events/" + event.slug() + "/checkin/" + ana.id(), "/admin/users", "/admin/users/1/role",
				"/admin/users/1/enabled");
		for (String action : posts) {
			String body = this.mvc
				.perform(post(action).with(user("ops@win.test").roles("OPS"))
					.with(csrf())
					.param("ids", String.valueOf(ana.id()))
					.param("action", "APPROVE")
					.param("body", "note")
					.param("capacity", "10"))
				.andExpect(status().isForbidden())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("Ana Secreta");
		}
		for (String page : List.of(r + "/edit", r + "/confirm-action/decline", "/admin/users", "/admin/audit")) {
			this.mvc.perform(get(page).with(user("ops@win.test").roles("OPS"))).andExpect(status().isForbidden());
		}
		assertThat(this.data.status(ana.id())).isEqualTo("PENDING");
	}

	/**
	 * The door pages a DOOR volunteer may use: every other admin address refuses them, so
	 * a page added later does too (add it here only if the door needs it).
	 */
	static final Set<String> DOOR_PAGES = Set.of("GET /admin", "GET /admin/events/{slug}/checkin",
			"POST /admin/events/{slug}/checkin", "POST /admin/events/{slug}/checkin/{id}",
			"POST /admin/events/{slug}/checkin/{id}/undo", "GET /admin/events/{slug}/checkin/door.json",
			"POST /admin/events/{slug}/checkin/sync", "GET /admin/events/{slug}/checkin/pass/{pass}",
			"GET /admin/events/{slug}/checkin/manifest.webmanifest", "GET /admin/events/{slug}/checkin/walk-in",
			"POST /admin/events/{slug}/checkin/walk-in", "GET /admin/checkin/pass/{pass}",
			"POST /admin/checkin/pass/{pass}", "GET /admin/checkin/{token}", "GET /admin/profile",
			"POST /admin/profile", "GET /admin/login", "GET /admin/logout");

	@Test
	void doorVolunteersAreRefusedEveryAdminAddressButTheDoorPages() throws Exception {
		TestEvents.Created event = this.events.event().capacity(3).create();
		TestRegistrations.Registration ana = this.data.in(event)
			.person("Ana Portera")
			.createdAt(AdminTest.REGISTERED)
			.create();
		String door = TestStaff.create(this.jdbc, "door.everything@win.test", "Puerta", StaffRole.DOOR);
		Map<String, String> values = Map.of("slug", event.slug(), "id", String.valueOf(ana.id()), "pass",
				this.passes.pass(ana.id()), "token", "x".repeat(43), "action", "decline");
		Set<String> allowed = new TreeSet<>();
		Set<String> refused = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/admin")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String url = pattern;
					for (Map.Entry<String, String> value : values.entrySet()) {
						url = url.replace("{" + value.getKey() + "}", value.getValue());
					}
					assertThat(url).as(pattern).doesNotContain("{");
					MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method.asHttpMethod(), url)
						.with(user(door).roles("DOOR"))
						.with(csrf())
						.accept(MediaType.TEXT_HTML);
					MvcResult result = this.mvc.perform(request).andReturn();
					String page = method + " " + pattern;
					if (result.getResponse().getStatus() == 403) {
						refused.add(page);
						assertThat(result.getResponse().getContentAsString()).as(page)
							.doesNotContain("Ana Portera")
							.doesNotContain(ana.email());
					}
					else {
						allowed.add(page);
					}
				}
			}
		}
		assertThat(allowed).isEqualTo(new TreeSet<>(DOOR_PAGES));
		assertThat(refused).contains("GET /admin/events/{slug}", "GET /admin/events/{slug}/registrations",
				"GET /admin/events/{slug}/registrations.csv", "GET /admin/events/{slug}/people.xlsx",
				"GET /admin/registrations/{id}", "POST /admin/registrations/{id}/decline", "GET /admin/outbox",
				"GET /admin/events/new", "POST /admin/events/{slug}/edit", "GET /admin/profile/tokens",
				"POST /admin/profile/tokens", "GET /admin/audit", "GET /admin/users", "GET /admin/privacy");
		for (String endpoint : List.of("/actuator/info", "/actuator/metrics")) {
			this.mvc.perform(get(endpoint).with(user(door).roles("DOOR"))).andExpect(status().isForbidden());
		}
		assertThat(this.data.status(ana.id())).isEqualTo("CONFIRMED");
	}

	@Test
	void organizersCannotManageStaffUsersOrReadTheAuditLog() throws Exception {
		for (String page : List.of("/admin/users", "/admin/audit")) {
			this.mvc.perform(get(page).with(user("org@win.test").roles("ORGANIZER"))).andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/admin/users").with(user("org@win.test").roles("ORGANIZER"))
				.with(csrf())
				.param("email", "new@win.test")
				.param("displayName", "New")
				.param("role", "ADMIN"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from staff_user where email = 'new@win.test'")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * QA: ops refused the event editor read that the page was for "Administración,
	 * Organización y Operaciones", their own role. The 403 page names the roles the rules
	 * grant.
	 */
	@Test
	void aRefusalNamesTheRolesThePageIsFor() throws Exception {
		TestEvents.Created event = this.events.event().capacity(2).create();
		Map<String, String> refusedTo = new java.util.LinkedHashMap<>();
		refusedTo.put("OPS GET /admin/events/new", "ORGANIZER");
		refusedTo.put("DOOR GET /admin/events/new", "ORGANIZER");
		refusedTo.put("OPS GET /admin/events/" + event.slug() + "/edit", "ORGANIZER");
		refusedTo.put("OPS GET /admin/events/" + event.slug() + "/checkin/walk-in", "DOOR_ACTORS");
		refusedTo.put("OPS POST /admin/events/" + event.slug() + "/checkin/walk-in", "DOOR_ACTORS");
		refusedTo.put("OPS POST /admin/events/" + event.slug() + "/capacity", "ORGANIZER");
		refusedTo.put("DOOR GET /admin/outbox", "STAFF");
		refusedTo.put("ORGANIZER GET /admin/audit", "ADMIN");
		for (Map.Entry<String, String> refusal : refusedTo.entrySet()) {
			String[] request = refusal.getKey().split(" ");
			MockHttpServletRequestBuilder sent = ("GET".equals(request[1]) ? get(request[2]) : post(request[2]))
				.with(user("someone@win.test").roles(request[0]))
				.with(csrf())
				.accept(MediaType.TEXT_HTML);
			this.mvc.perform(sent)
				.andExpect(status().isForbidden())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request()
					.attribute(WebSecurityConfiguration.REFUSED_FOR, refusal.getValue()));
		}
	}

	@Test
	void aPostWithoutAValidCsrfTokenIsRefused() throws Exception {
		TestEvents.Created event = this.events.event().capacity(2).create();
		long id = this.data.in(event)
			.person("Sin Token")
			.status("PENDING")
			.companyType("OTHER")
			.state("JAL")
			.associationInterest("NO")
			.createdAt(java.time.Instant.parse("2026-11-02T10:00:00Z"))
			.create()
			.id();
		this.mvc.perform(post("/admin/registrations/" + id + "/decline").with(user("a@win.test").roles("ADMIN")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/registrations/" + id + "/decline").with(user("a@win.test").roles("ADMIN"))
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/login").param("username", "x@win.test").param("password", "whatever"))
			.andExpect(status().isForbidden());
		assertThat(this.data.status(id)).isEqualTo("PENDING");
	}

	@Test
	void logoutByGetOnlyShowsALogoutButtonAndKeepsTheSession() throws Exception {
		String email = staff("keeps-session@win.test", "ORGANIZER");
		Cookie session = login(email, PASSWORD);
		this.mvc.perform(get("/admin/logout").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("method=\"post\"")));
		this.mvc.perform(get("/admin").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
		this.mvc.perform(post("/admin/logout").cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/login?logout"));
		this.mvc.perform(get("/admin").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
	}

	@Test
	void loggingInGivesANewSessionIdAndTheOldOneStopsWorking() throws Exception {
		String first = staff("fixation-a@win.test", "OPS");
		String second = staff("fixation-b@win.test", "ORGANIZER");
		Cookie before = login(first, PASSWORD);
		MvcResult result = this.mvc.perform(
				post("/admin/login").cookie(before).with(csrf()).param("username", second).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		Cookie after = result.getResponse().getCookie("SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		this.mvc.perform(get("/admin").cookie(before).accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
		this.mvc.perform(get("/admin").cookie(after).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
		assertThat(result.getResponse().getHeaders("Set-Cookie")).filteredOn((c) -> c.startsWith("SESSION="))
			.singleElement()
			.satisfies((c) -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void controlCharactersInStaffFormsGetAClearAnswerNeverA500() throws Exception {
		this.mvc
			.perform(post("/admin/login").with(csrf()).param("username", "ana\u0000@win.test").param("password", "x"))
			.andExpect(redirectedUrl("/admin/login?error"));
		String email = staff("nul-bytes@win.test", "ADMIN");
		Cookie admin = login(email, PASSWORD);
		TestEvents.Created event = this.events.event().capacity(3).create();
		long id = this.data.in(event).person("Ana Nul").createdAt(AdminTest.REGISTERED).create().id();
		// The capacity form answers as it does any text that is not a number.
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").cookie(admin)
				.with(csrf())
				.param("capacity", "1\u00000")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a number of seats between 0 and 100,000.")))
			.andExpect(content().string(containsString("value=\"10\"")));
		assertThat(this.jdbc.sql("select count(*)::int from event_seat where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single()).isEqualTo(3);
		// Forms bound as records answer with their page and the message next to the field
		// (StaffFormsTests, EventEditorBytesTests); the others, whose fields nobody types
		// (hidden values, checkboxes), get the guard's 400 page.
		Map<String, String[]> forms = Map.of("/admin/privacy/erase", new String[] { "email" },
				"/admin/events/" + event.slug() + "/registrations/bulk", new String[] { "back" });
		for (Map.Entry<String, String[]> form : forms.entrySet()) {
			for (String field : form.getValue()) {
				this.mvc
					.perform(post(form.getKey()).cookie(admin)
						.with(csrf())
						.param(field, "a\u0000b")
						.header("Accept-Language", "en"))
					.andExpect(status().isBadRequest());
			}
		}
		assertThat(this.data.status(id)).isEqualTo("CONFIRMED");
	}

	@Test
	void unknownUserAndWrongPasswordGetTheSameAnswerAndBothAreAudited() throws Exception {
		String email = staff("same-answer@win.test", "OPS");
		this.mvc.perform(post("/admin/login").with(csrf()).param("username", email).param("password", "wrong one"))
			.andExpect(redirectedUrl("/admin/login?error"));
		this.mvc
			.perform(post("/admin/login").with(csrf())
				.param("username", "nobody-here@win.test")
				.param("password", "wrong one"))
			.andExpect(redirectedUrl("/admin/login?error"));
		this.mvc.perform(get("/admin/login?error").param("lang", "es"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Correo o contraseña incorrectos")));
		// The name no account has is not kept as typed (LoginAuditTests).
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'LOGIN_FAILED' and actor = ?")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor = ?")
			.param("nobody-here@win.test")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void repeatedFailuresRefuseEvenTheRightPasswordUntilTheCooldownHasPassed() throws Exception {
		String email = staff("throttled@win.test", "ORGANIZER");
		for (int i = 0; i < 5; i++) {
			String address = "10.0.0." + (10 + i);
			this.mvc.perform(post("/admin/login").with(csrf()).with((request) -> {
				request.setRemoteAddr(address);
				return request;
			}).param("username", email).param("password", "guess " + i)).andExpect(redirectedUrl("/admin/login?error"));
		}
		this.mvc.perform(post("/admin/login").with(csrf()).param("username", email).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login?error"));
		this.clock.advance(Duration.ofMinutes(6));
		this.mvc.perform(post("/admin/login").with(csrf()).param("username", email).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin"));
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'LOGIN_THROTTLED' and actor = ?")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void parallelGuessesAtOneAccountAreCountedOneByOne() throws Exception {
		String email = staff("parallel-target@win.test", "OPS");
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<?>> attempts = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String address = "203.0.113." + (i + 1);
				attempts.add(pool.submit(() -> this.mvc.perform(post("/admin/login").with(csrf()).with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}).param("username", email).param("password", "guess " + address))));
			}
			for (Future<?> attempt : attempts) {
				attempt.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		// Five wrong passwords were checked; the rest were refused without a check.
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'LOGIN_FAILED' and actor = ?")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void evenAPersistentAttackerCannotLockAnAccountForEver() throws Exception {
		String email = staff("persistent-target@win.test", "OPS");
		for (int round = 0; round < 4; round++) {
			for (int i = 0; i < 6; i++) {
				String address = "198.51.100." + (round * 10 + i);
				this.mvc.perform(post("/admin/login").with(csrf()).with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}).param("username", email).param("password", "guess")).andExpect(redirectedUrl("/admin/login?error"));
			}
			this.clock.advance(Duration.ofMinutes(4));
		}
		// The cooldown has grown, but it is capped and refused attempts do not extend it.
		this.clock.advance(Duration.ofMinutes(16));
		this.mvc.perform(post("/admin/login").with(csrf()).param("username", email).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin"));
	}

	@Test
	void oneAddressGuessingManyAccountsIsRefusedForAWhile() throws Exception {
		String email = staff("victim-by-ip@win.test", "OPS");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/admin/login").with(csrf()).with((request) -> {
				request.setRemoteAddr("192.0.2.77");
				return request;
			}).param("username", "guess" + i + "@win.test").param("password", "nope"))
				.andExpect(redirectedUrl("/admin/login?error"));
		}
		this.mvc.perform(post("/admin/login").with(csrf()).with((request) -> {
			request.setRemoteAddr("192.0.2.77");
			return request;
		}).param("username", email).param("password", PASSWORD)).andExpect(redirectedUrl("/admin/login?error"));
		// The same account from another address is not locked out by the attacker.
		this.mvc.perform(post("/admin/login").with(csrf()).param("username", email).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin"));
	}

	@Test
	void securityHeadersAreSentOnAdminPages() throws Exception {
		this.mvc.perform(get("/admin/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self'")));
	}

	String staff(String email, String role) {
		this.jdbc
			.sql("""
					insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at)
					values (?, 'Test', ?, ?, true, now(), now()) on conflict do nothing
					""")
			.params(email, this.passwordEncoder.encode(PASSWORD), role)
			.update();
		return email;
	}

	Cookie login(String email, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/login").with(csrf()).param("username", email).param("password", password))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		return session;
	}

}
