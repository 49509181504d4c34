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

	/** The attribute of a write that names the zone its times are written in. */
	private static final String ZONE = "data-report-zone";

	/**
	 * The application's mapper with the times serializer, built once: the zone changes
	 * from one report to the next, so it travels with each write, not in the mapper.
	 */
	private final JsonMapper json;

	DataReportFiles(JsonMapper json) {
		SimpleModule inZone = new SimpleModule("data-report-times");
		inZone.addSerializer(Instant.class, new InZone());
		this.json = json.rebuild().addModule(inZone).build();
	}

	byte[] write(DataReport report) {
		return this.json.writer().withAttribute(ZONE, ZoneId.of(report.timeZone())).writeValueAsBytes(report);
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

	/** An instant in the zone of the write's {@link #ZONE} attribute. */
	private static final class InZone extends StdSerializer<Instant> {

		InZone() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			ZoneId zone = (ZoneId) context.getAttribute(ZONE);
			generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME
				.format(value.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()));
		}

	}

}
