package org.winformusic.events.registration;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The one reading of the list's, the export's and the printouts' query parameters: what
 * each becomes, and a wrong value named with the values it could have been.
 */
class RegistrationQueryTests {

	private static final Regions.RegionList MEXICO = Regions.of("MX");

	@Test
	void readsEveryParameterAndTreatsEmptyAsAny() {
		RegistrationQuery query = RegistrationQuery.parse(Map.of("q", "  Peña ", "status", "waitlisted", "companyType",
				"publisher", "state", "jal", "associationInterest", "MAYBE", "checkedIn", "no", "choice", "42", "sort",
				"name", "dir", "desc")::get, MEXICO);
		assertThat(query).isEqualTo(new RegistrationQuery(
				new RegistrationFilter("Peña", RegistrationStatus.WAITLISTED, CompanyType.PUBLISHER, "JAL",
						AssociationInterest.MAYBE, false, 42L),
				new RegistrationSort(RegistrationSort.Column.name, false)));
		assertThat(RegistrationQuery.parse(Map.of("q", " ", "status", "", "sort", "nonsense")::get, MEXICO))
			.isEqualTo(RegistrationQuery.ALL);
		assertThat(RegistrationQuery.parse(Map.of("q", "x".repeat(500))::get, MEXICO).filter().q())
			.hasSize(RegistrationQuery.MAX_SEARCH_LENGTH);
	}

	@Test
	void aWrongValueIsNamedWithTheValuesAllowed() {
		assertThat(invalid(Map.of("status", "CONFIRMADO"))).satisfies((ex) -> {
			assertThat(ex.parameter()).isEqualTo("status");
			assertThat(ex.value()).isEqualTo("CONFIRMADO");
			assertThat(ex.allowed()).containsExactly("PENDING", "CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED");
		});
		assertThat(invalid(Map.of("companyType", "LABEL")).allowed()).contains("INDEPENDENT_LABEL", "OTHER");
		assertThat(invalid(Map.of("associationInterest", "SI")).allowed()).containsExactly("YES", "MAYBE", "NO");
		assertThat(invalid(Map.of("checkedIn", "si")).allowed()).containsExactly("true", "false");
		assertThat(invalid(Map.of("state", "XX")).allowed()).contains("CMX", "JAL", "OUTSIDE_MX").hasSize(33);
		assertThat(invalid(Map.of("choice", "1 or 1=1")).parameter()).isEqualTo("choice");
	}

	@Test
	void aRegionOfACountryWithoutAListIsFreeText() {
		assertThat(RegistrationQuery.parse(Map.of("state", "Antioquia")::get, Regions.of("AR")).filter().state())
			.isEqualTo("Antioquia");
	}

	@Test
	void aBrazilianStateIsFilteredByItsAbbreviationOrItsNameAsTyped() {
		for (String typed : List.of("MG", "mg", " Mg ", "Minas Gerais", "minas  gerais", "MINAS GERAIS")) {
			assertThat(RegistrationQuery.parse(Map.of("state", typed)::get, Regions.of("BR")).filter().state())
				.as(typed)
				.isEqualTo("MG");
		}
		assertThat(RegistrationQuery.parse(Map.of("state", "Sao Paulo")::get, Regions.of("BR")).filter().state())
			.isEqualTo("SP");
		assertThat(RegistrationQuery.parse(Map.of("state", "outside_br")::get, Regions.of("BR")).filter().state())
			.isEqualTo("OUTSIDE_BR");
		assertThat(catchThrowableOfType(RegistrationQuery.InvalidParameterException.class,
				() -> RegistrationQuery.parse(Map.of("state", "Belo Horizonte")::get, Regions.of("BR")))
			.allowed()).contains("MG", "SP", "DF", "OUTSIDE_BR").hasSize(28);
	}

	private static RegistrationQuery.InvalidParameterException invalid(Map<String, String> parameters) {
		return catchThrowableOfType(RegistrationQuery.InvalidParameterException.class,
				() -> RegistrationQuery.parse(parameters::get, MEXICO));
	}

}
