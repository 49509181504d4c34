package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two people editing one registration (two staff, staff and the registrant, or the
 * registrant in two tabs): each edit form carries the version it was loaded at, and a
 * save over a newer version is not stored unseen. The form comes back as it was typed,
 * with what is saved now next to each field that differs and the current version, so that
 * saving it again is one click; a stale form that holds just what is saved now has
 * nothing to save.
 */
@AdminTest
class EditConflictTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

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
	void theSecondOfTwoStaffSavingOneRegistrationKeepsWhatTheyTypedAndSeesWhatTheFirstSaved() throws Exception {
		long id = this.data.in(this.event).person("Rosa Doble").createdAt(AdminTest.REGISTERED).create().id();
		String organizerForm = page(get(edit(id)).with(as("ORGANIZER")));
		String adminForm = page(get(edit(id)).with(as("ADMIN")));

		this.mvc.perform(FormAsShown.submitted(organizerForm, post(edit(id)).with(csrf()).with(as("ORGANIZER")),
				Map.of("city", List.of("Monterrey"))))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		String refused = page(FormAsShown.submitted(adminForm, post(edit(id)).with(csrf()).with(as("ADMIN")),
				Map.of("city", List.of("Puebla"), "company", List.of("Discos Puebla"))));

		assertThat(refused).contains(message("admin.edit.stale", SPANISH))
			.contains("value=\"Puebla\"", "value=\"Discos Puebla\"")
			.doesNotContain("value=\"Monterrey\"");
		// Only what the organizer changed: the company is the admin's own change.
		assertThat(text(refused)).contains("Guardado ahora: Monterrey")
			.doesNotContain("Guardado ahora: Discos Rosa Doble")
			.doesNotContain("Guardado ahora: Rosa Doble");
		assertThat(staleList(refused)).containsExactly("Ciudad");
		assertThat(city(id)).isEqualTo("Monterrey");
		assertThat(this.data.auditRows(id, "EDITED")).isOne();
		// The form now carries the current version: saving it again as shown works.
		this.mvc.perform(FormAsShown.submitted(refused, post(edit(id)).with(csrf()).with(as("ADMIN"))))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		assertThat(city(id)).isEqualTo("Puebla");
		assertThat(this.data.auditRows(id, "EDITED")).isEqualTo(2);
	}

	@Test
	void aRegistrantsSecondTabKeepsWhatTheyTypedSaysWhatIsSavedNowAndSavesAgainInOneClick() throws Exception {
		long website = new TestEvents(this.jdbc).question(this.event.id(), "SHORT_TEXT", "¿Tu sitio web?",
				"Your website?", false);
		TestRegistrations.Registration ana = this.data.in(this.event)
			.person("Ana Primera")
			.phone("+525512345678")
			.create();
		String manage = "/r/" + this.tokens.issue(ana.id());
		String firstTab = page(get(manage + "/edit"));
		String secondTab = page(get(manage + "/edit"));
		this.mvc
			.perform(FormAsShown.submitted(firstTab, post(manage + "/edit").with(csrf()),
					Map.of("fullName", List.of("Ana Segunda"), "q" + website, List.of("https://ana.example.org"))))
			.andExpect(redirectedUrl(manage + "?saved"));

		String refused = page(FormAsShown.submitted(secondTab, post(manage + "/edit").with(csrf()),
				Map.of("city", List.of("Guadalajara"), "state", List.of("JAL"))));

		assertThat(refused).contains(message("registration.edit.stale", SPANISH))
			.contains("value=\"Guadalajara\"", "value=\"Ana Primera\"", "value=\"55 1234 5678\"")
			.containsPattern("<option value=\"JAL\"[^>]*selected");
		assertThat(text(refused)).contains("Guardado ahora: Ana Segunda", "Guardado ahora: https://ana.example.org")
			.doesNotContain("Guardado ahora: Ciudad de México")
			.doesNotContain("Guardado ahora: Discos Ana Primera")
			.doesNotContain("Guardado ahora: 55 1234 5678");
		// What the first tab changed, not what this one did.
		assertThat(staleList(refused)).containsExactly("Nombre completo", "¿Tu sitio web?");
		// Each note is read with its field.
		assertThat(refused).containsPattern("id=\"fullName\"[^>]*aria-describedby=\"fullName-saved\"");
		assertThat(fullName(ana.id())).isEqualTo("Ana Segunda");
		assertThat(city(ana.id())).isEqualTo("Ciudad de México");

		this.mvc.perform(FormAsShown.submitted(refused, post(manage + "/edit").with(csrf())))
			.andExpect(redirectedUrl(manage + "?saved"));
		assertThat(city(ana.id())).isEqualTo("Guadalajara");
		assertThat(fullName(ana.id())).isEqualTo("Ana Primera");
		assertThat(this.data.auditRows(ana.id(), "EDITED_BY_REGISTRANT")).isEqualTo(2);
		assertThat(text(page(get(manage + "/edit").param("lang", "en")))).doesNotContain("Saved now");
	}

	@Test
	void theConflictIsExplainedInEnglishTooAndSavedChoicesAndEmptyFieldsReadAsWords() throws Exception {
		TestRegistrations.Registration ana = this.data.in(this.event).person("Ana Inglés").create();
		String manage = "/r/" + this.tokens.issue(ana.id());
		String stale = page(get(manage + "/edit"));
		this.staff.update(ana.id(),
				TestForms.checkedEdit(
						this.validator, new RegistrationForm("Ana Inglés", ana.email(), "Discos Roma", null,
								"PUBLISHER", "CMX", "Ciudad de México", null, "MAYBE", null, null, true, true, null),
						this.event.id()));

		String refused = page(FormAsShown.submitted(stale, post(manage + "/edit").with(csrf()).param("lang", "en"),
				Map.of("city", List.of("Toluca"))));

		assertThat(refused).contains(message("registration.edit.stale", Locale.ENGLISH));
		assertThat(text(refused))
			.contains("Saved now: Publisher", "Saved now: (empty)", "Saved now: Maybe", "Saved now: checked")
			.doesNotContain("Saved now: Ciudad de México");
	}

	/**
	 * The two-tab sequence: the first tab changes the city, the second only the job
	 * title. The second is told about the city, not about its own job title, whose saved
	 * value never changed.
	 */
	@Test
	void aSecondTabIsToldOnlyAboutTheFieldsTheFirstTabChanged() throws Exception {
		TestRegistrations.Registration ana = this.data.in(this.event).person("Ana Cargo").jobTitle(null).create();
		String manage = "/r/" + this.tokens.issue(ana.id());
		String firstTab = page(get(manage + "/edit"));
		String secondTab = page(get(manage + "/edit"));
		this.mvc
			.perform(FormAsShown.submitted(firstTab, post(manage + "/edit").with(csrf()),
					Map.of("city", List.of("Oaxaca"))))
			.andExpect(redirectedUrl(manage + "?saved"));

		String refused = page(FormAsShown.submitted(secondTab, post(manage + "/edit").with(csrf()),
				Map.of("jobTitle", List.of("Productora"))));

		assertThat(staleList(refused)).containsExactly("Ciudad");
		assertThat(text(refused)).contains("Guardado ahora: Oaxaca")
			.doesNotContain("Guardado ahora: (vacío)")
			.doesNotContain("Cargo, Ciudad");
		assertThat(refused).contains("value=\"Productora\"");
		String english = page(FormAsShown.submitted(secondTab, post(manage + "/edit").with(csrf()).param("lang", "en"),
				Map.of("jobTitle", List.of("Productora"))));
		assertThat(staleList(english)).containsExactly("City");
		assertThat(text(english)).doesNotContain("Saved now: (empty)");
		// Saved as shown again, the form keeps what this tab typed.
		this.mvc.perform(FormAsShown.submitted(refused, post(manage + "/edit").with(csrf())))
			.andExpect(redirectedUrl(manage + "?saved"));
		assertThat(this.jdbc.sql("select job_title from registration where id = ?")
			.param(ana.id())
			.query(String.class)
			.single()).isEqualTo("Productora");
	}

	@Test
	void aStaleFormThatHoldsWhatIsSavedNowHasNothingToSave() throws Exception {
		TestRegistrations.Registration ana = this.data.in(this.event).person("Ana Igual").create();
		String manage = "/r/" + this.tokens.issue(ana.id());
		String firstTab = page(get(manage + "/edit"));
		String secondTab = page(get(manage + "/edit"));
		this.mvc
			.perform(FormAsShown.submitted(firstTab, post(manage + "/edit").with(csrf()),
					Map.of("fullName", List.of("Ana Misma"))))
			.andExpect(redirectedUrl(manage + "?saved"));

		this.mvc
			.perform(FormAsShown.submitted(secondTab, post(manage + "/edit").with(csrf()),
					Map.of("fullName", List.of("Ana Misma"))))
			.andExpect(redirectedUrl(manage + "?unchanged"));
		assertThat(this.data.auditRows(ana.id(), "EDITED_BY_REGISTRANT")).isOne();
	}

	@Test
	void aCheckInAfterTheFormWasLoadedAlsoRefusesTheSaveInTheStaffsLanguage() throws Exception {
		new TestEvents(this.jdbc).onItsDay(this.event);
		long id = this.data.in(this.event).person("Iván Puerta").createdAt(AdminTest.REGISTERED).create().id();
		String form = page(get(edit(id)).with(as("ORGANIZER")));
		this.mvc.perform(post("/admin/registrations/" + id + "/checkin").with(as("ORGANIZER")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		String refused = page(save(id, version(form), "Mérida").param("lang", "en").with(as("ORGANIZER")));

		assertThat(refused).contains(message("admin.edit.stale", Locale.ENGLISH)).contains("value=\"Mérida\"");
		assertThat(text(refused)).contains("Saved now: Ciudad de México");
		assertThat(city(id)).isNotEqualTo("Mérida");
		assertThat(this.jdbc.sql("select checked_in_at is not null from registration where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	/**
	 * An arrival changes the registration but no field of the form: the form that was
	 * loaded before it is refused (its version is old), and says what happened without an
	 * empty list of fields.
	 */
	@Test
	void aChangeOutsideTheFormsFieldsIsSaidSoWithoutAnEmptyList() throws Exception {
		new TestEvents(this.jdbc).onItsDay(this.event);
		long id = this.data.in(this.event).person("Iván Llegada").createdAt(AdminTest.REGISTERED).create().id();
		String form = page(get(edit(id)).param("lang", "es").with(as("ORGANIZER")));
		this.mvc.perform(post("/admin/registrations/" + id + "/checkin").with(as("ORGANIZER")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		String refused = page(FormAsShown
			.submitted(form, post(edit(id)).param("lang", "es").with(csrf()), Map.of("city", List.of("Mérida")))
			.with(as("ORGANIZER")));

		assertThat(text(refused)).contains("Este registro cambió mientras lo editabas",
				"Vuelve a guardar para conservar lo que escribiste.");
		assertThat(staleList(refused)).isEmpty();
		assertThat(refused).contains("value=\"Mérida\"");
		this.mvc.perform(FormAsShown.submitted(refused, post(edit(id)).with(csrf()), Map.of()).with(as("ORGANIZER")))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		assertThat(city(id)).isEqualTo("Mérida");
	}

	@Test
	void aVersionThatIsNotANumberIsTreatedAsStaleNotAnError() throws Exception {
		long id = this.data.in(this.event).person("Lalo Raro").createdAt(AdminTest.REGISTERED).create().id();
		String refused = page(save(id, "x'1", "Toluca").with(as("ORGANIZER")));
		assertThat(refused).contains(message("admin.edit.stale", SPANISH)).contains("value=\"Toluca\"");
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
		assertThat(refused).contains(message("admin.edit.emailTaken", SPANISH))
			.contains("Otro registro de este evento ya usa este correo")
			.doesNotContain("Enviarme mi enlace");
		String english = page(
				save(id, version(form), "Puebla", other.email()).param("lang", "en").with(as("ORGANIZER")));
		assertThat(english).contains("Another registration of this event already uses this email")
			.doesNotContain("Send me my link");
		assertThat(city(id)).isNotEqualTo("Puebla");
	}

	@Test
	void aRegistrantSavingOverTheOrganizersChangeSeesItAndTheOrganizersChangeStaysUntilTheySaveAgain()
			throws Exception {
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

		assertThat(refused).contains(message("registration.edit.stale", SPANISH))
			.contains("value=\"Ana Tecleada\"")
			.doesNotContain("value=\"Ana Nueva\"");
		assertThat(text(refused)).contains("Guardado ahora: Ana Nueva");
		assertThat(fullName(ana.id())).isEqualTo("Ana Nueva");
		this.mvc.perform(saveByRegistrant(manage, version(refused), "Ana Tecleada"))
			.andExpect(status().is3xxRedirection());
		assertThat(fullName(ana.id())).isEqualTo("Ana Tecleada");
	}

	/** The fields the conflict box lists, by their labels. */
	private static List<String> staleList(String html) {
		Matcher box = Pattern.compile("(?s)aria-labelledby=\"stale-title\">(.*?)</div>").matcher(html);
		assertThat(box.find()).as("the conflict box").isTrue();
		List<String> labels = new ArrayList<>();
		Matcher link = Pattern.compile("<a href=\"#[^\"]+\">([^<]+)</a>").matcher(box.group(1));
		while (link.find()) {
			labels.add(HtmlUtils.htmlUnescape(link.group(1)));
		}
		return labels;
	}

	/** What a reader sees: the page without its tags. */
	private static String text(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<[^>]+>", " "))
			.replaceAll("\\s+", " ");
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
