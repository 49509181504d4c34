package org.winformusic.events;

import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.winformusic.events.event.EventAdministration;
import org.winformusic.events.event.EventForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, the country of an event: an organizer copies the Mexico workshop to a
 * Colombian one in the event editor, with two questions of its own; Colombians register
 * with their department, their mobile number as they write it and their answers; staff
 * filter, count and export by department and by answer; the Mexico event keeps its states
 * and its columns.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ColombianEventTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	EventAdministration administration;

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void aColombianRegistersWithTheirDepartmentAndMobileAndStaffSeeItInWords() throws Exception {
		String slug = createColombianCopy("colombia-workshop-2028");

		// The editor shows the country, and copying the Colombian event keeps it.
		assertThat(page(get("/admin/events/new").param("from", slug).param("lang", "es")))
			.contains("<option value=\"CO\" selected=\"selected\">Colombia</option>")
			.contains("<option value=\"MX\">México</option>");

		// The public page says where: the address does not name the country.
		assertThat(page(get("/events/" + slug).param("lang", "es"))).contains("Chapinero, Bogotá, Colombia");

		// The form asks for a department of Colombia, in Spanish, still posted as
		// "state".
		String form = page(get("/events/" + slug + "/register").param("lang", "es"));
		assertThat(form)
			.contains("Departamento", "<option value=\"ANT\">Antioquia</option>",
					"<option value=\"DC\">Bogotá, D. C.</option>",
					"<option value=\"OUTSIDE_CO\">Fuera de Colombia</option>")
			.contains("¿Te interesaría formar parte de una asociación de música independiente de Colombia?")
			.doesNotContain("Jalisco", "Fuera de México", "asociación mexicana");

		// The copy's own questions come after the standard fields; Valentina answers
		// both.
		List<Long> questions = this.jdbc.sql("""
				select q.id from event_question q join event e on e.id = q.event_id
				 where e.slug = ? order by q.position""").param(slug).query(Long.class).list();
		assertThat(questions).hasSize(2);
		long rights = this.jdbc.sql("select id from event_question_choice where question_id = ? order by position")
			.param(questions.get(0))
			.query(Long.class)
			.list()
			.get(1);
		assertThat(form).contains("¿Qué te interesa más?", "Derechos", "¿Cuál es el sitio web de tu sello?");
		String manage = this.mvc
			.perform(registration(slug, "valentina@example.co", "ANT", "300 123 4567")
				.param("q" + questions.get(0), Long.toString(rights))
				.param("q" + questions.get(1), "https://discosmedellin.example.co"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(stored("valentina@example.co")).containsExactly("ANT", "+573001234567");
		String manageLink = manage.replaceAll("\\?.*", "");
		assertThat(page(get(manageLink).param("lang", "es")))
			.contains("¿Qué te interesa más?", "Derechos", "https://discosmedellin.example.co",
					"¿Te interesaría formar parte de una asociación de música independiente de Colombia?")
			.doesNotContain("asociación mexicana");
		// Her data, as Colombians read it: the country's question, her number as she
		// wrote it, the times' zone named, the registration's status not called like a
		// region.
		assertThat(page(get(manageLink + "/data").param("lang", "es")))
			.contains("¿Te interesaría formar parte de una asociación de música independiente de Colombia?",
					"300 1234567", "Zona horaria: hora de Bogotá.", "Estado de tu registro")
			.doesNotContain("asociación mexicana", "+573001234567");

		// A Mexican state is not a Colombian department.
		String refused = page(registration(slug, "cdmx@example.mx", "CMX", "300 123 4567"));
		assertThat(refused).contains(this.messages.getMessage("registration.error.choice", null, SPANISH));
		assertThat(count("cdmx@example.mx")).isZero();

		// A Mexican mobile typed with its +52 is accepted on the Colombian event.
		this.mvc.perform(registration(slug, "mexicana@example.mx", "OUTSIDE_CO", "+52 55 1234 5678"))
			.andExpect(status().is3xxRedirection());
		assertThat(stored("mexicana@example.mx")).containsExactly("OUTSIDE_CO", "+525512345678");

		// Without its +52, a Mexican number is not a Colombian one: the message says how
		// Colombians type one, not that the characters are wrong.
		assertThat(page(registration(slug, "wrong@example.co", "ANT", "55 1234 5678")))
			.contains(this.messages.getMessage("registration.error.phone.number.CO", null, SPANISH))
			.doesNotContain(this.messages.getMessage("registration.error.phone.invalid", null, SPANISH));

		// Staff: the list filtered by Antioquia, the dashboard by department, the detail
		// page with the number as Colombians write it.
		String list = page(staff(get("/admin/events/" + slug + "/registrations").param("state", "ANT")));
		assertThat(list).contains("valentina@example.co", "<td>Antioquia</td>", ">Departamento</a>")
			.doesNotContain("mexicana@example.mx");
		assertThat(list).contains("<option value=\"ANT\" selected=\"selected\">Antioquia</option>");
		this.mvc.perform(staff(get("/admin/events/" + slug + "/registrations").param("state", "CMX")))
			.andExpect(status().isBadRequest());

		String byChoice = page(
				staff(get("/admin/events/" + slug + "/registrations").param("choice", Long.toString(rights))));
		assertThat(byChoice).contains("valentina@example.co").doesNotContain("mexicana@example.mx");

		String dashboard = page(staff(get("/admin/events/" + slug)));
		assertThat(dashboard).contains(">Departamento</h2>", "<th scope=\"row\">Antioquia</th>",
				"<th scope=\"row\">Fuera de Colombia</th>", "¿Qué te interesa más?</h2>", "Derechos</th>");

		long id = this.jdbc.sql("select id from registration where email = 'valentina@example.co'")
			.query(Long.class)
			.single();
		assertThat(page(staff(get("/admin/registrations/" + id)))).contains("Antioquia", "300 1234567",
				"¿Qué te interesa más?", "Derechos", "https://discosmedellin.example.co");
		long mexican = this.jdbc.sql("select id from registration where email = 'mexicana@example.mx'")
			.query(Long.class)
			.single();
		assertThat(page(staff(get("/admin/registrations/" + mexican)))).contains("+52 55 1234 5678",
				"Fuera de Colombia");

		// The CSV carries the department's code and the number in E.164, without the
		// formula guard: + and digits alone cannot be a formula.
		List<CSVRecord> csv = csv(slug, "state=ANT");
		assertThat(csv).hasSize(2);
		assertThat(csv.get(1).get(7)).isEqualTo("ANT");
		assertThat(csv.get(1).get(9)).isEqualTo("+573001234567");
		// The questions are the last columns, headed by their labels, a choice as its id;
		// the Mexico event's export has none of them.
		List<String> header = csv.get(0).toList();
		assertThat(header.subList(header.size() - 2, header.size())).containsExactly("¿Qué te interesa más?",
				"¿Cuál es el sitio web de tu sello?");
		List<String> row = csv.get(1).toList();
		assertThat(row.subList(row.size() - 2, row.size())).containsExactly(Long.toString(rights),
				"https://discosmedellin.example.co");
		assertThat(csv("mexico-workshop", "").get(0).toList()).hasSize(header.size() - 2)
			.doesNotContain("¿Qué te interesa más?");

		// Staff edit the department: the choices are Colombia's, and the history names
		// the departments (GUA is Guainía here, not Guanajuato).
		assertThat(page(organizer(get("/admin/registrations/" + id + "/edit"))))
			.contains("<option value=\"ANT\" selected=\"selected\">Antioquia</option>")
			.doesNotContain("Guanajuato");
		this.mvc
			.perform(organizer(post("/admin/registrations/" + id + "/edit")).with(csrf())
				.param("fullName", "Valentina Restrepo")
				.param("email", "valentina@example.co")
				.param("company", "Discos Medellín")
				.param("companyType", "INDEPENDENT_LABEL")
				.param("state", "GUA")
				.param("city", "Inírida")
				.param("phone", "+573001234567")
				.param("associationInterest", "YES"))
			.andExpect(redirectedUrl("/admin/registrations/" + id));
		assertThat(stored("valentina@example.co")).containsExactly("GUA", "+573001234567");
		assertThat(page(staff(get("/admin/registrations/" + id)))).contains("Departamento: Antioquia → Guainía");
	}

	@Test
	void theMexicoEventKeepsItsStatesAndReadsMexicanNumbers() throws Exception {
		String form = page(get("/events/mexico-workshop/register").param("lang", "es"));
		assertThat(form)
			.contains("<option value=\"CMX\">Ciudad de México</option>",
					"<option value=\"OUTSIDE_MX\">Fuera de México</option>")
			.doesNotContain("Antioquia", "Departamento");

		// Another Mexican event (the seeded one stays untouched for other tests).
		String mexican = new TestEvents(this.jdbc).event().capacity(5).create().slug();
		this.mvc.perform(registration(mexican, "chilanga@example.mx", "CMX", "55 1234 5678"))
			.andExpect(status().is3xxRedirection());
		assertThat(stored("chilanga@example.mx")).containsExactly("CMX", "+525512345678");
		assertThat(page(registration(mexican, "antioquia@example.mx", "ANT", "55 1234 5678")))
			.contains(this.messages.getMessage("registration.error.choice", null, SPANISH));
	}

	@Test
	void anEventInACountryWithoutAListAsksForTheRegionAsText() throws Exception {
		TestEvents.Created peru = new TestEvents(this.jdbc).event().capacity(5).create();
		this.jdbc.sql("update event set country = 'PE', time_zone = 'America/Lima' where id = ?")
			.param(peru.id())
			.update();

		String form = page(get("/events/" + peru.slug() + "/register").param("lang", "es"));
		assertThat(form).contains("Región", "id=\"state\" name=\"state\" type=\"text\"").doesNotContain("Jalisco");

		this.mvc.perform(registration(peru.slug(), "limena@example.pe", "Lima", "912 345 678"))
			.andExpect(status().is3xxRedirection());
		assertThat(stored("limena@example.pe")).containsExactly("Lima", "+51912345678");
		assertThat(page(registration(peru.slug(), "hidden@example.pe", "Li\u202Ema", "912 345 678")))
			.contains(this.messages.getMessage("registration.error.characters", null, SPANISH));
		assertThat(page(registration(peru.slug(), "blank@example.pe", " ", "912 345 678")))
			.contains(this.messages.getMessage("country.region.required", null, SPANISH));
	}

	/** The editor's copy of the Mexico workshop, made Colombian and published. */
	private String createColombianCopy(String slug) throws Exception {
		EventForm copy = this.administration.copyOf("mexico-workshop").orElseThrow();
		assertThat(copy.country()).isEqualTo("MX");
		Map<String, String> fields = new LinkedHashMap<>();
		for (RecordComponent component : EventForm.class.getRecordComponents()) {
			Object value = component.getAccessor().invoke(copy);
			if (value instanceof List<?> rows) {
				// Speakers and partners are rows: speakers[0].name, ...
				for (int i = 0; i < rows.size(); i++) {
					for (RecordComponent field : rows.get(i).getClass().getRecordComponents()) {
						Object cell = field.getAccessor().invoke(rows.get(i));
						fields.put(component.getName() + "[" + i + "]." + field.getName(),
								(cell != null) ? cell.toString() : "");
					}
				}
			}
			else {
				fields.put(component.getName(), (value != null) ? value.toString() : "");
			}
		}
		fields.putAll(Map.of("slug", slug, "country", "CO", "timeZone", "America/Bogota", "startsAt",
				"2028-06-12T09:00", "endsAt", "2028-06-12T13:00", "venueName", "Casa del Libro Total", "venueAddress",
				"Chapinero, Bogotá", "published", "true"));
		// Two questions of its own: one choice (optional) and a short text.
		fields.putAll(Map.of("questions[0].kind", "ONE_CHOICE", "questions[0].labelEs", "¿Qué te interesa más?",
				"questions[0].labelEn", "What interests you most?", "questions[0].choices[0].labelEs", "Distribución",
				"questions[0].choices[0].labelEn", "Distribution", "questions[0].choices[1].labelEs", "Derechos",
				"questions[0].choices[1].labelEn", "Rights"));
		fields.putAll(Map.of("questions[1].kind", "SHORT_TEXT", "questions[1].labelEs",
				"¿Cuál es el sitio web de tu sello?", "questions[1].labelEn", "What is your label's website?"));
		MockHttpServletRequestBuilder request = post("/admin/events/new").with(csrf());
		fields.forEach(request::param);
		this.mvc.perform(request).andExpect(redirectedUrl("/admin/events/" + slug + "/edit"));
		return slug;
	}

	private MockHttpServletRequestBuilder registration(String slug, String email, String state, String phone) {
		return post("/events/" + slug + "/register").with(csrf())
			.param("lang", "es")
			.param("fullName", "Valentina Restrepo")
			.param("email", email)
			.param("company", "Discos Medellín")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", state)
			.param("city", "Medellín")
			.param("phone", phone)
			.param("associationInterest", "YES")
			.param("privacyConsent", "true");
	}

	private static MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request) {
		return request.param("lang", "es").with(user("ops@win.test").roles("OPS"));
	}

	private static MockHttpServletRequestBuilder organizer(MockHttpServletRequestBuilder request) {
		return request.param("lang", "es").with(user("organizer@win.test").roles("ORGANIZER"));
	}

	private List<String> stored(String email) {
		return this.jdbc.sql("select state, phone from registration where email = ?")
			.param(email)
			.query((rs, n) -> List.of(rs.getString("state"), rs.getString("phone")))
			.single();
	}

	private int count(String email) {
		return this.jdbc.sql("select count(*) from registration where email = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private List<CSVRecord> csv(String slug, String query) throws Exception {
		String body = this.mvc.perform(staff(get("/admin/events/" + slug + "/registrations.csv?" + query)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return CSVFormat.DEFAULT.parse(new StringReader(body.replace("\uFEFF", ""))).getRecords();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
