package org.winformusic.events;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway builds the schema on a real PostgreSQL and seeds the Mexico workshop. */
@IntegrationTest
class SeededEventTests {

	@Autowired
	EventCatalog catalog;

	@Test
	void mexicoWorkshopIsSeededInBothLanguagesWithItsSpeakersPartnersAndSeats() {
		EventInfo es = this.catalog.findBySlug("mexico-workshop", SupportedLocales.SPANISH)
			.filter(EventInfo::published)
			.orElseThrow();
		EventInfo en = this.catalog.findBySlug("mexico-workshop", Locale.ENGLISH)
			.filter(EventInfo::published)
			.orElseThrow();

		assertThat(es.title()).isEqualTo("Hoja de ruta para crear una asociación de música independiente en México");
		assertThat(en.title()).isEqualTo("Roadmap to Starting an Independent Music Trade Association in Mexico");
		LocalDateTime start = LocalDateTime.ofInstant(es.startsAt(), es.zone());
		assertThat(start).isEqualTo(LocalDateTime.of(2028, 3, 20, 10, 0));
		assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(LocalDateTime.ofInstant(es.endsAt(), es.zone())).isEqualTo(LocalDateTime.of(2028, 3, 20, 14, 0));
		assertThat(es.zone().getId()).isEqualTo("America/Mexico_City");
		assertThat(es.venueName()).contains("Managers Anónimos").contains("PÚBLICO Roma");
		assertThat(es.speakers()).hasSize(9);
		assertThat(es.speakers()).extracting(EventInfo.SpeakerInfo::name)
			.startsWith("Noemí Planas")
			.contains("Richard Burgess", "Kin Martínez", "Cristóbal Dañobeitia");
		assertThat(es.speakers().get(5).country()).isEqualTo("Estados Unidos");
		assertThat(en.speakers().get(5).country()).isEqualTo("United States");
		assertThat(es.partners()).extracting(EventInfo.PartnerInfo::name)
			.containsExactly("Grupo Anónimos", "Discos Panoram", "deGira");
		assertThat(this.catalog.availability(es.id())).isEqualTo(new EventCatalog.Availability(60, 60));
	}

}
