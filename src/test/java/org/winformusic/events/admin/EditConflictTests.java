package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationValidator;
import org.winformusic.events.registration.StaffRegistrations;
import org.winformusic.events.registration.TestForms;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two people editing one registration (two staff, or staff and the registrant): each edit
 * form carries the version it was loaded at, and a save over a newer version shows the
 * current details with a message instead of overwriting the other person's change.
 */
@AdminTest
class EditConflictTests {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	ManageTokens tokens;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	RegistrationValidator validator;

	TestRegistrations data;

	TestEvents.Created event;

	@BeforeEach
	void setUp() {
		this.data = new TestRegistrations(this.jdbc);
		this.event = new TestEvents(this.jdbc).event().capacity(3).create();
	}

	@Test
	void theSecondOfTwoStaffSavingOneRegistrationIsToldAndTheFirstOnesChangeStays() throws Exception {
		long id = this.data.in(this.event).person("Rosa Doble").createdAt(AdminTest.REGISTERED).create().id();
		String organizerForm = page(get(edit(id)).with(as("ORGANIZER")));
		String adminForm = page(get(edit(id)).with(as("ADMIN")));

		this.mvc.perform(save(id, version(organizerForm), "Monterrey").with(as("ORGANIZER")))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		String refused = page(save(id, version(adminForm), "Puebla").with(as("ADMIN")));

		assertThat(refused).contains(message("admin.edit.stale", Locale.forLanguageTag("es")))
			.contains("value=\"Monterrey\"")
			.doesNotContain("value=\"Puebla\"");
		assertThat(city(id)).isEqualTo("Monterrey");
		assertThat(this.data.auditRows(id, "EDITED")).isOne();
		// The form now carries the current version: saving it again works.
		this.mvc.perform(save(id, version(refused), "Puebla").with(as("ADMIN")))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		assertThat(city(id)).isEqualTo("Puebla");
	}

	@Test
	void aCheckInAfterTheFormWasLoadedAlsoRefusesTheSaveInTheStaffsLanguage() throws Exception {
		long id = this.data.in(this.event).person("Iván Puerta").createdAt(AdminTest.REGISTERED).create().id();
		String form = page(get(edit(id)).with(as("ORGANIZER")));
		this.mvc.perform(post("/admin/registrations/" + id + "/checkin").with(as("ORGANIZER")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		String refused = page(save(id, version(form), "Mérida").param("lang", "en").with(as("ORGANIZER")));

		assertThat(refused).contains(message("admin.edit.stale", Locale.ENGLISH)).contains("value=\"Ciudad");
		assertThat(city(id)).isNotEqualTo("Mérida");
		assertThat(this.jdbc.sql("select checked_in_at is not null from registration where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aVersionThatIsNotANumberIsTreatedAsStaleNotAnError() throws Exception {
		long id = this.data.in(this.event).person("Lalo Raro").createdAt(AdminTest.REGISTERED).create().id();
		String refused = page(save(id, "x'1", "Toluca").with(as("ORGANIZER")));
		assertThat(refused).contains(message("admin.edit.stale", Locale.forLanguageTag("es")));
		assertThat(city(id)).isNotEqualTo("Toluca");
	}

	@Test
	void staffTakingAnotherRegistrationsEmailAreToldItIsUsedInThisEventNotToAskForALink() throws Exception {
		long id = this.data.in(this.event).person("Rosa Correo").createdAt(AdminTest.REGISTERED).create().id();
		TestRegistrations.Registration other = this.data.in(this.event)
			.person("Tomás Tomado")
			.createdAt(AdminTest.REGISTERED)
			.create();
		String form = page(get(edit(id)).with(as("ORGANIZER")));

		String refused = page(save(id, version(form), "Puebla", other.email()).with(as("ORGANIZER")));
		assertThat(refused).contains(message("admin.edit.emailTaken", Locale.forLanguageTag("es")))
			.contains("Otro registro de este evento ya usa este correo")
			.doesNotContain("Enviarme mi enlace")
			.doesNotContain(message("registration.error.email.taken", Locale.forLanguageTag("es")));
		String english = page(
				save(id, version(form), "Puebla", other.email()).param("lang", "en").with(as("ORGANIZER")));
		assertThat(english).contains("Another registration of this event already uses this email")
			.doesNotContain("Send me my link");
		assertThat(city(id)).isNotEqualTo("Puebla");
	}

	@Test
	void aRegistrantSavingOverTheOrganizersChangeIsToldAndTheOrganizersChangeStays() throws Exception {
		TestRegistrations.Registration ana = this.data.in(this.event).person("Ana Vieja").create();
		String manage = "/r/" + this.tokens.issue(ana.id());
		String form = page(get(manage + "/edit"));
		this.staff
			.update(ana.id(),
					TestForms.checkedEdit(this.validator,
							new RegistrationForm("Ana Nueva", ana.email(), "Discos Norte", null, "INDEPENDENT_LABEL",
									"CMX", "Ciudad de México", null, "YES", null, null, true, false, null),
							this.event.id()));

		String refused = page(saveByRegistrant(manage, version(form), "Ana Tecleada"));

		assertThat(refused).contains(message("registration.edit.stale", Locale.forLanguageTag("es")))
			.contains("value=\"Ana Nueva\"")
			.doesNotContain("value=\"Ana Tecleada\"");
		assertThat(fullName(ana.id())).isEqualTo("Ana Nueva");
		this.mvc.perform(saveByRegistrant(manage, version(refused), "Ana Tecleada"))
			.andExpect(status().is3xxRedirection());
		assertThat(fullName(ana.id())).isEqualTo("Ana Tecleada");
	}

	private MockHttpServletRequestBuilder saveByRegistrant(String manage, String version, String fullName) {
		return post(manage + "/edit").with(csrf())
			.param("version", version)
			.param("fullName", fullName)
			.param("email", TestRegistrations.uniqueEmail("manage-conflict"))
			.param("company", "Discos Norte")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "CMX")
			.param("city", "Ciudad de México")
			.param("associationInterest", "YES");
	}

	private MockHttpServletRequestBuilder save(long id, String version, String city) {
		return save(id, version, city, TestRegistrations.uniqueEmail("conflict"));
	}

	private MockHttpServletRequestBuilder save(long id, String version, String city, String email) {
		return post(edit(id)).param("version", version)
			.param("fullName", "Nombre Editado")
			.param("email", email)
			.param("company", "Discos Editados")
			.param("companyType", "PUBLISHER")
			.param("state", "JAL")
			.param("city", city)
			.param("associationInterest", "MAYBE")
			.with(csrf());
	}

	private static String edit(long id) {
		return "/admin/registrations/" + id + "/edit";
	}

	private static String version(String html) {
		Matcher matcher = VERSION.matcher(html);
		assertThat(matcher.find()).as("the edit form's version input").isTrue();
		return matcher.group(1);
	}

	private String fullName(long id) {
		return this.jdbc.sql("select full_name from registration where id = ?").param(id).query(String.class).single();
	}

	private String city(long id) {
		return this.jdbc.sql("select city from registration where id = ?").param(id).query(String.class).single();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale).replace("'", "&#39;");
	}

	private static RequestPostProcessor as(String role) {
		return user(role.toLowerCase(Locale.ROOT) + "@win.test").roles(role);
	}

}
