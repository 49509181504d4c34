package org.winformusic.events.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.stereotype.Component;

/**
 * The data report as a JSON file. Every time in it is written in the event's time zone
 * with its offset ({@code 2028-03-20T10:00:00-06:00}), as the page shows it, not in UTC:
 * the person reads the hours they lived, and a program still reads an exact instant.
 */
@Component
class DataReportFiles {

	private final JsonMapper json;

	DataReportFiles(JsonMapper json) {
		this.json = json;
	}

	byte[] write(DataReport report) {
		return mapper(ZoneId.of(report.timeZone())).writeValueAsBytes(report);
	}

	/** Several reports (a staff export), each one's times in its own event's zone. */
	byte[] writeAll(List<DataReport> reports) {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes("[".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < reports.size(); i++) {
			if (i > 0) {
				file.writeBytes(",".getBytes(StandardCharsets.UTF_8));
			}
			file.writeBytes(write(reports.get(i)));
		}
		file.writeBytes("]".getBytes(StandardCharsets.UTF_8));
		return file.toByteArray();
	}

	private JsonMapper mapper(ZoneId zone) {
		SimpleModule inZone = new SimpleModule("data-report-times");
		inZone.addSerializer(Instant.class, new InZone(zone));
		return this.json.rebuild().addModule(inZone).build();
	}

	private static final class InZone extends StdSerializer<Instant> {

		private final ZoneId zone;

		InZone(ZoneId zone) {
			super(Instant.class);
			this.zone = zone;
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME
				.format(value.truncatedTo(ChronoUnit.SECONDS).atZone(this.zone).toOffsetDateTime()));
		}

	}

}
