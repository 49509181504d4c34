package org.winformusic.events.event;

import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's time zone follows its country: the zone proposed for a country is its only
 * one or its capital's, and a zone belongs to a country when it is one of its zones or an
 * old name of one.
 */
class CountryZonesTests {

	@Test
	void theZoneProposedForACountryIsItsOnlyOneOrItsCapitals() {
		assertThat(main("MX")).isEqualTo("America/Mexico_City");
		assertThat(main("ES")).isEqualTo("Europe/Madrid");
		assertThat(main("CO")).isEqualTo("America/Bogota");
		assertThat(main("PE")).isEqualTo("America/Lima");
		assertThat(main("US")).isEqualTo("America/New_York");
		assertThat(main("BR")).isEqualTo("America/Sao_Paulo");
		assertThat(main("AR")).isEqualTo("America/Argentina/Buenos_Aires");
		assertThat(main("CL")).isEqualTo("America/Santiago");
		assertThat(main("CA")).isEqualTo("America/Toronto");
		assertThat(main("AU")).isEqualTo("Australia/Sydney");
		assertThat(CountryZones.of("ES")).extracting(ZoneId::getId)
			.containsExactly("Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary");
		assertThat(CountryZones.of("CO")).extracting(ZoneId::getId).containsExactly("America/Bogota");
	}

	@Test
	void everyCountryOfTheEditorsListHasAZoneTheJdkKnows() {
		// Bouvet Island and Heard Island have nobody living there, and no zone.
		for (String code : Locale.getISOCountries()) {
			if (!code.equals("BV") && !code.equals("HM")) {
				assertThat(CountryZones.main(code)).as(code).isPresent();
				assertThat(ZoneId.getAvailableZoneIds()).as(code).contains(main(code));
			}
		}
	}

	@Test
	void aZoneBelongsToItsCountryUnderItsOwnNameOrAnOldOneAndNotToAnother() {
		assertThat(CountryZones.belongs(ZoneId.of("Europe/Madrid"), "ES")).isTrue();
		assertThat(CountryZones.belongs(ZoneId.of("Atlantic/Canary"), "ES")).isTrue();
		assertThat(CountryZones.belongs(ZoneId.of("America/Mexico_City"), "ES")).isFalse();
		assertThat(CountryZones.belongs(ZoneId.of("Europe/Lisbon"), "ES")).isFalse();
		assertThat(CountryZones.belongs(ZoneId.of("Europe/Paris"), "ES")).isFalse();
		assertThat(CountryZones.belongs(ZoneId.of("UTC"), "ES")).isFalse();
		assertThat(CountryZones.belongs(ZoneId.of("+01:00"), "ES")).isFalse();
		assertThat(CountryZones.belongs(ZoneId.of("America/Tijuana"), "MX")).isTrue();
		assertThat(CountryZones.belongs(ZoneId.of("America/Bogota"), "MX")).isFalse();
		// Old names (links) keep the clocks of the zone they name.
		assertThat(CountryZones.belongs(ZoneId.of("America/Buenos_Aires"), "AR")).isTrue();
		assertThat(CountryZones.belongs(ZoneId.of("US/Eastern"), "US")).isTrue();
		assertThat(CountryZones.belongs(ZoneId.of("Europe/Kiev"), "UA")).isTrue();
		assertThat(CountryZones.belongs(ZoneId.of("Mexico/General"), "MX")).isTrue();
	}

	@Test
	void theEditorsScriptGetsEveryCountrysZonesMainZoneFirst() {
		assertThat(CountryZones.json()).startsWith("{\"AD\":[\"Europe/Andorra\"]")
			.contains("\"ES\":[\"Europe/Madrid\",\"Africa/Ceuta\",\"Atlantic/Canary\"]")
			.contains("\"BR\":[\"America/Sao_Paulo\",")
			.endsWith("]}");
	}

	private static String main(String country) {
		return CountryZones.main(country).orElseThrow().getId();
	}

}
