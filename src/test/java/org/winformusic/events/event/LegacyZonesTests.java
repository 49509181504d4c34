package org.winformusic.events.event;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each legacy zone name the editor turns into the zone's own name is one Java accepts,
 * and stands for a current zone that keeps the same clock.
 */
class LegacyZonesTests {

	@Test
	void eachLegacyNameIsAKnownAliasOfACurrentZoneWithTheSameClock() {
		Instant winter = Instant.parse("2027-01-15T12:00:00Z");
		Instant summer = Instant.parse("2027-07-15T12:00:00Z");
		assertThat(LegacyZones.all()).isNotEmpty().allSatisfy((legacy, zone) -> {
			assertThat(ZoneId.getAvailableZoneIds()).contains(legacy, zone);
			assertThat(LegacyZones.all()).as("%s is no legacy name itself", zone).doesNotContainKey(zone);
			for (Instant at : new Instant[] { winter, summer }) {
				assertThat(ZoneId.of(legacy).getRules().getOffset(at)).as(legacy)
					.isEqualTo(ZoneId.of(zone).getRules().getOffset(at));
			}
		});
	}

	@Test
	void theEditorReadsALegacyNameInAnyCaseAsTheZonesOwnName() {
		assertThat(EventFormTimes.zone("US/Eastern")).isEqualTo(ZoneId.of("America/New_York"));
		assertThat(EventFormTimes.zone(" mexico/general ")).isEqualTo(ZoneId.of("America/Mexico_City"));
		assertThat(EventFormTimes.zone("Brazil/East")).isEqualTo(ZoneId.of("America/Sao_Paulo"));
		assertThat(EventFormTimes.zone("America/Buenos_Aires")).isEqualTo(ZoneId.of("America/Argentina/Buenos_Aires"));
		assertThat(EventFormTimes.zone("America/Bogota")).isEqualTo(ZoneId.of("America/Bogota"));
	}

}
