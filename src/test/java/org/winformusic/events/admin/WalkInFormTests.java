package org.winformusic.events.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.admin.WalkInTests.as;
import static org.winformusic.events.admin.WalkInTests.walkIn;

/**
 * The walk-in form as door staff read and use it: Enter in a field never picks a choice
 * of a full event, how many already wait, the problems in words about the person (not to
 * them), and a registration found for the address that may not come in.
 */
@AdminTest
class WalkInFormTests {

	private static final Pattern FORM = Pattern.compile("<form class=\"form\"[^>]*>(.*?)</form>", Pattern.DOTALL);

	private static final Pattern SUBMIT = Pattern.compile("<button type=\"submit\"([^>]*)>");

	private static final Pattern NAME_VALUE = Pattern.compile("name=\"([^\"]+)\"(?:\\s+value=\"([^\"]*)\")?");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	/**
	 * A phone's "Go" (Enter in a field) presses the form's first submit button: when the
	 * event is full that is the plain one, which adds nobody, not "add to the waitlist".
	 */
	@Test
	void enterInAFieldOfAFullEventPressesThePlainButtonWhichAddsNobody() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(1).create();
		this.data.in(event).person("Ana Sentada").createdAt(AdminTest.REGISTERED).create();
		String email = TestRegistrations.uniqueEmail("enter.lleno");

		for (String role : List.of("ORGANIZER", "ADMIN")) {
			String page = this.mvc
				.perform(walkIn(event, "Rita Enter", email).with(as(role)).header("Accept-Language", "es"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Ya no hay lugares")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			Matcher form = FORM.matcher(page);
			assertThat(form.find()).isTrue();
			Matcher first = SUBMIT.matcher(form.group(1));
			assertThat(first.find()).isTrue();
			assertThat(first.group(1)).doesNotContain("whenFull").contains("button--large");
			assertThat(form.group(1)).contains("value=\"WAITLIST\"");

			// What the browser posts for Enter: the fields and the first button's name
			// and
			// value, if it has any.
			MockHttpServletRequestBuilder enter = walkIn(event, "Rita Enter", email).with(as(role))
				.header("Accept-Language", "es");
			Matcher named = NAME_VALUE.matcher(first.group(1));
			if (named.find()) {
				enter.param(named.group(1), (named.group(2) != null) ? named.group(2) : "");
			}
			this.mvc.perform(enter)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Ya no hay lugares")));
			assertThat(count(event, email)).isZero();
		}
	}

	/**
	 * The full notice says how many already wait (an extra seat goes ahead of them, which
	 * an admin is told); an organizer, who cannot add a seat, is told the count only.
	 */
	@Test
	void theFullNoticeSaysHowManyAlreadyWait() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(1).create();
		this.data.in(event).person("Ana Sentada").createdAt(AdminTest.REGISTERED).create();
		String email = TestRegistrations.uniqueEmail("cuantos.esperan");
		String aheadOfThem = "Si agregas un lugar, esta persona pasa antes que quienes esperan.";

		this.mvc.perform(walkIn(event, "Nadia Nadie", email).with(as("ADMIN")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ya no hay lugares")))
			.andExpect(content().string(not(containsString("en la lista de espera."))))
			.andExpect(content().string(not(containsString(aheadOfThem))));

		this.data.in(event).person("Beto Espera").status("WAITLISTED").createdAt(AdminTest.REGISTERED).create();
		this.data.in(event).person("Carla Espera").status("WAITLISTED").createdAt(AdminTest.REGISTERED).create();

		this.mvc.perform(walkIn(event, "Nadia Nadie", email).with(as("ADMIN")).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Ya hay 2 personas en la lista de espera.")))
			.andExpect(content().string(containsString(aheadOfThem)));
		this.mvc.perform(walkIn(event, "Nadia Nadie", email).with(as("ORGANIZER")).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Ya hay 2 personas en la lista de espera.")))
			.andExpect(content().string(not(containsString(aheadOfThem))))
			.andExpect(content().string(containsString(
					"Solo alguien con rol de administración puede agregar lugares por encima del cupo.")));
		this.mvc.perform(walkIn(event, "Nadia Nadie", email).with(as("ADMIN")).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("2 people are already on the waitlist.")))
			.andExpect(content().string(containsString("If you add a seat, this person goes ahead of them.")));
		assertThat(count(event, email)).isZero();
	}

	/**
	 * Staff type for someone else: each problem and the question are about the person.
	 */
	@Test
	void theProblemsAndTheInterestQuestionSpeakAboutThePersonInBothLanguages() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(5).create();
		String form = "/admin/events/" + event.slug() + "/checkin/walk-in";

		this.mvc.perform(post(form).with(csrf()).with(as("DOOR")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Escribe el nombre completo de la persona.")))
			.andExpect(content().string(containsString("Escribe el correo electrónico de la persona.")))
			.andExpect(content().string(containsString("Escribe la empresa o el sello de la persona.")))
			.andExpect(content().string(containsString("Elige el tipo de empresa de la persona.")))
			.andExpect(content().string(containsString("Elige el estado de la persona o “Fuera de México”.")))
			.andExpect(content().string(containsString("Escribe la ciudad de la persona.")))
			.andExpect(content().string(containsString("Elige sí, tal vez o no, según lo que responda la persona.")))
			.andExpect(content().string(
					containsString("¿Le interesaría formar parte de una asociación mexicana de música independiente?")))
			.andExpect(content().string(not(containsString("Escribe tu"))))
			.andExpect(content().string(not(containsString("¿Te interesaría"))));
		this.mvc.perform(post(form).with(csrf()).with(as("DOOR")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the person&#39;s full name.")))
			.andExpect(content().string(containsString("Enter the person&#39;s email address.")))
			.andExpect(content().string(containsString("Enter the person&#39;s company or label.")))
			.andExpect(content().string(containsString("Choose the type of the person&#39;s company.")))
			.andExpect(
					content().string(containsString("Choose the person&#39;s state, or &quot;Outside Mexico&quot;.")))
			.andExpect(content().string(containsString("Enter the person&#39;s city.")))
			.andExpect(content().string(containsString("Choose yes, maybe or no, as the person answers.")))
			.andExpect(content()
				.string(containsString("Would they be interested in joining a Mexican independent music association?")))
			.andExpect(content().string(not(containsString("Enter your"))))
			.andExpect(content().string(not(containsString("Choose your"))))
			.andExpect(content().string(not(containsString("Would you"))));

		// An address the mail servers refuse, on an event in Colombia.
		TestEvents.Created bogota = this.events.event().onItsDay().country("CO").capacity(5).create();
		this.mvc
			.perform(post("/admin/events/" + bogota.slug() + "/checkin/walk-in").with(csrf())
				.with(as("DOOR"))
				.header("Accept-Language", "es")
				.param("email", "josé@example.org"))
			.andExpect(content().string(containsString("Si la persona tiene otro correo, usa ese.")))
			.andExpect(content().string(containsString("Elige el departamento de la persona o “Fuera de Colombia”.")))
			.andExpect(content().string(containsString(
					"¿Le interesaría formar parte de una asociación de música independiente de Colombia?")));

		// The public form still speaks to the registrant (of an event whose form is
		// open).
		TestEvents.Created open = this.events.event().capacity(5).create();
		this.mvc.perform(get("/events/" + open.slug() + "/register").header("Accept-Language", "es"))
			.andExpect(content().string(containsString(
					"¿Te interesaría formar parte de una asociación mexicana de música independiente?")));
	}

	/** Every problem that speaks to the registrant has the walk-in form's own words. */
	@Test
	void everyProblemThatSpeaksToTheRegistrantHasStaffWordsInBothBundles() throws IOException {
		List<String> personal = List.of("registration.error.fullName.required", "registration.error.email.required",
				"registration.error.email.localPart", "registration.error.email.domain",
				"registration.error.company.required", "registration.error.companyType.required",
				"registration.error.state.required", "country.region.required", "country.region.CO.required",
				"registration.error.city.required", "registration.error.associationInterest.required",
				"registration.field.associationInterest", "country.associationInterest");
		for (String bundle : List.of("messages.properties", "messages_es.properties")) {
			Properties words = new Properties();
			try (InputStream in = getClass().getResourceAsStream("/messages/" + bundle)) {
				words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			for (String key : personal) {
				assertThat(words.getProperty("staff." + key)).as(bundle + ": staff." + key)
					.isNotBlank()
					.doesNotContain(" tu ", "Escribe tu", "Elige tu", "your", "¿Te ", "Would you");
			}
		}
	}

	/**
	 * The address belongs to someone on the waitlist: the box says so in the door page's
	 * full sentence, not a lower-case fragment.
	 */
	@Test
	void aWaitlistedRegistrationFoundForTheAddressReadsAsTheDoorPageSays() throws Exception {
		TestEvents.Created event = this.events.event().onItsDay().capacity(5).create();
		TestRegistrations.Registration eva = this.data.in(event)
			.person("Eva Espera")
			.status("WAITLISTED")
			.createdAt(AdminTest.REGISTERED)
			.create();

		this.mvc.perform(walkIn(event, "Eva E.", eva.email()).with(as("DOOR")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Eva Espera ya tiene registro para este evento")))
			.andExpect(content().string(containsString(
					"<span>En lista de espera: no dejes pasar a la persona sin consultar a la organización.</span>")));
	}

	private long count(TestEvents.Created event, String email) {
		return this.jdbc.sql("select count(*) from registration where event_id = ? and lower(email) = lower(?)")
			.params(event.id(), email)
			.query(Long.class)
			.single();
	}

}
