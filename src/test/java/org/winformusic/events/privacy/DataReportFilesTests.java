package org.winformusic.events.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff export of several reports writes each report's times in its own event's zone,
 * whatever the order: the zone belongs to each report, not to the file.
 */
class DataReportFilesTests {

	private static final Instant AT = Instant.parse("2028-03-20T16:00:00.123Z");

	@Test
	void eachReportOfAnExportHasItsTimesInItsOwnEventsZone() {
		DataReportFiles files = new DataReportFiles(JsonMapper.builder().build());

		String file = new String(
				files.writeAll(
						List.of(report("America/Mexico_City"), report("Europe/Madrid"), report("America/Mexico_City"))),
				StandardCharsets.UTF_8);

		assertThat(file).startsWith("[{")
			.endsWith("}]")
			.containsSubsequence("\"generatedAt\":\"2028-03-20T10:00:00-06:00\"",
					"\"generatedAt\":\"2028-03-20T17:00:00+01:00\"", "\"generatedAt\":\"2028-03-20T10:00:00-06:00\"");
		assertThat(new String(files.write(report("Europe/Madrid")), StandardCharsets.UTF_8)).contains(
				"\"generatedAt\":\"2028-03-20T17:00:00+01:00\"", "\"at\":\"2028-03-20T17:00:00+01:00\"",
				"\"eventStartsAt\":\"2028-03-20T17:00:00+01:00\"");
	}

	private static DataReport report(String zone) {
		return new DataReport(AT, zone, zone, "slug", "Title", AT, AT, "when", "Venue", "Address", null, List.of(),
				null, List.of(), List.of(new DataReport.Note(AT, "note")), List.of());
	}

}
