package org.winformusic.events.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.winformusic.events.benchmark.LoadGenerator.Result;
import org.winformusic.events.benchmark.Report.Row;

/**
 * The benchmark: starts PostgreSQL, an SMTP sink and the application jar as production
 * would, seeds each scenario, puts load on it from this process, checks the outcome in
 * the database, prints one table and writes {@code target/benchmark/results.json}. Run it
 * with {@code scripts/benchmark.sh} ({@code --quick} for a short development run). A
 * scenario whose feature has not landed yet is reported as "n/a (feature missing)".
 */
public final class BenchmarkMain {

	static final int CONNECTIONS = 32;

	static final int ADMIN_CONNECTIONS = 8;

	static final String ADMIN_EMAIL = "bench-admin@example.org";

	static final String ADMIN_PASSWORD = "bench-admin-password-1234";

	/** The heap the README recommends for production; both instances run with it. */
	static final String RECOMMENDED_HEAP = "160m";

	/**
	 * The JVM options the README and the Dockerfile recommend (besides the heap and the
	 * class cache): one GC thread set and no concurrent GC structures on two cores,
	 * smaller thread stacks (Tomcat's and Hikari's threads never recurse deeply), a
	 * bounded code cache, and only the C1 compiler: on two busy cores the one C2 thread
	 * kept 400-600 methods queued for minutes, so most code ran in C1's slower profiling
	 * tier (README, Performance).
	 */
	static final List<String> RECOMMENDED_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k",
			"-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1");

	/** Spring AOT: the bean graph worked out at build time ({@code process-aot}). */
	static final String SPRING_AOT = "-Dspring.aot.enabled=true";

	private final Options options;

	private final Path outputDirectory;

	private final Report report = new Report();

	private final List<AutoCloseable> started = new ArrayList<>();

	private BenchmarkDatabase database;

	private SmtpSink smtp;

	/** How production starts the application: see {@link #prepareStartRecipe(Path)}. */
	private StartRecipe recipe;

	private BenchmarkMain(Options options, Path outputDirectory) {
		this.options = options;
		this.outputDirectory = outputDirectory;
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		// The embedded PostgreSQL logs every line of its server at INFO: keep the table
		// readable.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Path output = Path.of("target", "benchmark");
		Files.createDirectories(output);
		BenchmarkMain benchmark = new BenchmarkMain(options, output);
		Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopEverything, "benchmark-cleanup"));
		int failures;
		try {
			failures = benchmark.run();
		}
		finally {
			benchmark.stopEverything();
		}
		System.exit((failures == 0) ? 0 : 1);
	}

	private int run() throws Exception {
		Path jar = findJar();
		log("Benchmark: warm-up %d s, measured %d s per scenario, %d connections (%d for admin)%s",
				this.options.warmupSeconds, this.options.measureSeconds, CONNECTIONS, ADMIN_CONNECTIONS,
				extraOptions().isEmpty() ? "" : "; application JVM options added: " + String.join(" ", extraOptions()));
		this.database = remember(BenchmarkDatabase.start());
		this.smtp = remember(new SmtpSink());
		log("PostgreSQL on port %s, SMTP sink on port %d", this.database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"),
				this.smtp.port());

		this.recipe = prepareStartRecipe(jar);
		log("Start recipe: %s", this.recipe);

		// Scenario 7, first half: start-up on an empty database (Flyway migrates it).
		AppProcess app = startApp(jar, RECOMMENDED_HEAP, "1h", "app-first");
		this.report.add(Row.figure("startup", "7. start-up to healthy, empty database (recipe)", app.startupSeconds(),
				"s", "<= 4 s", app.startupSeconds() <= 4));
		Features features = Features.detect(app, this.database);
		log("Features: %s", features);
		Scenarios scenarios = new Scenarios(this, app, features);
		scenarios.runWebScenarios();
		long rss = app.residentMegabytes();
		this.report.add(Row.figure("rss", "7. resident memory after the scenarios (-Xmx" + RECOMMENDED_HEAP + ")", rss,
				"MB", "<= 400 MB", rss > 0 && rss <= 400));
		nativeMemorySummary(app, "nmt-after-web-scenarios.txt");
		scenarios.reportAnonymousSessions();
		app.close();
		this.started.remove(app);

		// The second instance: a small heap for the export, and the mail sender polling.
		if (this.options.wants("outbox") || this.options.wants("csv") || this.options.wants("startup-migrated")) {
			scenarios.prepareOutboxForSecondInstance();
			AppProcess small = startApp(jar, RECOMMENDED_HEAP, "1s", "app-second");
			this.report.add(Row.figure("startup-migrated", "7. start-up to healthy, migrated database (recipe)",
					small.startupSeconds(), "s", "<= 4 s", small.startupSeconds() <= 4));
			Scenarios second = new Scenarios(this, small, features);
			second.runOutboxDrain();
			second.runCsvExport();
			long smallRss = small.residentMegabytes();
			this.report.add(Row.figure("rss-after-outbox-csv",
					"7. resident memory after outbox and CSV (-Xmx" + RECOMMENDED_HEAP + ")", smallRss, "MB",
					"<= 400 MB", smallRss > 0 && smallRss <= 400));
			nativeMemorySummary(small, "nmt-after-outbox-csv.txt");
			small.close();
			this.started.remove(small);
		}

		if (this.options.wants("startup-cds")) {
			startupComparison(jar);
		}

		this.report.print(System.out);
		Path json = this.outputDirectory.resolve("results.json");
		Files.writeString(json, this.report.toJson(machine(), this.options), StandardCharsets.UTF_8);
		log("Wrote %s", json);
		return this.report.failures();
	}

	/**
	 * The production start recipe ({@code scripts/start.sh}, README): the jar extracted
	 * ({@code -Djarmode=tools extract}), a class cache recorded by a training run in AOT
	 * mode that stops once the context is refreshed
	 * ({@code -Dspring.context.exit=onRefresh}, against a database of its own so the
	 * measured first start still finds an empty one): on JDK 25 and later the JDK's
	 * ahead-of-time cache ({@code -XX:AOTCacheOutput}, classes loaded and linked plus
	 * method profiles), on older JDKs Spring Boot's CDS recipe
	 * ({@code -XX:ArchiveClassesAtExit}); then the recommended JVM options with Spring
	 * AOT's build-time bean graph ({@code -Dspring.aot.enabled=true}). The Dockerfile
	 * differs only in its training run, which has no database at build time (README,
	 * Performance).
	 */
	private StartRecipe prepareStartRecipe(Path jar) throws Exception {
		Path extracted = this.outputDirectory.resolve("extracted").toAbsolutePath();
		AppProcess.runToExit(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
				extracted.toString()), Map.of(), this.outputDirectory.resolve("recipe-extract.log"), 300);
		Path extractedJar = extracted.resolve(jar.getFileName());
		boolean aotCache = AppProcess.javaFeatureVersion() >= 25;
		Path cache = extracted.resolve(aotCache ? "app.aot" : "app.jsa");
		Files.deleteIfExists(cache);
		Map<String, String> training = environment("1h");
		training.put("SPRING_DATASOURCE_URL", this.database.createDatabase("training"));
		List<String> arguments = new ArrayList<>(recommendedOptions());
		arguments.add(aotCache ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache);
		arguments.addAll(List.of(SPRING_AOT, "-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString()));
		long started = System.nanoTime();
		AppProcess.runToExit(arguments, training, this.outputDirectory.resolve("recipe-training.log"), 900);
		log("Training run for the class cache took %.1f s", (System.nanoTime() - started) / 1e9);
		return new StartRecipe(extractedJar, aotCache ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
	}

	/**
	 * The recommended JVM options, heap included, then {@link #extraOptions()} (which win
	 * where they repeat one).
	 */
	static List<String> recommendedOptions() {
		List<String> options = new ArrayList<>();
		options.add("-Xmx" + RECOMMENDED_HEAP);
		options.addAll(RECOMMENDED_JVM_OPTIONS);
		options.addAll(extraOptions());
		return options;
	}

	/**
	 * JVM options to try on top of the recommended ones, from
	 * {@code BENCHMARK_APP_JAVA_OPTIONS} (e.g. {@code -XX:TieredStopAtLevel=4} for the C2
	 * compiler too); none by default.
	 */
	static List<String> extraOptions() {
		String extra = System.getenv("BENCHMARK_APP_JAVA_OPTIONS");
		return (extra == null || extra.isBlank()) ? List.of() : List.of(extra.trim().split("\\s+"));
	}

	/** The extracted jar and the JVM option that loads its class cache. */
	record StartRecipe(Path jar, String cacheOption) {

		List<String> jvmOptions() {
			List<String> options = recommendedOptions();
			options.add(this.cacheOption);
			options.add(SPRING_AOT);
			return options;
		}

	}

	/**
	 * Start-up of the plain {@code java -jar} (no class cache, default JVM options)
	 * against the recipe, three of each interleaved (a single start on a shared machine
	 * is noise), on the migrated database.
	 */
	private void startupComparison(Path jar) {
		String label = "7. start-up, migrated database, production recipe (median of 3)";
		try {
			double[] plain = new double[3];
			double[] recipe = new double[3];
			double busiest = 0;
			for (int i = 0; i < 3; i++) {
				busiest = Math.max(busiest, QuietMachine.await());
				plain[i] = timeStart(jar, List.of("-Xmx" + RECOMMENDED_HEAP), "app-plain");
				busiest = Math.max(busiest, QuietMachine.await());
				recipe[i] = timeStart(this.recipe.jar(), this.recipe.jvmOptions(), "app-recipe");
			}
			Arrays.sort(plain);
			Arrays.sort(recipe);
			// The baseline the recipe is measured against, as the HTTP ceiling is for the
			// pages: the target is the recipe's (issue 15), not this one's.
			this.report.add(Row.checkedFigure("startup-extracted",
					"7. start-up, migrated database, plain java -jar (median of 3)", plain[1], "s", "(reference)", null,
					true, "runs " + seconds(plain)));
			this.report.add(Row.checkedFigure("startup-cds", label, recipe[1], "s", "<= 4 s", recipe[1] <= 4, true,
					"runs " + seconds(recipe) + "; " + this.recipe.cacheOption().replaceAll("=.*", "")
							+ ", Spring AOT, Java " + AppProcess.javaFeatureVersion() + ", CPUs at most "
							+ QuietMachine.describe(busiest) + " before each start"));
		}
		catch (Exception ex) {
			this.report.add(Row.failed("startup-cds", label, "<= 4 s", ex.toString()));
		}
	}

	/**
	 * Where the process's memory goes ({@code jcmd VM.native_memory summary}), kept next
	 * to the logs; the application runs with {@code -XX:NativeMemoryTracking=summary}.
	 */
	private void nativeMemorySummary(AppProcess app, String file) {
		try {
			Path jcmd = Path.of(AppProcess.javaHome(), "bin", "jcmd");
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(app.pid()), "VM.native_memory",
					"summary")
				.redirectErrorStream(true)
				.redirectOutput(this.outputDirectory.resolve(file).toFile())
				.start();
			process.waitFor(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log("No native memory summary: %s", ex);
		}
	}

	private static String seconds(double[] values) {
		return Arrays.stream(values)
			.mapToObj((v) -> String.format(Locale.ROOT, "%.1f s", v))
			.collect(Collectors.joining(", "));
	}

	private double timeStart(Path jar, List<String> jvmOptions, String name) throws Exception {
		AppProcess app = AppProcess.start(jar, jvmOptions, environment("1h"),
				this.outputDirectory.resolve(name + ".log"));
		this.started.add(app);
		app.close();
		this.started.remove(app);
		return app.startupSeconds();
	}

	AppProcess startApp(Path jar, String heap, String mailPollInterval, String name) throws Exception {
		List<String> jvm = new ArrayList<>(this.recipe.jvmOptions());
		jvm.removeIf((option) -> option.startsWith("-Xmx"));
		jvm.add("-Xmx" + heap);
		jvm.add("-XX:NativeMemoryTracking=summary");
		if (this.options.jfr) {
			// JDK 17 crashes loading a class from a CDS archive while JFR's class file
			// hook is on (KlassFactory::check_shared_class_file_load_hook): profile
			// without it.
			jvm.remove(this.recipe.cacheOption());
			jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
			jvm.add("-XX:StartFlightRecording=filename=" + this.outputDirectory.resolve(name + ".jfr").toAbsolutePath()
					+ ",settings=profile,dumponexit=true");
		}
		Map<String, String> environment = environment(mailPollInterval);
		QuietMachine.await();
		log("Starting the application (-Xmx%s, mail poll %s)", heap, mailPollInterval);
		AppProcess app = AppProcess.start(this.recipe.jar(), jvm, environment,
				this.outputDirectory.resolve(name + ".log"));
		this.started.add(app);
		log("Application healthy on port %d after %.2f s (pid %d)", app.port(), app.startupSeconds(), app.pid());
		return app;
	}

	/**
	 * The application's settings, passed as production passes them: environment
	 * variables.
	 */
	private Map<String, String> environment(String mailPollInterval) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", this.database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
		environment.put("SPRING_DATASOURCE_PASSWORD", "");
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", Integer.toString(this.smtp.port()));
		environment.put("APP_MAIL_FROM", "WIN Events <events@example.org>");
		environment.put("APP_BASE_URL", "http://127.0.0.1");
		environment.put("APP_ADMIN_EMAIL", ADMIN_EMAIL);
		environment.put("APP_ADMIN_PASSWORD", ADMIN_PASSWORD);
		environment.put("APP_REGISTRATION_MIN_FILL_SECONDS", "0");
		environment.put("APP_RATE_LIMIT_PER_IP", "0");
		environment.put("APP_MAIL_POLL_INTERVAL", mailPollInterval);
		// As recommended in the README: glibc's per-thread malloc arenas otherwise keep
		// tens of MB of freed native memory resident.
		environment.put("MALLOC_ARENA_MAX", "2");
		return environment;
	}

	BenchmarkDatabase database() {
		return this.database;
	}

	SmtpSink smtp() {
		return this.smtp;
	}

	Options options() {
		return this.options;
	}

	Report report() {
		return this.report;
	}

	Path outputDirectory() {
		return this.outputDirectory;
	}

	private <T extends AutoCloseable> T remember(T resource) {
		this.started.add(resource);
		return resource;
	}

	private synchronized void stopEverything() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			try {
				this.started.get(i).close();
			}
			catch (Exception ex) {
				log("Could not stop %s: %s", this.started.get(i), ex);
			}
		}
		this.started.clear();
	}

	static Path findJar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files
				.filter((p) -> p.getFileName().toString().matches("win-events-.*\\.jar")
						&& !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No target/win-events-*.jar: build it first (./mvnw -DskipTests package)"));
		}
	}

	static Map<String, String> machine() {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
		try {
			String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.findFirst()
				.map((l) -> l.substring(l.indexOf(':') + 1).trim())
				.orElse("unknown");
			machine.put("cpu", cpu);
			String memory = Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((l) -> l.startsWith("MemTotal"))
				.findFirst()
				.map((l) -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024 + " MB")
				.orElse("unknown");
			machine.put("memory", memory);
		}
		catch (IOException ex) {
			machine.put("cpu", "unknown");
		}
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("jvmOptions", String.join(" ", recommendedOptions()));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("date", Instant.now().toString());
		return machine;
	}

	static void log(String format, Object... arguments) {
		System.out.printf(Locale.ROOT, "[benchmark %tT] " + format + "%n",
				(Object[]) prepend(java.time.LocalTime.now(), arguments));
		System.out.flush();
	}

	private static Object[] prepend(Object first, Object[] rest) {
		Object[] all = new Object[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

	/** Command-line options. */
	static final class Options {

		int warmupSeconds = 30;

		int measureSeconds = 30;

		boolean jfr;

		Set<String> only = Set.of();

		static Options parse(String[] args) {
			Options options = new Options();
			for (String arg : args) {
				if (arg.equals("--quick")) {
					options.warmupSeconds = 5;
					options.measureSeconds = 10;
				}
				else if (arg.startsWith("--warmup=")) {
					options.warmupSeconds = Integer.parseInt(arg.substring(9));
				}
				else if (arg.startsWith("--measure=")) {
					options.measureSeconds = Integer.parseInt(arg.substring(10));
				}
				else if (arg.equals("--jfr")) {
					options.jfr = true;
				}
				else if (arg.startsWith("--only=")) {
					options.only = Arrays.stream(arg.substring(7).split(",")).collect(Collectors.toSet());
				}
				else {
					throw new IllegalArgumentException("Unknown option " + arg
							+ " (use --quick, --warmup=SECONDS, --measure=SECONDS, --only=id,id, --jfr)");
				}
			}
			if (options.warmupSeconds < 0 || options.measureSeconds < 1 || options.measureSeconds > 600
					|| options.warmupSeconds > 600) {
				throw new IllegalArgumentException("Warm-up 0-600 s, measured period 1-600 s");
			}
			return options;
		}

		boolean wants(String id) {
			return this.only.isEmpty() || this.only.contains(id);
		}

	}

	/** Which features the application under test has, found by asking it. */
	record Features(boolean registration, boolean admin, boolean export, boolean outbox) {

		static Features detect(AppProcess app, BenchmarkDatabase database) throws Exception {
			try (HttpConnection http = new HttpConnection("127.0.0.1", app.port(), "es")) {
				HttpConnection.Response form = http.get("/events/mexico-workshop/register");
				boolean registration = form.status() == 200 && form.text().contains("name=\"fullName\"");
				HttpConnection.Response login = http.get("/admin/login");
				boolean admin = login.status() == 200 && login.text().contains("name=\"username\"");
				boolean export = false;
				if (admin) {
					Scenarios.logIn(http);
					export = http.get("/admin/events/mexico-workshop/registrations.csv").status() == 200;
				}
				return new Features(registration, admin, export, database.tableExists("outbox_message"));
			}
		}

	}

	/** Counts operations across threads (e.g. distinct email numbers). */
	static final AtomicLong UNIQUE = new AtomicLong();

	static long unique() {
		return UNIQUE.incrementAndGet();
	}

	static long seconds(long nanos) {
		return TimeUnit.NANOSECONDS.toSeconds(nanos);
	}

	/** Runs a JDBC statement in the benchmark's database. */
	static void update(Connection connection, String sql, Object... parameters) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

	static Result skipped(String name) {
		return new Result(name, 0, 1, 0, 0, 0, 0, 0, 0, Map.of(), -1, -1);
	}

}
