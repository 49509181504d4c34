package org.winformusic.events.privacy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Staff export an event's registrations searching for a person by address or name; after
 * that person's data is erased, the audit log (what {@code /admin/audit} shows and what
 * the table holds) says that the export used a search, never what was searched: the
 * README promises no staff page shows an erased person.
 */
class ExportSearchErasureTests extends PersonalDataTestSupport {

	@Test
	void anExportSearchedForThePersonLeavesNeitherTheirAddressNorTheirNameAfterErasure() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 7171 8181");
		String slug = event(Duration.ofDays(30), 5);
		register(slug, person);

		this.mvc.perform(asOps(get("/admin/events/" + slug + "/registrations.csv").param("q", person.email())));
		this.mvc.perform(asOps(get("/admin/events/" + slug + "/people.csv").param("q", person.fullName())
			.param("status", "CONFIRMED")));
		this.mvc.perform(asAdmin(post("/admin/privacy/erase")).param("email", person.email()).param("confirm", "true"))
			.andExpect(redirectedUrl("/admin/privacy"));

		assertThat(whereStored(marker)).containsOnly("registration_blocked_data.data");
		long event = this.jdbc.sql("select id from event where slug = ?").param(slug).query(Long.class).single();
		String audit = body(asAdmin(get("/admin/audit")).param("lang", "es").param("event", String.valueOf(event)));
		assertThat(audit).contains("CSV para importar (con códigos), 1 fila, con una búsqueda")
			.contains("CSV para consulta, 1 fila, con una búsqueda, Situación: Confirmado")
			.doesNotContain(marker);
		assertThat(body(asAdmin(get("/admin/audit")).param("lang", "en").param("event", String.valueOf(event))))
			.contains("CSV for imports (with codes), 1 row, with a search")
			.doesNotContain(marker);
	}

	/**
	 * The entries written before exports stopped keeping the searched text lose it to the
	 * migration, and keep the filters that are codes.
	 */
	@Test
	void theMigrationDropsTheSearchedTextOfEarlierExports() throws Exception {
		String marker = marker();
		String[][] cases = {
				{ "format=CSV, rows=1, q=" + marker + ".ana@example.org", "format=CSV, rows=1, search=yes" },
				{ "format=PEOPLE_XLSX, rows=12, q=Ana " + marker + ", de Discos, status=CONFIRMED, state=JAL, choice=7",
						"format=PEOPLE_XLSX, rows=12, search=yes, status=CONFIRMED, state=JAL, choice=7" },
				{ "format=CSV, rows=3, q=" + marker + " Souza, state=São Paulo, checkedIn=true",
						"format=CSV, rows=3, search=yes, state=São Paulo, checkedIn=true" },
				{ "format=XLSX, rows=0, status=WAITLISTED", "format=XLSX, rows=0, status=WAITLISTED" } };
		for (String[] entry : cases) {
			this.jdbc.sql("""
					insert into audit_log (at, actor, action, details)
					values (now(), ?, 'REGISTRATIONS_EXPORTED', ?)""").params("migration-" + marker, entry[0]).update();
		}
		String migration = new ClassPathResource("db/migration/V46__export_audit_without_search_text.sql")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		this.jdbc.sql(migration).update();

		assertThat(this.jdbc.sql("select details from audit_log where actor = ? order by id")
			.param("migration-" + marker)
			.query(String.class)
			.list()).containsExactly(cases[0][1], cases[1][1], cases[2][1], cases[3][1]);
		assertThat(whereStored(marker)).doesNotContain("audit_log.details");
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder asOps(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return request.with(user("privacy-ops@win.test").roles("OPS")).with(csrf());
	}

}
