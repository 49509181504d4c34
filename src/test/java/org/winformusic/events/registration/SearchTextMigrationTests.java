package org.winformusic.events.registration;

import java.sql.Connection;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V48 (a Java migration, {@link SearchTextWithoutApostrophes}): registrations stored
 * before searches ignored apostrophes are found by "O’Connor" and "oconnor" once it ran;
 * the others, and erased ones, keep their text.
 */
@IntegrationTest
class SearchTextMigrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	RegistrationSearch search;

	@Test
	void flywayRanItAsVersion48() {
		assertThat(this.jdbc.sql("select description from flyway_schema_history where version = '48' and success")
			.query(String.class)
			.list()).containsExactly("search text without apostrophes");
	}

	@Test
	void rowsStoredWithApostrophesAreFoundWithAnyOrNoneAfterTheMigration() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(10).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long renee = stored(data.in(event)
			.person("Renée O'Connor Saldaña")
			.email(TestRegistrations.uniqueEmail("p"))
			.company("Sello Roma")
			.create()
			.id());
		long sinead = stored(data.in(event)
			.person("Sinéad O’Brien Yáñez")
			.email(TestRegistrations.uniqueEmail("p"))
			.company("D’Amico Discos")
			.create()
			.id());
		long tomas = stored(data.in(event)
			.person("Tomás O´Neill Ruiz")
			.email(TestRegistrations.uniqueEmail("p"))
			.company("Ediciones Sur")
			.create()
			.id());
		long wide = stored(data.in(event)
			.person("Ana L＇Estrange")
			.email(TestRegistrations.uniqueEmail("p"))
			.company("Sello Uno")
			.create()
			.id());
		long plain = stored(data.in(event)
			.person("José Peña")
			.email(TestRegistrations.uniqueEmail("p"))
			.company("Discos Ñandú")
			.create()
			.id());
		long erased = data.in(event)
			.person("Pat D'Arcy")
			.email(TestRegistrations.uniqueEmail("p"))
			.company("Sello Dos")
			.create()
			.id();
		this.jdbc.sql("update registration set search_text = '', anonymized_at = now() where id = ?")
			.param(erased)
			.update();
		String plainBefore = searchText(plain);
		assertThat(searchText(renee)).startsWith("renee o'connor saldana ");
		assertThat(names(event, "O’Connor")).isEmpty();
		assertThat(names(event, "oconnor")).isEmpty();

		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			assertThat(SearchTextWithoutApostrophes.migrate(connection)).isEqualTo(4);
			connection.commit();
		}

		assertThat(searchText(renee)).startsWith("renee oconnor saldana ");
		assertThat(searchText(sinead)).startsWith("sinead obrien yanez ").endsWith(" damico discos");
		assertThat(searchText(tomas)).startsWith("tomas oneill ruiz ");
		assertThat(searchText(wide)).startsWith("ana lestrange ");
		assertThat(searchText(plain)).isEqualTo(plainBefore);
		assertThat(searchText(erased)).isEmpty();
		assertThat(names(event, "O’Connor")).containsExactly("Renée O'Connor Saldaña");
		assertThat(names(event, "obrien")).containsExactly("Sinéad O’Brien Yáñez");
		assertThat(names(event, "d'amico")).containsExactly("Sinéad O’Brien Yáñez");
		assertThat(names(event, "o'neill")).containsExactly("Tomás O´Neill Ruiz");
		assertThat(names(event, "l'estrange")).containsExactly("Ana L＇Estrange");
	}

	/**
	 * Stores the search text as it was computed before V48 (apostrophes kept, ´ a space).
	 */
	private long stored(long id) {
		this.jdbc.sql("select full_name || ' ' || email || ' ' || company from registration where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.ifPresent((text) -> this.jdbc.sql("update registration set search_text = ? where id = ?")
				.params(Normalizer.normalize(text, Normalizer.Form.NFKD)
					.replaceAll("\\p{M}+", "")
					.toLowerCase(Locale.ROOT)
					.strip(), id)
				.update());
		return id;
	}

	private String searchText(long id) {
		return this.jdbc.sql("select search_text from registration where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private List<String> names(TestEvents.Created event, String q) {
		return this.search
			.search(event.id(),
					new RegistrationQuery(new RegistrationFilter(q, null, null, null, null, null),
							RegistrationSort.DEFAULT),
					0, 50)
			.getContent()
			.stream()
			.map(RegistrationRow::fullName)
			.toList();
	}

}
