package org.winformusic.events.registration;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The filter as SQL: user input only ever in parameters. */
class RegistrationFilterSqlTests {

	@Test
	void anEmptyFilterSelectsEverything() {
		RegistrationFilterSql sql = RegistrationFilterSql.of(7, RegistrationFilter.ALL, "r");
		assertThat(sql.condition()).isEqualTo("true");
		assertThat(sql.params()).isEmpty();
	}

	@Test
	void everyCriterionBecomesAParameterAndTheSearchIsNormalizedWithLiteralWildcards() {
		RegistrationFilter filter = new RegistrationFilter("  Peña_100%' or 1=1 -- ", RegistrationStatus.WAITLISTED,
				CompanyType.PUBLISHER, "JAL", AssociationInterest.MAYBE, false);

		RegistrationFilterSql sql = RegistrationFilterSql.of(7, filter, "r");

		assertThat(sql.condition()).isEqualTo("registration_list_keys(r.event_id, r.search_text, r.company_type,"
				+ " r.state, r.association_interest, r.status) @> (registration_search_keys(:filter_event_id,"
				+ " :filter_words) || cast(array[:filter_keys] as text[]))"
				+ " and r.search_text like '%' || :filter_q || '%' escape '\\'"
				+ " and r.status = :filter_status and r.company_type = :filter_company_type"
				+ " and r.state = :filter_state and r.association_interest = :filter_association_interest"
				+ " and r.checked_in_at is null");
		// The apostrophe is left out as searchable text leaves it out of names.
		assertThat(sql.params()).isEqualTo(Map.of("filter_event_id", 7L, "filter_words", "pena_100% or 1=1 --",
				"filter_q", "pena\\_100\\% or 1=1 --", "filter_status", "WAITLISTED", "filter_company_type",
				"PUBLISHER", "filter_state", "JAL", "filter_association_interest", "MAYBE", "filter_keys",
				List.of("7:s:WAITLISTED", "7:t:PUBLISHER", "7:e:JAL", "7:i:MAYBE")));
	}

	@Test
	void aSearchAloneAsksTheIndexForItsTrigramsOnly() {
		RegistrationFilterSql sql = RegistrationFilterSql.of(7,
				new RegistrationFilter("Itzel", null, null, null, null, null), "r");

		assertThat(sql.condition()).isEqualTo("registration_list_keys(r.event_id, r.search_text, r.company_type,"
				+ " r.state, r.association_interest, r.status) @> registration_search_keys(:filter_event_id, :filter_words)"
				+ " and r.search_text like '%' || :filter_q || '%' escape '\\'");
		assertThat(sql.params()).containsOnlyKeys("filter_event_id", "filter_words", "filter_q");
	}

	@Test
	void aSearchWithoutThreeLettersOrDigitsInARowHasNoTrigramToLookUpAndIsTheLikeAlone() {
		for (String q : List.of("mx", "Ó5", "a.b c-d", "50 %")) {
			RegistrationFilterSql sql = RegistrationFilterSql.of(7,
					new RegistrationFilter(q, null, null, null, null, null), "r");

			assertThat(sql.condition()).as(q).isEqualTo("r.search_text like '%' || :filter_q || '%' escape '\\'");
			assertThat(sql.params()).as(q).containsOnlyKeys("filter_q");
		}
	}

	@Test
	void aRegionStoredInSeveralSpellingsMatchesEachAndTheSearchIndexIsAskedWithoutIt() {
		List<String> spellings = List.of("SÃO PAULO", "São Paulo", "sao paulo");
		RegistrationFilterSql sql = RegistrationFilterSql.of(7,
				new RegistrationFilter("Itzel", RegistrationStatus.CONFIRMED, null, "Sao Paulo", null, null), spellings,
				"r");

		assertThat(sql.condition()).contains(" and r.state in (:filter_states)").doesNotContain(":filter_state ");
		assertThat(sql.params()).containsEntry("filter_states", spellings)
			.containsEntry("filter_keys", List.of("7:s:CONFIRMED"))
			.doesNotContainKey("filter_state");
	}

	@Test
	void aRegionKeyIgnoresCaseAccentsAndSpacesAndCodesKeepKeysOfTheirOwn() {
		assertThat(List.of("São Paulo", "sao paulo", "SÃO PAULO", " Sao   Paulo ", "São\u00a0Paulo"))
			.extracting(Regions::key)
			.containsOnly("sao paulo");
		assertThat(List.of("JAL", "NLE", "ANT", "DC", "OUTSIDE_MX")).extracting(Regions::key).doesNotHaveDuplicates();
	}

	@Test
	void theAliasMustBeAPlainIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RegistrationFilterSql.of(7, RegistrationFilter.ALL, "r; drop table registration"));
	}

}
