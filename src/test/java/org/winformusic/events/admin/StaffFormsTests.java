package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff forms of the admin area (new staff user, own password, API token, a
 * registration's details, a staff note, the data-request search) as a signed-in ADMIN
 * meets them: bad bytes and every other problem are shown next to the field, on the form
 * page, with the other typed values kept (never a password), and nothing is stored.
 */
@AdminTest
class StaffFormsTests {

	static final String ADMIN = "bytes-admin@win.test";

	static final String PASSWORD = "bytes admin password";

	static final Map<String, String> REFUSED = Map.of("es",
			"Esto tiene caracteres que no se pueden guardar (invisibles, por ejemplo de algo que copiaste y pegaste). Escríbelo de nuevo.",
			"en",
			"This contains characters that cannot be stored (invisible ones, for example from a copy and paste). Please type it again.");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
		this.jdbc
			.sql("""
					insert into staff_user (email, display_name, password_hash, role, enabled, created_at, password_changed_at)
					values (?, 'Bytes', ?, 'ADMIN', true, now(), now())
					on conflict do nothing
					""")
			.params(ADMIN, this.passwordEncoder.encode(PASSWORD))
			.update();
	}

	/**
	 * A staff form: where it posts, a valid post (in the order of the page), the fields
	 * whose values the page must not show again, the status of its page with problems,
	 * and a query over what a post would change.
	 */
	record StaffForm(String path, Map<String, String> valid, List<String> secret, int status, String snapshot,
			Object snapshotParameter) {

	}

	StaffForm form(String name) {
		return switch (name) {
			case "users" -> new StaffForm("/admin/users",
					fields("email", "bytes-new@win.test", "displayName", "Nueva Persona", "role", "OPS"), List.of(),
					200, "select count(*)::text from staff_user where email = ? or display_name like 'Nueva%'",
					"bytes-new@win.test");
			case "profile" -> new StaffForm("/admin/profile",
					fields("currentPassword", PASSWORD, "newPassword", "a much longer password", "confirmPassword",
							"a much longer password"),
					List.of("currentPassword", "newPassword", "confirmPassword"), 200,
					"select password_hash from staff_user where email = ?", ADMIN);
			case "tokens" -> new StaffForm("/admin/profile/tokens",
					fields("name", "Guion de gafetes", "role", "OPS", "expiresOn", "2099-12-31"), List.of(), 400,
					"select count(*)::text from api_token t join staff_user s on s.id = t.owner_user_id where s.email = ?",
					ADMIN);
			case "registration" -> {
				TestRegistrations.Registration ana = this.data.in(this.events.event().capacity(3).create())
					.person("Ana Bytes")
					.create();
				yield new StaffForm("/admin/registrations/" + ana.id() + "/edit",
						fields("fullName", "Ana Cambiada", "email", "ana.cambiada@example.org", "company",
								"Discos Cambiados", "jobTitle", "Productora", "companyType", "INDEPENDENT_LABEL",
								"state", "CMX", "city", "Puebla", "phone", "55 1234 5678", "associationInterest", "YES",
								"referralSource", "Amigas", "comments", "Llega temprano"),
						List.of(), 200, "select r::text from registration r where id = ?", ana.id());
			}
			case "note" -> {
				TestRegistrations.Registration ana = this.data.in(this.events.event().capacity(3).create())
					.person("Ana Nota")
					.create();
				yield new StaffForm("/admin/registrations/" + ana.id() + "/notes", fields("body", "Llega tarde"),
						List.of(), 200, "select count(*)::text from staff_note where registration_id = ?", ana.id());
			}
			case "privacy" -> new StaffForm("/admin/privacy", fields("email", "ana@example.org"), List.of(), 200,
					"select count(*)::text from audit_log where actor = ?", ADMIN);
			default -> throw new IllegalArgumentException(name);
		};
	}

	/**
	 * Each text field of each form, with NUL (in Spanish) and U+0085, a C1 control (in
	 * English).
	 */
	static Stream<Arguments> textFields() {
		Map<String, List<String>> forms = new LinkedHashMap<>();
		forms.put("users", List.of("email", "displayName"));
		forms.put("profile", List.of("currentPassword", "newPassword", "confirmPassword"));
		forms.put("tokens", List.of("name", "expiresOn"));
		forms.put("registration",
				List.of("fullName", "email", "company", "jobTitle", "city", "phone", "referralSource", "comments"));
		forms.put("note", List.of("body"));
		forms.put("privacy", List.of("email"));
		return forms.entrySet()
			.stream()
			.flatMap((form) -> form.getValue()
				.stream()
				.flatMap((field) -> Stream.of(Arguments.of(form.getKey(), field, "\u0000", "es"),
						Arguments.of(form.getKey(), field, "\u0085", "en"))));
	}

	@ParameterizedTest(name = "{0}: {1} ({3})")
	@MethodSource("textFields")
	void aControlCharacterIsShownNextToItsFieldWithTheOtherValuesKeptAndNothingStored(String name, String field,
			String bad, String language) throws Exception {
		StaffForm form = form(name);
		String before = snapshot(form);
		Map<String, String> posted = new LinkedHashMap<>(form.valid());
		posted.put(field, "a" + bad + "b");
		String page = send(form, posted, language);
		assertThat(page).doesNotContain(bad);
		assertNextTo(page, field, REFUSED.get(language));
		form.valid().forEach((other, value) -> {
			if (other.equals(field) || form.secret().contains(other)) {
				return;
			}
			assertThat(page).as(other).contains(HtmlUtils.htmlEscape(value, "UTF-8"));
		});
		for (String secret : form.secret()) {
			assertThat(page).doesNotContain(form.valid().get(secret));
		}
		assertThat(snapshot(form)).isEqualTo(before);
	}

	/**
	 * A value the binder refuses (a control character) hides none of the other problems
	 * of the same submit: each one is next to its field on the first page, in Spanish.
	 */
	static Stream<Arguments> refusedWithAnotherProblem() {
		return Stream.of(
				Arguments.of("users", fields("email", "ana\u0001@win.test", "displayName", "", "role", "OPS"), "email",
						"displayName", "Escribe un nombre de hasta 120 caracteres."),
				Arguments.of("users", fields("email", "", "displayName", "Nueva\u0001Persona", "role", "OPS"),
						"displayName", "email", "Escribe un correo como ana@ejemplo.org."),
				Arguments.of("profile",
						fields("currentPassword", "a\u0001b", "newPassword", "short", "confirmPassword", "short"),
						"currentPassword", "newPassword", "La contraseña nueva necesita al menos 12 caracteres."),
				// No new password typed at all: the page, not an error page.
				Arguments.of("profile", fields("currentPassword", "a\u0001b"), "currentPassword", "newPassword",
						"La contraseña nueva necesita al menos 12 caracteres."),
				Arguments.of("tokens", fields("name", "", "role", "OPS", "expiresOn", "2099-12-31\u0001"), "expiresOn",
						"name", "Ponle un nombre al token."));
	}

	@ParameterizedTest(name = "{0}: {2} and {3}")
	@MethodSource("refusedWithAnotherProblem")
	void aRefusedCharacterIsShownWithTheOtherProblemsOfTheSameSubmit(String name, Map<String, String> posted,
			String refused, String other, String problem) throws Exception {
		StaffForm form = form(name);
		String before = snapshot(form);
		String page = send(form, posted, "es");
		assertNextTo(page, refused, REFUSED.get("es"));
		assertNextTo(page, other, problem);
		assertThat(page).doesNotContain("\u0001");
		assertThat(snapshot(form)).isEqualTo(before);
	}

	@Test
	void invisibleFormatCharactersAreRefusedInSingleLineFieldsLikeTheRegistrationFormDoes() throws Exception {
		StaffForm form = form("users");
		String before = snapshot(form);
		String page = send(form,
				fields("email", "bytes-new@win.test", "displayName", "Nueva\u200BPersona", "role", "OPS"), "es");
		assertNextTo(page, "displayName", REFUSED.get("es"));
		assertThat(page).contains("value=\"bytes-new@win.test\"");
		assertThat(snapshot(form)).isEqualTo(before);
	}

	@Test
	void aNewStaffUserWithProblemsIsShownAgainWithEachProblemNextToItsField() throws Exception {
		StaffForm form = form("users");
		String before = snapshot(form);
		String page = send(form, fields("email", "not-an-email", "displayName", "", "role", "KING"), "es");
		assertNextTo(page, "email", "Escribe un correo como ana@ejemplo.org.");
		assertNextTo(page, "displayName", "Escribe un nombre de hasta 120 caracteres.");
		assertNextTo(page, "role", "Elige uno de los roles.");
		assertThat(page).contains("value=\"not-an-email\"").contains("class=\"error-summary\"");

		page = send(form, fields("email", AdminTest.FIRST_ADMIN_EMAIL, "displayName", "Nueva Persona", "role", "OPS"),
				"en");
		assertNextTo(page, "email", "A staff user with that email exists already.");
		assertThat(page).contains("value=\"Nueva Persona\"").contains("<option value=\"OPS\" selected=\"selected\"");
		assertThat(snapshot(form)).isEqualTo(before);
	}

	@Test
	void aPasswordChangeWithProblemsIsShownAgainWithoutAnyPassword() throws Exception {
		StaffForm form = form("profile");
		String before = snapshot(form);
		String page = send(form,
				fields("currentPassword", PASSWORD, "newPassword", "short", "confirmPassword", "short"), "es");
		assertNextTo(page, "newPassword", "La contraseña nueva necesita al menos 12 caracteres.");
		assertThat(page).doesNotContain(PASSWORD).doesNotContain("value=\"short\"");

		page = send(form, fields("currentPassword", PASSWORD, "newPassword", "a much longer password",
				"confirmPassword", "a much longer passwort"), "en");
		assertNextTo(page, "confirmPassword", "The two new passwords differ.");

		page = send(form, fields("currentPassword", "not the current one", "newPassword", "a much longer password",
				"confirmPassword", "a much longer password"), "en");
		assertNextTo(page, "currentPassword", "The current password is wrong.");
		assertThat(page).doesNotContain("a much longer password").doesNotContain("not the current one");
		assertThat(snapshot(form)).isEqualTo(before);
	}

	@Test
	void aTokenWithoutANameIsShownAgainWithTheProblemNextToTheName() throws Exception {
		StaffForm form = form("tokens");
		String before = snapshot(form);
		String page = send(form, fields("name", "  ", "role", "OPS", "expiresOn", "2099-12-31"), "es");
		assertNextTo(page, "name", "Ponle un nombre al token.");
		assertThat(page).contains("value=\"2099-12-31\"");
		assertThat(snapshot(form)).isEqualTo(before);
	}

	private String send(StaffForm form, Map<String, String> fields, String language) throws Exception {
		MockHttpServletRequestBuilder request = post(form.path()).with(user(ADMIN).roles("ADMIN"))
			.with(csrf())
			.param("lang", language);
		fields.forEach(request::param);
		return this.mvc.perform(request)
			.andExpect(status().is(form.status()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String snapshot(StaffForm form) {
		return this.jdbc.sql(form.snapshot()).param(form.snapshotParameter()).query(String.class).single();
	}

	/**
	 * The message is the error of that field: right after its control, in the same field.
	 */
	/**
	 * The message right after its field, or (the registration form's field fragments)
	 * right before it, after the label and the hint.
	 */
	private static void assertNextTo(String page, String field, String message) {
		String escaped = Pattern.quote(HtmlUtils.htmlEscape(message, "UTF-8"));
		Pattern after = Pattern
			.compile("name=\"" + Pattern.quote(field) + "\"[^>]*>(?:[^<]*</textarea>|(?s:.*?</select>))?"
					+ "\\s*<span class=\"field-error\"[^>]*>" + escaped + "</span>");
		Pattern before = Pattern.compile("<span class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">"
				+ escaped + "</span>\\s*<(?:input|select|textarea)[^>]*name=\"" + Pattern.quote(field) + "\"");
		assertThat(after.matcher(page).find() || before.matcher(page).find()).as(field + " with its message " + message)
			.isTrue();
	}

	private static Map<String, String> fields(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

}
