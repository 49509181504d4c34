package org.winformusic.events.registration;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The filter as SQL: user input only ever in parameters. */
class RegistrationFilterSqlTests {

	@Test
	void anEmptyFilterSelectsEverything() {
		RegistrationFilterSql sql = RegistrationFilterSql.of(RegistrationFilter.ALL, "r");
		assertThat(sql.condition()).isEqualTo("true");
		assertThat(sql.params()).isEmpty();
	}

	@Test
	void everyCriterionBecomesAParameterAndTheSearchIsNormalizedWithLiteralWildcards() {
		RegistrationFilter filter = new RegistrationFilter("  Peña_100%' or 1=1 -- ", RegistrationStatus.WAITLISTED,
				CompanyType.PUBLISHER, "JAL", AssociationInterest.MAYBE, false);

		RegistrationFilterSql sql = RegistrationFilterSql.of(filter, "r");

		assertThat(sql.condition()).isEqualTo("r.search_text like '%' || :filter_q || '%' escape '\\'"
				+ " and r.status = :filter_status and r.company_type = :filter_company_type"
				+ " and r.state = :filter_state and r.association_interest = :filter_association_interest"
				+ " and r.checked_in_at is null");
		assertThat(sql.params()).isEqualTo(Map.of("filter_q", "pena\\_100\\%' or 1=1 --", "filter_status", "WAITLISTED",
				"filter_company_type", "PUBLISHER", "filter_state", "JAL", "filter_association_interest", "MAYBE"));
	}

	@Test
	void theAliasMustBeAPlainIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RegistrationFilterSql.of(RegistrationFilter.ALL, "r; drop table registration"));
	}

}
