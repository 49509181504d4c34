package org.winformusic.events.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every zone the event editor offers (each country's, from {@link CountryZones}) has its
 * city in English and Spanish, so no event page or email falls back to the unaccented
 * city of the zone's identifier ("hora de Los Angeles"). A zone added by a newer
 * tz/zone.tab fails here until scripts/zone-cities.jsh is run again.
 */
class ZoneCitiesTests {

	@Test
	void everyZoneTheEditorOffersHasItsCityInBothLanguages() throws IOException {
		Properties english = load("messages/zones.properties");
		Properties spanish = load("messages/zones_es.properties");
		List<String> missing = new ArrayList<>();
		for (String country : Locale.getISOCountries()) {
			for (ZoneId zone : CountryZones.of(country)) {
				for (Properties names : List.of(english, spanish)) {
					String city = names.getProperty("zone.city." + zone.getId());
					if (city == null || city.isBlank() || city.contains("_")) {
						missing.add(country + " " + zone.getId() + ((names == spanish) ? " (es)" : " (en)"));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(english).hasSizeGreaterThan(400);
	}

	@Test
	void spanishNamesCitiesAsSpanishWritesThem() throws IOException {
		Properties spanish = load("messages/zones_es.properties");
		assertThat(spanish.getProperty("zone.city.America/Los_Angeles")).isEqualTo("Los Ángeles");
		assertThat(spanish.getProperty("zone.city.America/New_York")).isEqualTo("Nueva York");
		assertThat(spanish.getProperty("zone.city.America/Panama")).isEqualTo("Panamá");
		assertThat(spanish.getProperty("zone.city.America/Asuncion")).isEqualTo("Asunción");
		assertThat(spanish.getProperty("zone.city.America/Cancun")).isEqualTo("Cancún");
		assertThat(spanish.getProperty("zone.city.Europe/London")).isEqualTo("Londres");
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ZoneCitiesTests.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
