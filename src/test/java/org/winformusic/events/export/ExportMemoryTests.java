package org.winformusic.events.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export streams: 100 000 registrations, far more text than the heap holds, export
 * from an application running in a separate JVM with {@value #HEAP}.
 * <p>
 * The child JVM gets the main classes and dependencies but not the test classes (except
 * its main and the test profile's properties), so the test configurations in them
 * (embedded databases, local mode) stay out of it. Takes about a minute on a busy
 * machine.
 */
@IntegrationTest
class ExportMemoryTests {

	static final int ROWS = 100_000;

	static final String HEAP = "-Xmx128m";

	static final long HEAP_BYTES = 128L * 1024 * 1024;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path temp;

	@Test
	void hundredThousandRegistrationsExportFromAJvmWithASmallHeap() throws Exception {
		TestRegistrations data = new TestRegistrations(this.jdbc);
		String slug = new TestEvents(this.jdbc).event().slugPrefix("memory").withoutSeats().create().slug();
		long eventId = new TestEvents(this.jdbc).id(slug);
		try {
			insertLargeRegistrations(eventId);

			String output = runChildJvm(slug);

			Matcher result = Pattern.compile("EXPORTED rows=(\\d+) bytes=(\\d+)").matcher(output);
			assertThat(result.find()).as(output).isTrue();
			assertThat(Long.parseLong(result.group(1))).isEqualTo(ROWS);
			// More bytes written than the child's whole heap (and, as Java strings, the
			// rows would take twice that): no list of rows can be behind this.
			assertThat(Long.parseLong(result.group(2))).isGreaterThan(HEAP_BYTES);
		}
		finally {
			// Other tests share this context's database.
			this.jdbc.sql("delete from registration where event_id = ?").param(eventId).update();
		}
	}

	/**
	 * The readable Excel, with its number and date cells and styled header, streams too:
	 * the file is compressed, so only the row count and the exit code (no
	 * OutOfMemoryError) tell.
	 */
	@Test
	void hundredThousandRegistrationsExportAsReadableExcelFromAJvmWithASmallHeap() throws Exception {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("memory-xlsx").withoutSeats().create().slug();
		long eventId = new TestEvents(this.jdbc).id(slug);
		try {
			insertLargeRegistrations(eventId);

			String output = runChildJvm(slug, "people-xlsx");

			Matcher result = Pattern.compile("EXPORTED rows=(\\d+) bytes=(\\d+)").matcher(output);
			assertThat(result.find()).as(output).isTrue();
			assertThat(Long.parseLong(result.group(1))).isEqualTo(ROWS);
			assertThat(Long.parseLong(result.group(2))).isPositive();
		}
		finally {
			this.jdbc.sql("delete from registration where event_id = ?").param(eventId).update();
		}
	}

	private void insertLargeRegistrations(long eventId) {
		// About 1 600 characters per registration, most of them non-Latin-1.
		this.jdbc.sql("""
				insert into registration (event_id, status, full_name, email, company, job_title, company_type,
				    state, city, phone, association_interest, referral_source, comments,
				    privacy_consent_version, privacy_consent_at, news_opt_in, locale, created_at, updated_at,
				    confirmed_at, waitlist_seq, search_text)
				select :eventId,
				    case when g % 10 = 0 then 'WAITLISTED' else 'CONFIRMED' end,
				    left(repeat('Peña Ñúñez ', 11) || g, 120), 'person' || g || '@example.org',
				    left(repeat('Discos Ñandú, ', 10) || g, 150), left(repeat('Dirección ', 10), 100),
				    'INDEPENDENT_LABEL', 'CMX', left(repeat('Ciudad de México ', 6), 100), '+52 55 1234 5678',
				    'YES', left(repeat('Recomendación ', 7), 100), left(repeat('Comentario ñ 🎶, "largo" ', 40), 1000),
				    '2028-01', now(), true, 'es', now(), now(),
				    case when g % 10 = 0 then null else now() end,
				    case when g % 10 = 0 then nextval('waitlist_seq') end,
				    'person' || g
				from generate_series(1, :rows) g
				""").param("eventId", eventId).param("rows", ROWS).update();
	}

	private String runChildJvm(String slug, String... more) throws IOException, InterruptedException {
		HikariDataSource hikari = (HikariDataSource) this.dataSource;
		Path classes = childTestClasses();
		List<String> classpath = new ArrayList<>();
		classpath.add(classes.toString());
		Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.forEach(classpath::add);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path log = this.temp.resolve("child.log");
		Process child = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
				String.join(File.pathSeparator, classpath), ExportInSmallHeapMain.class.getName(), hikari.getJdbcUrl(),
				hikari.getUsername(), (hikari.getPassword() != null) ? hikari.getPassword() : "", slug,
				(more.length > 0) ? more[0] : "csv")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean finished = child.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		String tail = output.lines().skip(Math.max(0, output.lines().count() - 40)).collect(Collectors.joining("\n"));
		assertThat(finished).as("child JVM finished in time:\n" + tail).isTrue();
		assertThat(child.exitValue()).as("child JVM exit code (OutOfMemoryError?):\n" + tail).isZero();
		return output;
	}

	/** A class folder with only the child's main class and the test profile. */
	private Path childTestClasses() throws IOException {
		Path testClasses = Path
			.of(ExportInSmallHeapMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		Path copy = this.temp.resolve("classes");
		String packagePath = ExportInSmallHeapMain.class.getPackageName().replace('.', '/');
		Files.createDirectories(copy.resolve(packagePath));
		try (Stream<Path> files = Files.list(testClasses.resolve(packagePath))) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith("ExportInSmallHeapMain"))
				.toList()) {
				Files.copy(file, copy.resolve(packagePath).resolve(file.getFileName()));
			}
		}
		Files.copy(testClasses.resolve("application-test.properties"), copy.resolve("application-test.properties"));
		return copy;
	}

}
