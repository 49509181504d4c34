package org.winformusic.events.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The separator a spreadsheet of each country splits a CSV on. */
class CsvDelimitersTests {

	private final CsvDelimiters delimiters = new CsvDelimiters();

	@Test
	void semicolonWhereTheDecimalSeparatorIsACommaAndInSwitzerland() {
		for (String country : new String[] { "CO", "ES", "AR", "CL", "VE", "UY", "BR", "PT", "DE", "FR", "IT", "BE",
				"CH", "LI" }) {
			assertThat(this.delimiters.forCountry(country)).as(country).isEqualTo("semicolon");
		}
	}

	@Test
	void commaWhereTheDecimalSeparatorIsAPointOrTheCountryIsUnknown() {
		for (String country : new String[] { "MX", "PE", "GT", "PR", "US", "CA", "PH", "BZ", "GB", "IN", "ZZ", "" }) {
			assertThat(this.delimiters.forCountry(country)).as(country).isEqualTo("comma");
		}
		assertThat(this.delimiters.forCountry(null)).isEqualTo("comma");
	}

	@Test
	void theLinkCarriesTheDelimiterOnlyWhenItIsNotTheDefault() {
		assertThat(this.delimiters.href("/p.csv", "", "comma")).isEqualTo("/p.csv");
		assertThat(this.delimiters.href("/p.csv", "status=CONFIRMED", "comma")).isEqualTo("/p.csv?status=CONFIRMED");
		assertThat(this.delimiters.href("/p.csv", "", "semicolon")).isEqualTo("/p.csv?delimiter=semicolon");
		assertThat(this.delimiters.href("/p.csv", "status=CONFIRMED", "semicolon"))
			.isEqualTo("/p.csv?status=CONFIRMED&delimiter=semicolon");
	}

}
