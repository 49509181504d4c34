package org.winformusic.events.registration;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registrations list at a realistic size reads only its indexes: PostgreSQL's plan
 * for the count and the page of every search, filter and sort (first page, a deep keyset
 * page, and the page before it) holds no sequential scan of {@code registration}. A
 * change that brings back an OFFSET walk or a query no index serves fails here, whatever
 * the speed of the machine.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationListPlanTests {

	/**
	 * The event under test; four other events hold eight times as many rows, as a table
	 * of many events does. With twice as many (60 000 rows in all) a parallel scan of the
	 * whole table was priced under a walk of the event's index for 2 400 rows in one run
	 * of the whole suite, whose other tests leave rows of their own.
	 */
	static final int ROWS = 20_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistrationSearch search;

	@Autowired
	PlatformTransactionManager transactions;

	TestEvents.Created event;

	/**
	 * A choice of the event's own one-choice question that a fifth of its people chose.
	 */
	long choice;

	/** A yes/no question of the event: a fifth of its people answered yes. */
	long group;

	@BeforeAll
	void seed() {
		TestEvents testEvents = new TestEvents(this.jdbc);
		this.event = testEvents.event().capacity(1).create();
		List<Long> events = new ArrayList<>(List.of(this.event.id()));
		for (int i = 0; i < 4; i++) {
			events.add(testEvents.event().capacity(1).create().id());
		}
		for (int e = 0; e < events.size(); e++) {
			int rows = (e == 0) ? ROWS : ROWS * 2;
			this.jdbc
				.sql("""
						insert into registration (event_id, status, full_name, email, company, company_type, state, city,
						  association_interest, privacy_consent_version, privacy_consent_at, locale, created_at, updated_at,
						  checked_in_at, waitlist_seq, search_text)
						select :event, (array['CONFIRMED','CONFIRMED','CONFIRMED','WAITLISTED','CANCELLED','PENDING'])[1 + g % 6],
						  n.name, 'p' || g || '-' || :event || '@example.test', 'Discos ' || n.name,
						  (array['INDEPENDENT_LABEL','DISTRIBUTOR','PUBLISHER','MANAGEMENT','BOOKING_PROMOTER','OTHER'])[1 + g % 6],
						  (array['CMX','JAL','NLE','PUE','YUC','OAX','OUTSIDE_MX'])[1 + g % 7], 'Ciudad',
						  (array['YES','MAYBE','NO'])[1 + g % 3], '2026-01', now(), 'es',
						  now() - g * interval '1 minute', now(), case when g % 10 = 0 and g % 6 < 3 then now() end, -- checked in: confirmed ones only
						  case when g % 6 = 3 then nextval('waitlist_seq') end,
						  lower(n.name) || ' p' || g || '@example.test discos ' || lower(n.name)
						from generate_series(1, :rows) g
						cross join lateral (select (array['Jose','Maria','Sofia','Andres','Lucia','Raul','Itzel','Pablo'])[1 + g % 8]
						  || ' ' || (array['Garcia','Pena','Ordonez','Zuniga','Mejia','Castaneda','Flores','Cruz','Reyes'])[1 + (g / 8) % 9]
						  || ' ' || substr(md5(g::text), 1, 8) as name) n
						""")
				.param("event", events.get(e))
				.param("rows", rows)
				.update();
		}
		long question = testEvents.question(this.event.id(), "ONE_CHOICE", "¿Qué te interesa?", "What interests you?",
				true, "Giras", "Touring", "Derechos", "Rights");
		List<Long> choices = this.jdbc.sql("select id from event_question_choice where question_id = ? order by id")
			.param(question)
			.query(Long.class)
			.list();
		this.choice = choices.get(0);
		this.jdbc.sql("""
				insert into registration_answer_choice (registration_id, question_id, choice_id)
				select id, :question, case when id % 5 = 0 then :first else :second end
				  from registration where event_id = :event
				""")
			.param("question", question)
			.param("first", choices.get(0))
			.param("second", choices.get(1))
			.param("event", this.event.id())
			.update();
		this.jdbc.sql("vacuum analyze registration_answer_choice").update();
		// A yes/no question: a fifth answered yes, the others no.
		this.group = testEvents.question(this.event.id(), "YES_NO", "¿Vienes en grupo?", "Are you coming as a group?",
				true);
		this.jdbc.sql("""
				insert into registration_answer (registration_id, question_id, yes_no)
				select id, :question, id % 5 = 0 from registration where event_id = :event
				""").param("question", this.group).param("event", this.event.id()).update();
		this.jdbc.sql("vacuum analyze registration_answer").update();
		// What autovacuum does within a minute of a bulk load: statistics and the
		// visibility map (without it the planner prices index-only scans as if every row
		// were fetched).
		this.jdbc.sql("vacuum analyze registration").update();
	}

	@Test
	void searchesFiltersAndSortsNeverScanTheWholeTable() {
		List<RegistrationFilter> filters = List.of(RegistrationFilter.ALL, text("garcia"), text("pena ord"),
				text("p1234"), new RegistrationFilter(null, RegistrationStatus.WAITLISTED, null, null, null, null),
				new RegistrationFilter(null, RegistrationStatus.CONFIRMED, null, null, null, null),
				new RegistrationFilter(null, null, CompanyType.PUBLISHER, "JAL", null, null),
				new RegistrationFilter(null, null, null, "CMX", null, null),
				new RegistrationFilter(null, RegistrationStatus.CONFIRMED, null, null, AssociationInterest.YES, null),
				new RegistrationFilter(null, null, null, null, null, true),
				new RegistrationFilter(null, null, null, null, null, false),
				new RegistrationFilter("discos", null, CompanyType.DISTRIBUTOR, null, null, null),
				new RegistrationFilter(null, null, null, null, null, null, this.choice),
				new RegistrationFilter(null, RegistrationStatus.CONFIRMED, null, null, null, null, this.choice),
				new RegistrationFilter(null, null, null, null, null, null, null,
						new RegistrationFilter.YesNo(this.group, true)),
				new RegistrationFilter(null, RegistrationStatus.CONFIRMED, null, null, null, null, null,
						new RegistrationFilter.YesNo(this.group, true)));
		int explained = 0;
		for (RegistrationFilter filter : filters) {
			for (RegistrationSort.Column column : RegistrationSort.Column.values()) {
				// Descending reads the same index backwards: checked for two of the
				// filters.
				boolean both = filter.equals(RegistrationFilter.ALL) || filter.q() != null;
				for (boolean ascending : both ? new boolean[] { true, false } : new boolean[] { true }) {
					RegistrationSort sort = new RegistrationSort(column, ascending);
					for (ListCursor cursor : cursors(filter, sort)) {
						for (RegistrationSearch.Statement statement : this.search.statements(this.event.id(), filter,
								sort, cursor, 0, 50)) {
							String plan = explain(statement);
							if (statement.sql().contains(":count_limit") && plan.contains("Seq Scan on registration")) {
								// A scan under the cap stops after count_limit matching
								// rows, and PostgreSQL rightly prefers it when more rows
								// match than the cap: allowed only then, so a rare filter
								// still has to use an index.
								assertThat(plan).as("capped count %s", statement.sql()).contains("Limit");
								assertThat(this.jdbc.sql(statement.sql())
									.params(statement.params())
									.query(Long.class)
									.list()).as("rows counted by the scan for %s", filter)
									.hasSizeGreaterThan(RegistrationSearch.EXACT_COUNT_LIMIT);
								explained++;
								continue;
							}
							assertThat(plan).as("plan of %s for %s sorted by %s", statement.sql(), filter, sort)
								.doesNotContain("Seq Scan on registration");
							explained++;
						}
					}
				}
			}
		}
		assertThat(explained).isGreaterThan(filters.size() * RegistrationSort.Column.values().length * 3 * 2);
	}

	@Test
	void aSearchReadsItsOwnEventsPartOfTheSearchIndexNotTheOtherEventsRows() {
		// The four other events have the same names: with one trigram index for every
		// event, their matching rows were fetched and dropped (Rows Removed by Filter).
		for (RegistrationFilter filter : List.of(text("garcia"), text("itzel"))) {
			RegistrationSearch.Statement count = this.search
				.statements(this.event.id(), filter, RegistrationSort.DEFAULT, null, 0, 50)
				.get(0);
			String plan = String.join("\n",
					this.jdbc.sql("explain (analyze, costs off) " + count.sql())
						.params(count.params())
						.query(String.class)
						.list());
			assertThat(plan).as("plan of %s", count.sql())
				.contains("Bitmap Index Scan on registration_list_keys_idx")
				.doesNotContain("Rows Removed by Filter")
				.doesNotContain("Seq Scan on registration");
		}
		// More matches than the exact count reaches: the page walks the sort index and
		// checks the LIKE on each row. PostgreSQL cannot estimate the search keys (it
		// guesses a few hundred rows), and with them it read and sorted all 100 000
		// matches of a 500 000-row event for a page of 50.
		RegistrationFilter many = text("garcia");
		RegistrationList first = this.search.list(this.event.id(), many, RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(first.totalExact()).isFalse();
		assertThat(first.totalElements()).as("the estimate of 2 222 matches")
			.isGreaterThan(RegistrationSearch.EXACT_COUNT_LIMIT + 1);
		List<RegistrationSearch.Statement> statements = this.search.statements(this.event.id(), many,
				RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(explain(statements.get(1))).contains("Index Scan using registration_event_created_idx")
			.doesNotContain("registration_list_keys");
	}

	@Test
	void aSearchWithFiltersIsNarrowedInsideTheSearchIndex() {
		// 2 500 Itzels in the event, none of them a distributor (names follow g % 8,
		// types
		// g % 6). With the trigrams alone in the index, every Itzel was fetched from the
		// table and dropped on its type.
		for (RegistrationFilter filter : List.of(
				new RegistrationFilter("itzel", null, CompanyType.DISTRIBUTOR, null, null, null),
				new RegistrationFilter("itzel", RegistrationStatus.WAITLISTED, null, "OUTSIDE_MX", null, null))) {
			List<RegistrationSearch.Statement> statements = this.search.statements(this.event.id(), filter,
					RegistrationSort.DEFAULT, null, 0, 50);
			assertThat(statements).as("nobody matches %s", filter).hasSize(1);
			String plan = String.join("\n",
					this.jdbc.sql("explain (analyze, costs off) " + statements.get(0).sql())
						.params(statements.get(0).params())
						.query(String.class)
						.list());
			assertThat(plan).as("plan of %s", filter)
				.contains("Bitmap Index Scan on registration_list_keys_idx")
				.doesNotContain("Rows Removed by Filter");
		}
		// The keys narrow, the conditions decide: the same rows as the plain conditions.
		RegistrationFilter some = new RegistrationFilter("itzel", RegistrationStatus.CONFIRMED, CompanyType.PUBLISHER,
				null, null, null);
		RegistrationList shown = this.search.list(this.event.id(), some, RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(shown.totalElements()).isPositive()
			.isEqualTo(this.jdbc
				.sql("select count(*) from registration where event_id = ? and search_text like '%itzel%'"
						+ " and status = 'CONFIRMED' and company_type = 'PUBLISHER'")
				.param(this.event.id())
				.query(Long.class)
				.single());
	}

	@Test
	void matchesTooRareForTheWalkOfTheSortIndexAreReadThroughTheSearchIndexAndSorted() {
		// 1 200 matches, all after the first 5 000 rows in the default order (oldest
		// first): the bounded walk finds none, and the page comes from all the matches.
		TestEvents.Created rare = new TestEvents(this.jdbc).event().capacity(1).create();
		this.jdbc
			.sql("""
					insert into registration (event_id, status, full_name, email, company, company_type, state, city,
					  association_interest, privacy_consent_version, privacy_consent_at, locale, created_at, updated_at,
					  search_text)
					select :event, 'CONFIRMED', 'Persona ' || g, 'r' || g || '@example.test', 'Sello', 'OTHER', 'CMX',
					  'Ciudad', 'NO', '2026-01', now(), 'es', timestamptz '2026-01-01 00:00Z' + g * interval '1 minute', now(),
					  case when g > :walk then 'zzrara ' else '' end || 'persona ' || g || ' r' || g || '@example.test sello'
					from generate_series(1, :walk + 1200) g
					""")
			.param("event", rare.id())
			.param("walk", RegistrationSearch.WALK_LIMIT)
			.update();
		RegistrationFilter filter = text("zzrara");
		List<RegistrationSearch.Statement> statements = this.search.statements(rare.id(), filter,
				RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(statements).hasSize(3);
		RegistrationList first = this.search.list(rare.id(), filter, RegistrationSort.DEFAULT, null, 0, 50);
		RegistrationList second = this.search.list(rare.id(), filter, RegistrationSort.DEFAULT,
				ListCursor.decode(first.nextCursor(), RegistrationSort.DEFAULT), 0, 50);
		assertThat(first.totalExact()).isFalse();
		List<Long> expected = this.jdbc
			.sql("select id from registration r where event_id = ? and search_text like 'zzrara%'"
					+ RegistrationSort.DEFAULT.orderBy() + " limit 100")
			.param(rare.id())
			.query(Long.class)
			.list();
		List<Long> shown = new ArrayList<>();
		first.content().forEach((row) -> shown.add(row.id()));
		second.content().forEach((row) -> shown.add(row.id()));
		assertThat(shown).hasSize(100).isEqualTo(expected);
	}

	@Test
	void aDeepPageIsReadFromTheIndexAfterTheLastRowNotBySkippingRows() {
		RegistrationSort sort = RegistrationSort.DEFAULT;
		RegistrationList first = this.search.list(this.event.id(), RegistrationFilter.ALL, sort, null, 0, 50);
		ListCursor next = ListCursor.decode(first.nextCursor(), sort);
		List<RegistrationSearch.Statement> statements = this.search.statements(this.event.id(), RegistrationFilter.ALL,
				sort, next, 0, 50);
		assertThat(statements.get(1).sql()).doesNotContainIgnoringCase("offset");
		assertThat(explain(statements.get(1))).contains("Index Scan using registration_event_created_idx");
		// Names and companies in Spanish order (V42): the key's own index, read in order
		// from the cursor, never all rows sorted.
		for (RegistrationSort.Column column : List.of(RegistrationSort.Column.name, RegistrationSort.Column.company)) {
			for (boolean ascending : new boolean[] { true, false }) {
				RegistrationSort byText = new RegistrationSort(column, ascending);
				RegistrationList page = this.search.list(this.event.id(), RegistrationFilter.ALL, byText, null, 0, 50);
				String plan = explain(this.search
					.statements(this.event.id(), RegistrationFilter.ALL, byText,
							ListCursor.decode(page.nextCursor(), byText), 0, 50)
					.get(1));
				assertThat(plan).as("plan of the second page by %s", byText)
					.contains("Index Scan" + (ascending ? "" : " Backward") + " using registration_event_"
							+ column.name() + "_idx")
					.doesNotContain("Sort");
			}
		}
	}

	@Test
	void theTotalIsExactWhenSmallOrTalliedAndMarkedAsAnEstimateOtherwise() {
		// Large, but counted by the dashboard's tallies: the list says what it says.
		RegistrationList all = this.search.list(this.event.id(), RegistrationFilter.ALL, RegistrationSort.DEFAULT, null,
				0, 50);
		assertThat(all.totalExact()).isTrue();
		assertThat(all.totalElements()).isEqualTo(count("true")).isGreaterThan(RegistrationSearch.EXACT_COUNT_LIMIT);
		RegistrationList confirmed = this.search.list(this.event.id(),
				new RegistrationFilter(null, RegistrationStatus.CONFIRMED, null, null, null, null),
				RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(confirmed.totalExact()).isTrue();
		assertThat(confirmed.totalElements()).isEqualTo(count("status = 'CONFIRMED'"))
			.isGreaterThan(RegistrationSearch.EXACT_COUNT_LIMIT);
		RegistrationList arrived = this.search.list(this.event.id(),
				new RegistrationFilter(null, null, null, null, null, true), RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(arrived.totalExact()).isTrue();
		assertThat(arrived.totalElements()).isEqualTo(count("checked_in_at is not null"))
			.isGreaterThan(RegistrationSearch.EXACT_COUNT_LIMIT);
		// Any other filter that matches many: the planner's estimate, said to be one.
		RegistrationList answered = this.search.list(this.event.id(),
				new RegistrationFilter(null, null, null, null, null, null, this.choice + 1), RegistrationSort.DEFAULT,
				null, 0, 50);
		assertThat(answered.totalExact()).isFalse();
		assertThat(answered.totalElements()).isGreaterThan(RegistrationSearch.EXACT_COUNT_LIMIT);
		RegistrationList publishersInJalisco = this.search.list(this.event.id(),
				new RegistrationFilter(null, null, CompanyType.PUBLISHER, "JAL", null, null), RegistrationSort.DEFAULT,
				null, 0, 50);
		assertThat(publishersInJalisco.totalExact()).isTrue();
		assertThat(publishersInJalisco.totalElements()).isPositive()
			.isEqualTo(this.jdbc.sql(
					"select count(*) from registration where event_id = ? and company_type = 'PUBLISHER' and state = 'JAL'")
				.param(this.event.id())
				.query(Long.class)
				.single());
	}

	private long count(String condition) {
		return this.jdbc.sql("select count(*) from registration where event_id = ? and " + condition)
			.param(this.event.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aFilterIsCountedAndPagedAsPostgresPlansForAllItsRowsNotForTheFirstFew() {
		// Waitlisted independent labels: none in this data (status and company
		// type follow the same g % 6), while PostgreSQL, taking the columns as
		// independent, expects hundreds. Planned under a LIMIT it would walk the
		// event's index to the end.
		RegistrationFilter nobody = new RegistrationFilter(null, RegistrationStatus.WAITLISTED,
				CompanyType.INDEPENDENT_LABEL, null, null, null);
		List<RegistrationSearch.Statement> statements = this.search.statements(this.event.id(), nobody,
				RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(statements).as("no page query when nothing matches").hasSize(1);
		assertThat(explain(statements.get(0))).contains("CTE Scan on m");
		RegistrationList none = this.search.list(this.event.id(), nobody, RegistrationSort.DEFAULT, null, 0, 50);
		assertThat(none.content()).isEmpty();
		assertThat(none.totalElements()).isZero();
		assertThat(none.totalExact()).isTrue();

		// A few hundred rows: the rows counted read again by id (not searched for again)
		// and sorted, the same rows in the same order as the index gives them.
		RegistrationFilter few = new RegistrationFilter(null, null, CompanyType.PUBLISHER, "JAL", null, null);
		for (RegistrationSort sort : List.of(RegistrationSort.DEFAULT,
				new RegistrationSort(RegistrationSort.Column.name, false))) {
			List<RegistrationSearch.Statement> page = this.search.statements(this.event.id(), few, sort, null, 0, 50);
			// Through the primary key or an index of the filter's columns that holds id:
			// either way the counted ids are the index condition (which one PostgreSQL
			// picks depends on the statistics ANALYZE sampled).
			assertThat(explain(page.get(1))).containsPattern("Index Cond: .*\\(id = ANY").doesNotContain("Seq Scan");
			RegistrationList first = this.search.list(this.event.id(), few, sort, null, 0, 50);
			RegistrationList second = this.search.list(this.event.id(), few, sort,
					ListCursor.decode(first.nextCursor(), sort), 0, 50);
			List<Long> expected = this.jdbc
				.sql("select id from registration r where event_id = ?"
						+ " and company_type = 'PUBLISHER' and state = 'JAL'" + sort.orderBy() + " limit 100")
				.param(this.event.id())
				.query(Long.class)
				.list();
			List<Long> shown = new ArrayList<>();
			first.content().forEach((row) -> shown.add(row.id()));
			second.content().forEach((row) -> shown.add(row.id()));
			assertThat(shown).as("two pages sorted by %s", sort).isEqualTo(expected);
		}
	}

	@Test
	void theListsStatementsArePlannedForTheirValuesWithoutChangingThePoolsConnections() {
		// A generic plan (PostgreSQL's choice for a statement the driver has prepared
		// after a few runs) guesses event_id = $1 from the number of events: with 960
		// small events beside a 500 000-row one, the search read the big event through
		// its event_id index and took twice the database time.
		String inside = new TransactionTemplate(this.transactions).execute((status) -> {
			this.search.list(this.event.id(), text("garcia"), RegistrationSort.DEFAULT, null, 0, 50);
			return this.jdbc.sql("show plan_cache_mode").query(String.class).single();
		});
		assertThat(inside).isEqualTo("force_custom_plan");
		assertThat(this.jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
	}

	@Test
	void theIndexKeysAreStillWhatTheSearchIndexWasBuiltWith() {
		// V25 moved the key functions from SQL-standard bodies (V22, V23) to PL/pgSQL
		// without rebuilding the index: for rows seeded here and for accents, a ñ, an
		// address, digits and missing fields, they must give what the old bodies gave.
		String sample = """
				(values (1::bigint, 'maría josé hernández lópez discos ñandú maria.jose@gmail.com 5512345678'::text,
				         'INDEPENDENT_LABEL'::text, 'JAL'::text, 'YES'::text, 'CONFIRMED'::text),
				        (22, 'ÁNGEL ZÚÑIGA  peña-ordóñez', null, null, null, 'WAITLISTED'),
				        (3, '', 'OTHER', 'OUTSIDE_MX', 'NO', 'CANCELLED'),
				        (4, null, 'OTHER', 'CMX', 'MAYBE', 'PENDING'))
				  s (event_id, search_text, company_type, state, association_interest, status)
				""";
		String seeded = "(select event_id, search_text, company_type, state, association_interest, status"
				+ " from registration where event_id = " + this.event.id() + " limit 500) s";
		for (String rows : List.of(sample, seeded)) {
			long differing = this.jdbc
				.sql("""
						select count(*) from %s
						 where registration_list_keys(event_id, search_text, company_type, state, association_interest, status)
						       is distinct from
						       array(select event_id || ':' || t from unnest(show_trgm(search_text)) t where strpos(t, ' ') = 0)
						       || array[event_id || ':s:' || status, event_id || ':t:' || company_type,
						                event_id || ':e:' || state, event_id || ':i:' || association_interest]
						    or registration_search_keys(event_id, search_text) is distinct from
						       case when search_text is not null then
						       array(select event_id || ':' || t from unnest(show_trgm(search_text)) t where strpos(t, ' ') = 0)
						       end
						"""
					.formatted(rows))
				.query(Long.class)
				.single();
			assertThat(differing).isZero();
		}
	}

	@Test
	void aRegionTypedInSeveralSpellingsIsFilteredThroughTheStateIndex() {
		// An event of 6 000 in a country whose region is typed (Portugal, where people
		// from Brazil typed theirs): 1 200 in São Paulo typed three ways, among the other
		// events' 60 000 rows. The spellings come from the tallies; the rows through the
		// state index, every spelling a probe.
		TestEvents.Created brazil = new TestEvents(this.jdbc).event().country("PT").capacity(1).create();
		this.jdbc
			.sql("""
					insert into registration (event_id, status, full_name, email, company, company_type, state, city,
					  association_interest, privacy_consent_version, privacy_consent_at, locale, created_at, updated_at,
					  search_text)
					select :event, 'CONFIRMED', 'Pessoa ' || g, 'b' || g || '@example.test', 'Selo', 'OTHER',
					  case when g % 5 = 0 then (array['São Paulo','sao paulo','SÃO PAULO'])[1 + g % 3]
					       else (array['Rio de Janeiro','Minas Gerais','Bahia','Paraná'])[1 + g % 4] end,
					  'Cidade', 'NO', '2026-01', now(), 'es', timestamptz '2026-01-01 00:00Z' + g * interval '1 minute', now(),
					  'pessoa ' || g || ' b' || g || '@example.test selo'
					from generate_series(1, 6000) g
					""")
			.param("event", brazil.id())
			.update();
		assertThat(RegionSpellings.of(this.jdbc, brazil.id(), "Sao  Paulo")).containsExactlyInAnyOrder("SÃO PAULO",
				"Sao  Paulo", "São Paulo", "sao paulo");
		for (RegistrationFilter filter : List.of(new RegistrationFilter(null, null, null, "Sao  Paulo", null, null),
				new RegistrationFilter("pessoa 1", null, null, "são paulo", null, null), new RegistrationFilter(null,
						RegistrationStatus.CONFIRMED, CompanyType.OTHER, "SAO PAULO", null, null))) {
			for (RegistrationSort sort : List.of(RegistrationSort.DEFAULT,
					new RegistrationSort(RegistrationSort.Column.name, false))) {
				for (RegistrationSearch.Statement statement : this.search.statements(brazil.id(), filter, sort, null, 0,
						50)) {
					String plan = explain(statement);
					if (statement.sql().contains(":count_limit") && plan.contains("Seq Scan on registration")) {
						assertThat(plan).as("capped count %s", statement.sql()).contains("Limit");
						continue;
					}
					assertThat(plan).as("plan of %s for %s sorted by %s", statement.sql(), filter, sort)
						.doesNotContain("Seq Scan on registration");
				}
			}
		}
		RegistrationList list = this.search.list(brazil.id(),
				new RegistrationFilter(null, null, null, "sao paulo", null, null), RegistrationSort.DEFAULT, null, 0,
				50);
		assertThat(list.totalElements()).as("estimated").isGreaterThan(RegistrationSearch.EXACT_COUNT_LIMIT);
		assertThat(list.content()).hasSize(50)
			.extracting(RegistrationRow::state)
			.containsOnly("São Paulo", "sao paulo", "SÃO PAULO")
			.contains("São Paulo", "sao paulo", "SÃO PAULO");
	}

	/** No cursor, a cursor deep in the list going forwards, and one going backwards. */
	private List<ListCursor> cursors(RegistrationFilter filter, RegistrationSort sort) {
		List<ListCursor> cursors = new ArrayList<>();
		cursors.add(null);
		RegistrationList page = this.search.list(this.event.id(), filter, sort, null, 40, 50);
		ListCursor next = ListCursor.decode(page.nextCursor(), sort);
		ListCursor previous = ListCursor.decode(page.previousCursor(), sort);
		cursors
			.add((next != null) ? next : new ListCursor(sort, true, 1, sort.column().temporal() ? "infinity" : "m", 0));
		cursors.add((previous != null) ? previous
				: new ListCursor(sort, false, 1, sort.column().temporal() ? "infinity" : "m", 60));
		return cursors;
	}

	private String explain(RegistrationSearch.Statement statement) {
		return String.join("\n",
				this.jdbc.sql("explain " + statement.sql()).params(statement.params()).query(String.class).list());
	}

	private static RegistrationFilter text(String q) {
		return new RegistrationFilter(q, null, null, null, null, null);
	}

}
