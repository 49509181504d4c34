package org.winformusic.events.event.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** WIN staff create the next workshop from the Mexico one and edit its page. */
@IntegrationTest
@AutoConfigureMockMvc
public class EventAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void organizerCreatesTheNextWorkshopFromTheMexicoOneAndItGoesPublicWithItsSeats() throws Exception {
		String form = this.mvc.perform(get("/admin/events/new").param("from", "mexico-workshop").param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Hoja de ruta para crear una asociación")
			.contains("name=\"speakers[0].name\" value=\"Noemí Planas\"")
			.contains("<option value=\"MX\" selected=\"selected\">Mexico</option>");

		this.mvc.perform(colombia(post("/admin/events/new")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/events/colombia-workshop/edit"));

		var event = this.catalog.findBySlug("colombia-workshop", SupportedLocales.SPANISH).orElseThrow();
		assertThat(event.published()).isTrue();
		assertThat(event.zone().getId()).isEqualTo("America/Bogota");
		assertThat(event.country()).isEqualTo("CO");
		assertThat(event.speakers()).hasSize(1);
		assertThat(event.speakers().get(0).country()).isEqualTo("Colombia");
		assertThat(event.partners()).extracting("name", "url")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Discos Fuentes", "https://example.org/fuentes"));
		assertThat(this.catalog.availability(event.id())).isEqualTo(new EventCatalog.Availability(40, 40));
		assertThat(this.mvc.perform(get("/events/colombia-workshop"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Hoja de ruta en Colombia").contains("hora de Bogotá");
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void inconsistentFormsAreShownBackWithAMessageNextToEachField() throws Exception {
		String page = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "Bad Slug", "timeZone", "America/Nowhere",
					"speakers[0].organization", "", "country", "XX", "lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Usa solo minúsculas, números y guiones simples.")
			.contains("No es una zona horaria conocida.")
			.contains("Elige un país de la lista.")
			.contains("<span class=\"field-error\" id=\"speakers-0-organization-error\">Completa este campo.</span>");

		page = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "colombia-bad-dates", "endsAt", "2028-05-10T09:00",
					"speakers[0].country", "ZZ", "lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The end must be after the start.").contains("Choose a country from the list.");
		assertThat(this.catalog.findBySlug("colombia-bad-dates", SupportedLocales.SPANISH)).isEmpty();
	}

	@Test
	@WithMockUser(username = "organizer@win.test", roles = "ORGANIZER")
	void editingChangesThePublicPageButNeverTheSlugOrCapacity() throws Exception {
		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "peru-workshop"))
			.andExpect(status().is3xxRedirection());
		assertThat(publicPage("/events/peru-workshop")).contains("Hoja de ruta en Colombia");
		this.mvc
			.perform(colombia(post("/admin/events/peru-workshop/edit"), "slug", "hijacked", "capacity", "9999",
					"titleEs", "Hoja de ruta en Perú", "country", "PE", "timeZone", "America/Lima"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/events/peru-workshop/edit"));

		var event = this.catalog.findBySlug("peru-workshop", SupportedLocales.SPANISH).orElseThrow();
		assertThat(event.title()).isEqualTo("Hoja de ruta en Perú");
		assertThat(event.zone().getId()).isEqualTo("America/Lima");
		assertThat(this.catalog.availability(event.id()).capacity()).isEqualTo(40);
		assertThat(this.catalog.findBySlug("hijacked", SupportedLocales.SPANISH)).isEmpty();
		assertThat(this.jdbc
			.sql("select actor || ' ' || action || ' ' || split_part(details, chr(10), 1) from audit_log"
					+ " where details like 'slug=peru-workshop%' order by id")
			.query(String.class)
			.list()).containsExactly("organizer@win.test EVENT_CREATED slug=peru-workshop",
					"organizer@win.test EVENT_UPDATED slug=peru-workshop");
		// The page's cached facts are evicted by the edit: visitors see it at once.
		assertThat(publicPage("/events/peru-workshop")).contains("Hoja de ruta en Perú").contains("hora de Lima");
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void theCountryStaysOnceAnyoneRegisteredAndTheEditorSaysSoNextToTheField() throws Exception {
		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "country-free"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(colombia(post("/admin/events/country-free/edit"), "slug", "country-free", "country", "MX",
					"timeZone", "America/Mexico_City"))
			.andExpect(status().is3xxRedirection());
		assertThat(country("country-free")).isEqualTo("MX");

		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "country-locked"))
			.andExpect(status().is3xxRedirection());
		// Even a cancelled registration holds a Colombian department.
		new TestRegistrations(this.jdbc).in("country-locked")
			.status("CANCELLED")
			.fullName("Ana")
			.email("ana-country@example.org")
			.company("Sello")
			.companyType("OTHER")
			.state("DC")
			.city("Bogotá")
			.create();
		String page = this.mvc
			.perform(colombia(post("/admin/events/country-locked/edit"), "slug", "country-locked", "country", "MX",
					"timeZone", "America/Mexico_City", "titleEs", "Otro título", "lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"country-error\"")
			.contains("Ya hay personas registradas en este evento, así que su país no puede cambiar")
			.contains("value=\"Otro título\"");
		assertThat(country("country-locked")).isEqualTo("CO");
		// Everything else still saves.
		this.mvc
			.perform(colombia(post("/admin/events/country-locked/edit"), "slug", "country-locked", "titleEs",
					"Otro título"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void theRegistrationWindowFitsTheEventAndADayThatDoesNotExistIsAFieldError() throws Exception {
		String page = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "window-bad", "registrationOpensAt",
					"2028-06-01T10:00", "registrationClosesAt", "2028-05-01T10:00", "lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("El registro debe abrir antes de que empiece el evento.")
			.contains("El registro debe cerrar después de abrir.");

		page = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "window-bad", "registrationOpensAt",
					"2028-04-01T10:00", "registrationClosesAt", "2028-05-11T10:00", "lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Registration must close no later than the end of the event.");

		page = this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "window-bad", "startsAt", "2027-02-30T10:00", "endsAt",
					"2027-02-30T14:00", "registrationOpensAt", "2027-13-01T10:00", "lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"startsAt-error\">Esa fecha no existe.")
			.contains("id=\"endsAt-error\">Esa fecha no existe.")
			.contains("id=\"registrationOpensAt-error\">Esa fecha no existe.")
			.contains("value=\"2027-02-30T10:00\"");
		assertThat(this.catalog.findBySlug("window-bad", SupportedLocales.SPANISH)).isEmpty();

		// Open before the start, closing while the event runs (people at the door).
		this.mvc
			.perform(colombia(post("/admin/events/new"), "slug", "window-good", "registrationOpensAt",
					"2028-04-01T10:00", "registrationClosesAt", "2028-05-10T12:00"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.catalog.findBySlug("window-good", SupportedLocales.SPANISH)).isPresent();
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void aSlugThatIsAPathOfTheSiteIsRefused() throws Exception {
		for (String slug : new String[] { "new", "edit", "registrations", "checkin", "register", "lookup" }) {
			String page = this.mvc.perform(colombia(post("/admin/events/new"), "slug", slug, "lang", "es"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(slug)
				.contains("id=\"slug-error\">Esta dirección es parte de las páginas del sitio. Elige otra.");
			assertThat(this.catalog.findBySlug(slug, SupportedLocales.SPANISH)).as(slug).isEmpty();
		}
	}

	@Test
	@WithMockUser(roles = "ORGANIZER")
	void aNumberFieldHoldingOtherTextKeepsItWithALocalizedMessage() throws Exception {
		for (String typed : new String[] { "1e3", "9999999999" }) {
			String page = this.mvc
				.perform(colombia(post("/admin/events/new"), "slug", "retention-typed", "retentionDays", typed,
						"questions[0].id", "abc", "questions[0].kind", "SHORT_TEXT", "questions[0].labelEs", "¿Web?",
						"questions[0].labelEn", "Website?", "lang", "es"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(typed)
				.contains("id=\"retentionDays-error\">Escribe un número entero de días entre 1 y 3650, o déjalo vacío.")
				.contains("value=\"" + typed + "\"")
				.contains("Escribe un número entero.")
				.doesNotContain("Failed to convert")
				.doesNotContain("java.lang");
		}
		assertThat(this.catalog.findBySlug("retention-typed", SupportedLocales.SPANISH)).isEmpty();
	}

	private String country(String slug) {
		return this.jdbc.sql("select country from event where slug = ?").param(slug).query(String.class).single();
	}

	private String publicPage(String path) throws Exception {
		return this.mvc.perform(get(path).param("lang", "es"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	@WithMockUser(roles = "OPS")
	void opsCannotCreateOrEditEvents() throws Exception {
		this.mvc.perform(colombia(post("/admin/events/new"), "slug", "ops-event")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/events/mexico-workshop/edit")).andExpect(status().isForbidden());
		assertThat(this.catalog.findBySlug("ops-event", SupportedLocales.SPANISH)).isEmpty();
	}

	/** The editor's form for a Colombian event, with one speaker and one partner. */
	public static MockHttpServletRequestBuilder colombia(MockHttpServletRequestBuilder request, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("slug", "colombia-workshop");
		fields.put("capacity", "40");
		fields.put("titleEs", "Hoja de ruta en Colombia");
		fields.put("titleEn", "Roadmap in Colombia");
		fields.put("summaryEs", "Resumen");
		fields.put("summaryEn", "Summary");
		fields.put("descriptionEs", "Descripción");
		fields.put("descriptionEn", "Description");
		fields.put("agendaEs", "Bienvenida\nCierre");
		fields.put("agendaEn", "Welcome\nClosing");
		fields.put("aboutEs", "Sobre WIN");
		fields.put("aboutEn", "About WIN");
		fields.put("startsAt", "2028-05-10T10:00");
		fields.put("endsAt", "2028-05-10T14:00");
		fields.put("timeZone", "America/Bogota");
		fields.put("country", "CO");
		fields.put("venueName", "Sede");
		fields.put("venueAddress", "Bogotá");
		fields.put("venueMapUrl", "");
		fields.put("published", "true");
		fields.put("speakers[0].name", "Ana Pérez");
		fields.put("speakers[0].roleEs", "Directora");
		fields.put("speakers[0].roleEn", "Director");
		fields.put("speakers[0].organization", "Asociación");
		fields.put("speakers[0].country", "co");
		fields.put("partners[0].name", "Discos Fuentes");
		fields.put("partners[0].url", "https://example.org/fuentes");
		for (int i = 0; i + 1 < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		fields.forEach(request::param);
		return request.with(csrf());
	}

}
