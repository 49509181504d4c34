package org.winformusic.events.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact export's times are written by hand for speed; they must read exactly as the
 * documented pattern ({@link RegistrationExport#TIME}) writes them, in every zone.
 */
class ExportTimeTests {

	private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("America/Mexico_City"),
			ZoneId.of("America/Bogota"), ZoneId.of("America/St_Johns"), ZoneId.of("Europe/Madrid"),
			ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Australia/Lord_Howe"),
			ZoneId.of("Pacific/Chatham"), ZoneId.of("Pacific/Kiritimati"), ZoneOffset.ofHours(-6));

	@Test
	void timesReadAsThePatternWritesThemInEveryZone() {
		List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2028-03-01T16:15:00Z"),
				Instant.parse("2028-03-01T16:15:00.999999Z"), Instant.parse("1999-12-31T23:59:59Z"),
				// Mexico City before standard time (local mean time, an offset with
				// seconds), and years outside four digits.
				Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("0999-06-01T12:00:00Z"),
				Instant.parse("+10000-01-01T00:00:00Z")));
		SplittableRandom random = new SplittableRandom(20261203);
		long from = LocalDateTime.of(1970, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
		long to = LocalDateTime.of(2100, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
		for (int i = 0; i < 20_000; i++) {
			instants.add(Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000)));
		}
		for (ZoneId zone : ZONES) {
			for (Instant instant : instants) {
				assertThat(RegistrationExport.time(instant, zone)).as("%s in %s", instant, zone)
					.isEqualTo(RegistrationExport.TIME.format(instant.atZone(zone)));
			}
		}
	}

	@Test
	void aTimeNotSetIsAnEmptyCell() {
		assertThat(RegistrationExport.time(null, ZoneOffset.UTC)).isNull();
	}

}
