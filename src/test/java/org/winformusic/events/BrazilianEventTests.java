package org.winformusic.events;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.winformusic.events.registration.ManageTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event in Brazil: its registrants choose one of the 26 states or the Federal District
 * (named in Portuguese, labelled "Estado"), so "MG" and "Minas Gerais" are one state for
 * staff: one row of the dashboard, one filter, its name in the readable export. Regions
 * typed before Brazil had its list (V45) become the state they name, and any other stays
 * as typed and keeps working.
 */
@IntegrationTest
@AutoConfigureMockMvc
class BrazilianEventTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	MessageSource messages;

	@Autowired
	ManageTokens tokens;

	@Test
	void aBrazilianChoosesTheirStateAndStaffSeeOneStateHoweverItIsTyped() throws Exception {
		String slug = new TestEvents(this.jdbc).event().country("BR").capacity(20).create().slug();

		// The form lists Brazil's states by their Portuguese names, in either language.
		String form = page(get("/events/" + slug + "/register").param("lang", "es"));
		assertThat(form)
			.contains("Estado", "<option value=\"MG\">Minas Gerais</option>", "<option value=\"SP\">São Paulo</option>",
					"<option value=\"ES\">Espírito Santo</option>", "<option value=\"DF\">Distrito Federal</option>",
					"<option value=\"PA\">Pará</option>", "<option value=\"PR\">Paraná</option>",
					"<option value=\"RO\">Rondônia</option>", "<option value=\"OUTSIDE_BR\">Fuera de Brasil</option>")
			.doesNotContain("id=\"state\" name=\"state\" type=\"text\"", "Jalisco", "Antioquia");
		assertThat(form.indexOf("value=\"AC\">Acre<")).isLessThan(form.indexOf("value=\"TO\">Tocantins<"));
		assertThat(page(get("/events/" + slug + "/register").param("lang", "en"))).contains("State",
				"<option value=\"MG\">Minas Gerais</option>", "<option value=\"OUTSIDE_BR\">Outside Brazil</option>");

		// Chosen from the list, or typed by a client that posts the name: one code.
		// Phones
		// are read as Brazilian numbers, as before.
		register(slug, "Ana Souza", "ana@example.com.br", "MG", "11 91234 5678");
		register(slug, "Bruno Lima", "bruno@example.com.br", "Minas Gerais", "+55 31 99876 5432");
		register(slug, "Carla Dias", "carla@example.com.br", "SP", "11 3123 4567");
		register(slug, "Diego Ruiz", "diego@example.mx", "OUTSIDE_BR", "+52 55 1234 5678");
		assertThat(stored("ana@example.com.br")).containsExactly("MG", "+5511912345678");
		assertThat(stored("bruno@example.com.br")).containsExactly("MG", "+5531998765432");
		assertThat(stored("carla@example.com.br")).containsExactly("SP", "+551131234567");
		assertThat(stored("diego@example.mx")).containsExactly("OUTSIDE_BR", "+525512345678");

		// A city is no state, and the state is required.
		// The refused text is not offered back as a choice.
		assertThat(page(registration(slug, "bh@example.com.br", "Belo Horizonte")))
			.contains(this.messages.getMessage("registration.error.choice", null, SPANISH))
			.doesNotContain("<option value=\"Belo Horizonte\"");
		assertThat(page(registration(slug, "blank@example.com.br", " ")))
			.contains(this.messages.getMessage("country.region.BR.required", null, SPANISH));
		assertThat(this.jdbc.sql("select count(*) from registration where email in (?, ?)")
			.params("bh@example.com.br", "blank@example.com.br")
			.query(Integer.class)
			.single()).isZero();

		// The dashboard: one Minas Gerais with both, under the country's word.
		String dashboard = page(staff(get("/admin/events/" + slug)));
		assertThat(dashboard).contains(">Estado</h2>")
			.containsPattern(">Minas Gerais</th>\\s*<td class=\"num\">2</td>")
			.containsPattern(">São Paulo</th>\\s*<td class=\"num\">1</td>")
			.containsPattern(">Fuera de Brasil</th>\\s*<td class=\"num\">1</td>")
			.doesNotContain(">MG</th>");

		// The list's filter takes the abbreviation or the name, in any case and accents.
		for (String typed : List.of("MG", "mg", "Minas Gerais", "minas gerais", "MINAS  GERAIS")) {
			String list = page(staff(get("/admin/events/" + slug + "/registrations").param("state", typed)));
			assertThat(list).as(typed)
				.contains("Ana Souza", "Bruno Lima", "<td>Minas Gerais</td>",
						"<option value=\"MG\" selected=\"selected\">Minas Gerais</option>")
				.doesNotContain("Carla Dias", "Diego Ruiz");
		}
		assertThat(page(staff(get("/admin/events/" + slug + "/registrations").param("state", "sao paulo"))))
			.contains("Carla Dias")
			.doesNotContain("Ana Souza");
		this.mvc.perform(staff(get("/admin/events/" + slug + "/registrations").param("state", "Belo Horizonte")))
			.andExpect(status().isBadRequest());

		// The exact CSV keeps the code under "Estado"; the readable one names the state.
		List<CSVRecord> csv = csv(get("/admin/events/" + slug + "/registrations.csv").param("state", "minas gerais"));
		assertThat(csv).hasSize(3);
		assertThat(csv.get(0).get(7)).isEqualTo("Estado");
		assertThat(csv.get(1).get(7)).isEqualTo("MG");
		assertThat(csv.get(2).get(7)).isEqualTo("MG");
		String readable = page(staff(get("/admin/events/" + slug + "/people.csv").param("state", "MG")));
		assertThat(readable).contains("Estado", "Minas Gerais", "Ana Souza", "Bruno Lima").doesNotContain("Carla Dias");

		// The detail page: the state's name, the number as Brazilians write it.
		long ana = id("ana@example.com.br");
		assertThat(page(staff(get("/admin/registrations/" + ana)))).contains("Minas Gerais", "(11) 91234-5678");
	}

	@Test
	void regionsTypedBeforeTheListBecomeTheirStateAndAnyOtherKeepsWorkingAsTyped() throws Exception {
		// Registrations of a Brazilian event from before the list, when its region was
		// text (the event is made Brazilian after they were stored, as V45 found them).
		TestEvents.Created event = new TestEvents(this.jdbc).event().country("US").capacity(20).create();
		TestRegistrations registrations = new TestRegistrations(this.jdbc);
		List<String> typed = List.of("MG", "Minas Gerais", " minas  GERAIS ", "SÃO PAULO", "sp", "Espirito Santo",
				"Belo Horizonte");
		for (int i = 0; i < typed.size(); i++) {
			registrations.in(event)
				.person("Pessoa " + i)
				.email("pessoa" + i + "@example.com.br")
				.state(typed.get(i))
				.city("Cidade")
				.create();
		}
		this.jdbc.sql("update event set country = 'BR', time_zone = 'America/Sao_Paulo' where id = ?")
			.param(event.id())
			.update();
		this.jdbcTemplate.execute(new ClassPathResource("db/migration/V45__brazil_state_list.sql")
			.getContentAsString(StandardCharsets.UTF_8));

		// A state's name or abbreviation, however typed, is now its code; the city stays.
		assertThat(this.jdbc.sql("select state from registration where event_id = ? order by id")
			.param(event.id())
			.query(String.class)
			.list()).containsExactly("MG", "MG", "MG", "SP", "SP", "ES", "Belo Horizonte");

		// Staff count and filter them as the states they are; the rest as typed.
		String dashboard = page(staff(get("/admin/events/" + event.slug())));
		assertThat(dashboard).containsPattern(">Minas Gerais</th>\\s*<td class=\"num\">3</td>")
			.containsPattern(">São Paulo</th>\\s*<td class=\"num\">2</td>")
			.containsPattern(">Espírito Santo</th>\\s*<td class=\"num\">1</td>")
			.containsPattern(">Belo Horizonte</th>\\s*<td class=\"num\">1</td>");
		assertThat(page(staff(get("/admin/events/" + event.slug() + "/registrations").param("state", "minas gerais"))))
			.contains("Pessoa 0", "Pessoa 1", "Pessoa 2")
			.doesNotContain("Pessoa 3", "Pessoa 6");

		// The registration whose region is a city shows it as typed, and its edit form
		// offers it beside the states: saved untouched, it stays.
		long other = id("pessoa6@example.com.br");
		assertThat(page(staff(get("/admin/registrations/" + other)))).contains("Belo Horizonte");
		assertThat(page(organizer(get("/admin/registrations/" + other + "/edit")))).contains(
				"<option value=\"Belo Horizonte\" selected=\"selected\">Belo Horizonte</option>",
				"<option value=\"MG\">Minas Gerais</option>");
		this.mvc.perform(edit(other, "Belo Horizonte")).andExpect(redirectedUrl("/admin/registrations/" + other));
		assertThat(stored("pessoa6@example.com.br").get(0)).isEqualTo("Belo Horizonte");
		// The registrant's own edit, the same way.
		String manage = "/r/" + this.tokens.issue(other);
		assertThat(page(get(manage + "/edit").param("lang", "es")))
			.contains("<option value=\"Belo Horizonte\" selected=\"selected\">Belo Horizonte</option>");
		this.mvc
			.perform(post(manage + "/edit").with(csrf())
				.param("fullName", "Pessoa 6")
				.param("email", "pessoa6@example.com.br")
				.param("company", "Discos Roma")
				.param("companyType", "INDEPENDENT_LABEL")
				.param("state", "Belo Horizonte")
				.param("city", "Belo Horizonte")
				.param("phone", "+55 31 99876 5432")
				.param("associationInterest", "YES"))
			.andExpect(redirectedUrl(manage + "?saved"));
		assertThat(this.jdbc.sql("select state || ' / ' || city from registration where id = ?")
			.param(other)
			.query(String.class)
			.single()).isEqualTo("Belo Horizonte / Belo Horizonte");
		// So does any update that writes the region back as it was.
		this.jdbc.sql("update registration set state = state, city = 'Contagem' where id = ?").param(other).update();
		// Another text is no state; choosing one stores its code.
		// The text refused is no choice; the region stored (typed before the list) still
		// is.
		assertThat(page(edit(other, "Belo Horizonte, MG")))
			.contains(this.messages.getMessage("registration.error.choice", null, SPANISH),
					"<option value=\"Belo Horizonte\">Belo Horizonte</option>")
			.doesNotContain("<option value=\"Belo Horizonte, MG\"");
		assertThat(page(edit(other, ""))).contains("<option value=\"Belo Horizonte\">Belo Horizonte</option>");
		this.mvc.perform(edit(other, "MG")).andExpect(redirectedUrl("/admin/registrations/" + other));
		assertThat(stored("pessoa6@example.com.br").get(0)).isEqualTo("MG");

		// The database refuses a new text region on a Brazilian event.
		assertThatThrownBy(() -> this.jdbc.sql("update registration set state = 'Belo Horizonte' where id = ?")
			.param(other)
			.update()).hasMessageContaining("registration_region_check");
	}

	private void register(String slug, String name, String email, String state, String phone) throws Exception {
		this.mvc.perform(registration(slug, name, email, state, phone)).andExpect(status().is3xxRedirection());
	}

	private MockHttpServletRequestBuilder registration(String slug, String email, String state) {
		return registration(slug, "Pessoa", email, state, "31 99876 5432");
	}

	private MockHttpServletRequestBuilder registration(String slug, String name, String email, String state,
			String phone) {
		return post("/events/" + slug + "/register").with(csrf())
			.param("lang", "es")
			.param("fullName", name)
			.param("email", email)
			.param("company", "Selo Independente")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", state)
			.param("city", "Belo Horizonte")
			.param("phone", phone)
			.param("associationInterest", "YES")
			.param("privacyConsent", "true");
	}

	private MockHttpServletRequestBuilder edit(long id, String state) {
		return organizer(post("/admin/registrations/" + id + "/edit")).with(csrf())
			.param("fullName", "Pessoa 6")
			.param("email", "pessoa6@example.com.br")
			.param("company", "Discos Roma")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", state)
			.param("city", "Cidade")
			.param("phone", "+55 31 99876 5432")
			.param("associationInterest", "YES");
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

	private long id(String email) {
		return this.jdbc.sql("select id from registration where email = ?").param(email).query(Long.class).single();
	}

	private List<CSVRecord> csv(MockHttpServletRequestBuilder request) throws Exception {
		String body = page(staff(request));
		return CSVFormat.DEFAULT.parse(new StringReader(body.replace("\uFEFF", ""))).getRecords();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
