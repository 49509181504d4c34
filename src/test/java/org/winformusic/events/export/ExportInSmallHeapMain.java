package org.winformusic.events.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.winformusic.events.EventsApplication;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.RegistrationQuery;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run by {@link ExportMemoryTests} in a separate JVM with a small heap: starts the
 * application against an existing database and exports one event's registrations to a
 * byte counter. Prints {@code EXPORTED rows=<n> bytes=<n>} and exits 0 when the export
 * fits in the heap.
 * <p>
 * Arguments: JDBC URL, user name, password, event slug, and {@code people-xlsx} for the
 * readable Excel (date and number cells, POI's streaming writer) instead of the exact
 * CSV.
 */
public final class ExportInSmallHeapMain {

	private ExportInSmallHeapMain() {
	}

	public static void main(String[] args) throws IOException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EventsApplication.class).profiles("test")
			.properties("spring.datasource.url=" + args[0], "spring.datasource.username=" + args[1],
					"spring.datasource.password=" + args[2], "server.port=0", "server.address=127.0.0.1",
					"spring.main.banner-mode=off",

					// Only the export runs here: the parent's context owns the scheduled
					// jobs.
					"app.waitlist-sweep-millis=86400000", "app.mail.reminder-cron=-")
			// The test is about memory, not speed: on a loaded machine the first fetch of
			// the 100 000 rows outlasted application.properties' 10 s socket timeout once
			// (an argument: the properties above are defaults, below
			// application.properties).
			.run("--spring.datasource.hikari.data-source-properties.socketTimeout=120");
		EventInfo event = context.getBean(EventCatalog.class).findBySlug(args[3], Locale.ENGLISH).orElseThrow();
		CountingOutputStream out = new CountingOutputStream();
		boolean peopleXlsx = args.length > 4 && args[4].equals("people-xlsx");
		RowWriter writer = peopleXlsx
				? new PeopleRowWriter(context.getBean(PeopleLabels.class).forExport(event, Locale.ENGLISH, false),
						new XlsxRowWriter(out, event.slug(), Locale.ENGLISH))
				: new CsvRowWriter(out, ',');
		long rows = context.getBean(RegistrationExport.class)
			.write(event, RegistrationQuery.ALL, Locale.ENGLISH, peopleXlsx, writer);
		System.out
			.println("EXPORTED rows=" + rows + " bytes=" + out.count + " maxHeap=" + Runtime.getRuntime().maxMemory());
		context.close();
		System.exit(0);
	}

	static final class CountingOutputStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

}
