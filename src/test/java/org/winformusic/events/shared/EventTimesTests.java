package org.winformusic.events.shared;

import java.time.ZoneId;
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
		source.setBasenames("messages/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void aZoneWithItsOwnWordsIsNamedByThem() {
		assertThat(this.times.zoneName(ZoneId.of("America/Mexico_City"), SPANISH))
			.isEqualTo("hora de la Ciudad de México");
		assertThat(this.times.zoneName(ZoneId.of("Europe/Madrid"), SPANISH)).isEqualTo("hora de Madrid");
		assertThat(this.times.zoneName(ZoneId.of("Europe/Madrid"), Locale.ENGLISH)).isEqualTo("Madrid time");
	}

	@Test
	void anyOtherZoneIsNamedAfterTheCityOfItsIdentifier() {
		assertThat(this.times.zoneName(ZoneId.of("Europe/Berlin"), SPANISH)).isEqualTo("hora de Berlin");
		assertThat(this.times.zoneName(ZoneId.of("America/Argentina/Cordoba"), Locale.ENGLISH))
			.isEqualTo("Cordoba time");
		assertThat(this.times.zoneName(ZoneId.of("Asia/Kuala_Lumpur"), Locale.ENGLISH)).isEqualTo("Kuala Lumpur time");
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
