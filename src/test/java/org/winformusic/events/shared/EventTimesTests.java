package org.winformusic.events.shared;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A zone is named as people there say it, true all year: "hora de Madrid" for an event in
 * June, not Java's "hora de Europa central" (which is an hour off in summer).
 */
class EventTimesTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final EventTimes times = new EventTimes(messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages/messages", "messages/zones");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void aZoneIsNamedAfterItsCityAsReadersOfEachLanguageWriteIt() {
		assertThat(this.times.zoneName(ZoneId.of("America/Mexico_City"), SPANISH))
			.isEqualTo("hora de la Ciudad de México");
		assertThat(this.times.zoneName(ZoneId.of("America/Mexico_City"), Locale.ENGLISH)).isEqualTo("Mexico City time");
		assertThat(this.times.zoneName(ZoneId.of("Europe/Madrid"), SPANISH)).isEqualTo("hora de Madrid");
		assertThat(this.times.zoneName(ZoneId.of("Europe/Madrid"), Locale.ENGLISH)).isEqualTo("Madrid time");
		assertThat(names("America/Los_Angeles")).containsExactly("hora de Los Ángeles", "Los Angeles time");
		assertThat(names("America/New_York")).containsExactly("hora de Nueva York", "New York time");
		assertThat(names("America/Panama")).containsExactly("hora de Panamá", "Panama City time");
		assertThat(names("America/Asuncion")).containsExactly("hora de Asunción", "Asunción time");
		assertThat(names("America/Sao_Paulo")).containsExactly("hora de São Paulo", "São Paulo time");
		assertThat(names("America/Bogota")).containsExactly("hora de Bogotá", "Bogotá time");
		assertThat(names("America/Cancun")).containsExactly("hora de Cancún", "Cancún time");
		assertThat(names("Europe/Berlin")).containsExactly("hora de Berlín", "Berlin time");
	}

	@Test
	void mexicosOtherZonesKeepTheirAccents() {
		assertThat(names("America/Merida")).containsExactly("hora de Mérida", "Mérida time");
		assertThat(names("America/Mazatlan")).containsExactly("hora de Mazatlán", "Mazatlán time");
		assertThat(names("America/Ciudad_Juarez")).containsExactly("hora de Ciudad Juárez", "Ciudad Juárez time");
		assertThat(names("America/Bahia_Banderas")).containsExactly("hora de Bahía de Banderas",
				"Bahía de Banderas time");
		assertThat(names("America/Tijuana")).containsExactly("hora de Tijuana", "Tijuana time");
	}

	@Test
	void anIslandOrAPluralPlaceReadsWithItsArticle() {
		assertThat(names("Atlantic/Canary")).containsExactly("hora de Canarias", "Canary Islands time");
		assertThat(names("Pacific/Easter")).containsExactly("hora de la Isla de Pascua", "Easter Island time");
		assertThat(names("Atlantic/Azores")).containsExactly("hora de las Azores", "Azores time");
	}

	@Test
	void aZoneTheEditorDoesNotOfferIsNamedAfterTheCityOfItsIdentifier() {
		// Old names (links) of zones the editor offers under their current name.
		assertThat(this.times.zoneName(ZoneId.of("America/Buenos_Aires"), SPANISH)).isEqualTo("hora de Buenos Aires");
		assertThat(this.times.zoneName(ZoneId.of("Europe/Belfast"), Locale.ENGLISH)).isEqualTo("Belfast time");
	}

	private List<String> names(String zone) {
		return List.of(this.times.zoneName(ZoneId.of(zone), SPANISH),
				this.times.zoneName(ZoneId.of(zone), Locale.ENGLISH));
	}

	@Test
	void aZoneWithoutACityKeepsJavasName() {
		assertThat(this.times.zoneName(ZoneId.of("UTC"), Locale.ENGLISH)).isEqualTo("Coordinated Universal Time");
		// Not "GMT+6 time" (it is six hours behind) nor "Central time".
		assertThat(this.times.zoneName(ZoneId.of("Etc/GMT+6"), Locale.ENGLISH))
			.isEqualTo(ZoneId.of("Etc/GMT+6").getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
		assertThat(this.times.zoneName(ZoneId.of("US/Central"), Locale.ENGLISH)).isEqualTo("Central Time");
	}

}
