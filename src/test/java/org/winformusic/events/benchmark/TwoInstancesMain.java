package org.winformusic.events.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.winformusic.events.benchmark.HttpConnection.Response;

/**
 * Two application processes from the built jar behind nginx (round robin,
 * X-Forwarded-For), sharing one PostgreSQL, as a deployment with two instances runs.
 * Drives a small event's registrations, lookups and a logged-in staff user through the
 * proxy, kills one instance with SIGKILL in the middle, and checks what must hold
 * whatever instance answered: capacity, every success stored, every email once, the staff
 * session, one rate limit for both instances, the survivor carrying the load. Run by
 * {@code scripts/two-instances.sh}; exits 1 when a check fails. Everything listens on
 * 127.0.0.1; every loop is bounded.
 */
public final class TwoInstancesMain {

	private static final String SLUG = "two-instances";

	private static final int SEATS = 30;

	private static final int REGISTRANTS = 60;

	private static final int RATE_LIMIT = 6;

	/** Start-up takes 10 s on a quiet machine, minutes on a shared, overloaded one. */
	private static final int STARTUP_SECONDS = 360;

	private static final Path OUTPUT = Path.of("target", "two-instances");

	/**
	 * How long nginx may take to write the last access-log lines: it writes a request's
	 * line after the answer has left, later still on a loaded machine. The wait ends as
	 * soon as the lines are there.
	 */
	private static final int ACCESS_LOG_SECONDS = 20;

	/**
	 * The rate limit's fixed windows (RateLimiter.WINDOW: 10 minutes, counted from the
	 * epoch on the instances' clock, this machine's).
	 */
	private static final long RATE_WINDOW_SECONDS = 600;

	/** Room the rate-limit check needs left in the current window. */
	private static final long RATE_CHECK_ROOM_SECONDS = 30;

	/**
	 * The last registrants start only once instance b is dead, so that some visitors
	 * surely arrive after the kill however fast the others were served.
	 */
	private static final int AFTER_KILL = 6;

	/**
	 * How long nginx leaves a failed instance alone (fail_timeout in
	 * two-instances.conf.template), plus a second.
	 */
	private static final int RETRY_DEAD_AFTER_SECONDS = 11;

	/**
	 * What the run started, stopped by a shutdown hook too (Ctrl-C, the script's
	 * timeout).
	 */
	private static final List<AutoCloseable> started = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private final List<String> summary = new ArrayList<>();

	private TwoInstancesMain() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = BenchmarkMain.findJar();
		Runtime.getRuntime().addShutdownHook(new Thread(TwoInstancesMain::stopEverything, "two-instances-cleanup"));
		boolean ok = new TwoInstancesMain().run(jar);
		System.exit(ok ? 0 : 1);
	}

	private boolean run(Path jar) throws Exception {
		Files.createDirectories(OUTPUT);
		try (BenchmarkDatabase database = remember(BenchmarkDatabase.start());
				SmtpSink smtp = remember(new SmtpSink())) {
			Map<String, String> environment = environment(database, smtp);
			say("starting two application processes from " + jar.getFileName());
			// Both at once, as an orchestrator starts them: Flyway's lock lets one
			// migrate.
			ExecutorService starter = Executors.newFixedThreadPool(2);
			Future<AppProcess> startingA = starter.submit(() -> AppProcess.start(jar, List.of("-Xmx384m"), environment,
					OUTPUT.resolve("app-a.log"), STARTUP_SECONDS));
			Future<AppProcess> startingB = starter.submit(() -> AppProcess.start(jar, List.of("-Xmx384m"), environment,
					OUTPUT.resolve("app-b.log"), STARTUP_SECONDS));
			starter.shutdown();
			AppProcess a = remember(startingA.get(STARTUP_SECONDS + 10, TimeUnit.SECONDS));
			AppProcess b = remember(startingB.get(STARTUP_SECONDS + 10, TimeUnit.SECONDS));
			database.createEvent(SLUG, SEATS);
			try (a; b; Nginx nginx = remember(Nginx.start(OUTPUT.resolve("nginx"), a.port(), b.port()))) {
				String upstreamA = "127.0.0.1:" + a.port();
				String upstreamB = "127.0.0.1:" + b.port();
				say("nginx on 127.0.0.1:" + nginx.port() + " -> " + upstreamA + " (a), " + upstreamB + " (b)");
				HttpConnection staff = new HttpConnection("127.0.0.1", nginx.port(), "es");
				staff.header("X-Forwarded-For", "198.51.100.200");
				Scenarios.logIn(staff);
				staffSessionSurvivesSwitches(staff, Set.of(upstreamA, upstreamB), "both instances up");
				rateLimitIsCountedOnceAcrossInstances(nginx, upstreamA, upstreamB);
				Load load = registerWhileKilling(nginx, b, upstreamB);
				staffSessionSurvivesSwitches(staff, Set.of(upstreamA), "after instance b was killed");
				checkDatabaseAndMail(database, smtp, load);
				tokensStayOutOfTheLogs(nginx, upstreamB);
				staff.close();
			}
		}
		System.out.println();
		System.out.println("== two instances behind nginx: summary");
		this.summary.forEach((line) -> System.out.println("  " + line));
		if (this.failures.isEmpty()) {
			System.out.println("== all checks passed");
			return true;
		}
		System.out.println("== FAILED checks:");
		this.failures.forEach((line) -> System.out.println("  - " + line));
		return false;
	}

	private static <T extends AutoCloseable> T remember(T resource) {
		started.add(0, resource);
		return resource;
	}

	private static void stopEverything() {
		for (AutoCloseable resource : started) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				// Best effort: the next one still gets stopped.
			}
		}
		started.clear();
	}

	private Map<String, String> environment(BenchmarkDatabase database, SmtpSink smtp) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
		environment.put("SPRING_DATASOURCE_PASSWORD", "");
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));
		environment.put("APP_MAIL_FROM", "WIN Events <events@example.org>");
		environment.put("APP_BASE_URL", "http://127.0.0.1");
		environment.put("APP_ADMIN_EMAIL", BenchmarkMain.ADMIN_EMAIL);
		environment.put("APP_ADMIN_PASSWORD", BenchmarkMain.ADMIN_PASSWORD);
		environment.put("APP_REGISTRATION_MIN_FILL_SECONDS", "0");
		environment.put("APP_RATE_LIMIT_PER_IP", Integer.toString(RATE_LIMIT));
		environment.put("APP_MAIL_POLL_INTERVAL", "1s");
		// Rows the killed instance held in SENDING go back to the queue within the run.
		environment.put("APP_MAIL_SENDING_TIMEOUT", "20s");
		environment.put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
		return environment;
	}

	/** Six admin pages in a row: round robin sends them to every live instance. */
	private void staffSessionSurvivesSwitches(HttpConnection staff, Set<String> expected, String when)
			throws IOException {
		Set<String> served = new java.util.TreeSet<>();
		int ok = 0;
		for (int i = 0; i < 6; i++) {
			Response page = staff.get("/admin");
			served.add(upstream(page));
			if (page.status() == 200) {
				ok++;
			}
		}
		check(ok == 6 && served.containsAll(expected),
				"staff session, " + when + ": " + ok + "/6 admin pages 200, served by " + served);
	}

	/**
	 * One client address posts the lookup form RATE_LIMIT + 4 times, alternately through
	 * both instances: exactly RATE_LIMIT pass in total, not per instance.
	 */
	private void rateLimitIsCountedOnceAcrossInstances(Nginx nginx, String upstreamA, String upstreamB)
			throws IOException, InterruptedException {
		int passed = 0;
		int limited = 0;
		boolean retryAfter = true;
		Set<String> served = new java.util.TreeSet<>();
		awaitRoomInRateWindow();
		// One visitor: the form once (its CSRF cookie serves every POST), then the POSTs,
		// which round robin sends alternately to each instance.
		try (HttpConnection http = new HttpConnection("127.0.0.1", nginx.port(), "es")) {
			http.header("X-Forwarded-For", "203.0.113.77");
			Map<String, String> hidden = http.get("/events/" + SLUG + "/lookup").hiddenInputs();
			for (int i = 0; i < RATE_LIMIT + 4; i++) {
				Map<String, String> fields = new LinkedHashMap<>(hidden);
				fields.put("email", "nobody-" + i + "@example.org");
				Response posted = http.postForm("/events/" + SLUG + "/lookup", fields);
				served.add(upstream(posted));
				if (posted.status() == 200) {
					passed++;
				}
				else if (posted.status() == 429) {
					limited++;
					retryAfter &= posted.header("retry-after") != null;
				}
			}
		}
		check(passed == RATE_LIMIT && limited == 4 && retryAfter && served.containsAll(Set.of(upstreamA, upstreamB)),
				"rate limit " + RATE_LIMIT + " per address: " + passed + " passed, " + limited
						+ " got 429 (Retry-After on each: " + retryAfter + "), served by " + served);
	}

	/**
	 * Posts that straddle the end of a rate-limit window are counted in two windows (up
	 * to twice the limit pass): when the current window ends too soon, waits for the next
	 * one.
	 */
	private static void awaitRoomInRateWindow() throws InterruptedException {
		long left = RATE_WINDOW_SECONDS - Math.floorMod(java.time.Instant.now().getEpochSecond(), RATE_WINDOW_SECONDS);
		if (left < RATE_CHECK_ROOM_SECONDS) {
			say("waiting " + left + " s for the next rate-limit window");
			Thread.sleep(TimeUnit.SECONDS.toMillis(left + 1));
		}
	}

	record Load(Set<String> succeeded, int failed, long afterKillBySurvivor, long afterKillByKilled, long lookups) {
	}

	/**
	 * REGISTRANTS people, 6 at a time, each a new visitor from an address of their own:
	 * the form, the POST, and a lookup; instance b is killed when half have registered,
	 * and the last {@link #AFTER_KILL} start once it is dead.
	 */
	private Load registerWhileKilling(Nginx nginx, AppProcess b, String upstreamB) throws Exception {
		Set<String> succeeded = ConcurrentHashMap.newKeySet();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicLong afterKillBySurvivor = new AtomicLong();
		AtomicLong afterKillByKilled = new AtomicLong();
		AtomicLong lookups = new AtomicLong();
		java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
		// Set once the killed process has exited: a request sent between the decision to
		// kill and the process's end may still be answered by it.
		java.util.concurrent.atomic.AtomicBoolean dead = new java.util.concurrent.atomic.AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<?>> tasks = new ArrayList<>();
		for (int n = 0; n < REGISTRANTS; n++) {
			int person = n;
			tasks.add(pool.submit(() -> {
				if (person >= REGISTRANTS - AFTER_KILL) {
					// Half the others have finished by now, so b is being killed: bounded
					// wait for its end.
					long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
					while (!dead.get() && System.nanoTime() < until) {
						Thread.sleep(20);
					}
				}
				// Only visitors who arrive after the kill say who serves afterwards.
				boolean arrivedAfterKill = dead.get();
				String email = "persona-" + person + "@two-instances.example.org";
				try (HttpConnection http = new HttpConnection("127.0.0.1", nginx.port(), "es")) {
					http.header("X-Forwarded-For", "198.51.100." + (1 + person));
					Response form = http.get("/events/" + SLUG + "/register");
					Map<String, String> fields = new Scenarios.Visitor(http, form.hiddenInputs()).form(person);
					fields.put("email", email);
					Response posted = http.postForm("/events/" + SLUG + "/register", fields);
					String location = posted.header("location");
					boolean success = posted.status() / 100 == 3 && location != null && location.contains("/r/");
					if (success) {
						succeeded.add(email);
					}
					else {
						failed.incrementAndGet();
					}
					Map<String, String> lookup = new LinkedHashMap<>(
							http.get("/events/" + SLUG + "/lookup").hiddenInputs());
					lookup.put("email", email);
					Response looked = http.postForm("/events/" + SLUG + "/lookup", lookup);
					if (looked.status() == 200) {
						lookups.incrementAndGet();
					}
					if (arrivedAfterKill) {
						if (success && !upstream(posted).contains(upstreamB)) {
							afterKillBySurvivor.incrementAndGet();
						}
						// nginx's own 502 for a request it had sent to b names b too:
						// only a real answer counts.
						if (upstream(posted).equals(upstreamB) && posted.status() < 500) {
							afterKillByKilled.incrementAndGet();
						}
					}
				}
				catch (IOException ex) {
					failed.incrementAndGet();
				}
				if (done.incrementAndGet() == REGISTRANTS / 2 && killed.compareAndSet(false, true)) {
					ProcessHandle.of(b.pid()).ifPresent((process) -> {
						process.destroyForcibly();
						process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
					});
					dead.set(true);
					say("kill -9 instance b (pid " + b.pid() + ") after " + REGISTRANTS / 2 + " registrants");
				}
				return null;
			}));
		}
		for (Future<?> task : tasks) {
			task.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		Load load = new Load(succeeded, failed.get(), afterKillBySurvivor.get(), afterKillByKilled.get(),
				lookups.get());
		check(load.afterKillBySurvivor() > 0 && load.afterKillByKilled() == 0,
				"after the kill the survivor registered " + load.afterKillBySurvivor()
						+ " people; answers from the killed instance: " + load.afterKillByKilled());
		this.summary.add(REGISTRANTS + " registrants: " + succeeded.size() + " success redirects, " + load.failed()
				+ " failed (in flight at the kill), " + load.lookups() + " lookups answered");
		return load;
	}

	private void checkDatabaseAndMail(BenchmarkDatabase database, SmtpSink smtp, Load load) throws Exception {
		long confirmed = database.count(
				"select count(*) from registration r join event e on e.id = r.event_id where e.slug = ? and r.status = 'CONFIRMED'",
				SLUG);
		check(confirmed <= SEATS && (load.succeeded().size() < SEATS || confirmed == SEATS),
				"confirmed " + confirmed + " of " + SEATS + " seats (never above capacity)");
		List<String> missing = new ArrayList<>();
		for (String email : load.succeeded()) {
			if (database.count("select count(*) from registration where email = ?", email) != 1) {
				missing.add(email);
			}
		}
		check(missing.isEmpty(), "every success redirect is a stored registration (" + load.succeeded().size()
				+ " checked, missing: " + missing + ")");
		// Wait (at most 90 s) for the survivor to send everything, including what the
		// killed instance had claimed.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline
				&& database.count("select count(*) from outbox_message where status <> 'SENT'") > 0) {
			Thread.sleep(500);
		}
		List<String> ids = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement statement = connection.prepareStatement("select message_id from outbox_message");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		Map<String, Integer> received = smtp.messageIds();
		long once = ids.stream().filter((id) -> received.getOrDefault(id, 0) == 1).count();
		long never = ids.stream().filter((id) -> !received.containsKey(id)).count();
		long twice = ids.stream().filter((id) -> received.getOrDefault(id, 0) > 1).count();
		long unsent = database.count("select count(*) from outbox_message where status <> 'SENT'");
		check(!ids.isEmpty() && once == ids.size() && unsent == 0, "emails: " + ids.size() + " queued, " + once
				+ " received exactly once, " + never + " never, " + twice + " more than once, " + unsent + " not SENT");
	}

	/**
	 * A registrant's manage link, opened through nginx on every tokened path (the
	 * check-in pass paths with the same secret: nginx masks by path, whatever the app
	 * answers), leaves no token in the access log, which shows *** in its place, nor in
	 * the error log, though one of those requests is sure to try the dead instance b
	 * first (nginx's error line about it would quote the request line). Then the compose
	 * configuration passes {@code nginx -t} with the same masks.
	 */
	private void tokensStayOutOfTheLogs(Nginx nginx, String upstreamB) throws Exception {
		String token;
		try (HttpConnection http = new HttpConnection("127.0.0.1", nginx.port(), "es")) {
			http.header("X-Forwarded-For", "198.51.100.250");
			Response form = http.get("/events/" + SLUG + "/register");
			Map<String, String> fields = new Scenarios.Visitor(http, form.hiddenInputs()).form(REGISTRANTS + 1);
			fields.put("email", "log-check@two-instances.example.org");
			String location = String.valueOf(http.postForm("/events/" + SLUG + "/register", fields).header("location"));
			token = location.replaceFirst("^.*/r/([^/?]+).*$", "$1");
			if (token.equals(location) || token.length() < 20) {
				check(false, "access log: the registration redirected to " + location + ", not to a manage link");
				return;
			}
			// nginx tries b again once its fail_timeout has passed: with the next
			// requests.
			Thread.sleep(TimeUnit.SECONDS.toMillis(RETRY_DEAD_AFTER_SECONDS));
			http.get(location.replaceFirst("^https?://[^/]+", ""));
			for (String path : List.of("/r/%s", "/r/%s/data", "/r/%s/news/stop", "/r/%s/event.ics", "/p/%s",
					"/email-change/%s", "/admin/checkin/pass/%s", "/admin/checkin/%s",
					"/admin/events/" + SLUG + "/checkin/pass/%s")) {
				http.get(path.formatted(token));
			}
		}
		// nginx writes a request's line after the answer has left: the last one may lag.
		Path accessLog = OUTPUT.resolve("nginx").resolve("logs").resolve("access.log");
		String log = Files.readString(accessLog);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACCESS_LOG_SECONDS);
		while (maskedLines(log) < 10 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			log = Files.readString(accessLog);
		}
		long masked = maskedLines(log);
		check(!log.contains(token) && masked >= 10 && log.contains("GET /r/***/data HTTP/1.1"),
				"access log: no manage token or pass (" + masked + " requests logged with *** in its place)");
		boolean triedDead = log.lines().anyMatch((line) -> line.contains("/***") && line.contains(upstreamB + ", "));
		String errors = Files.readString(OUTPUT.resolve("nginx").resolve("logs").resolve("error.log"));
		check(triedDead && !errors.contains(token), "error log: no manage token or pass (a tokened request "
				+ (triedDead ? "tried" : "did not try") + " the dead instance first, as its access-log line says)");
		check(nginxAcceptsComposeConfiguration(), "deploy/nginx/compose.conf passes nginx -t");
	}

	private static long maskedLines(String log) {
		return log.lines().filter((line) -> line.contains("/***")).count();
	}

	/**
	 * {@code nginx -t} on deploy/nginx/compose.conf, included in http {} as Docker's
	 * image does, its upstream host names (app, app2: compose services) replaced by
	 * 127.0.0.1.
	 */
	private static boolean nginxAcceptsComposeConfiguration() throws Exception {
		Path prefix = OUTPUT.resolve("nginx-compose").toAbsolutePath();
		Files.createDirectories(prefix.resolve("logs"));
		Files.createDirectories(prefix.resolve("temp"));
		String compose = Files.readString(Path.of("deploy", "nginx", "compose.conf"))
			.replace("server app:8080", "server 127.0.0.1:8080")
			.replace("server app2:8080", "server 127.0.0.1:8082")
			.replace("/var/log/nginx/access.log", prefix.resolve("logs/access.log").toString())
			.replace("/var/log/nginx/error.log", prefix.resolve("logs/error.log").toString());
		Files.writeString(prefix.resolve("compose.conf"), compose);
		Files.writeString(prefix.resolve("nginx.conf"), """
				pid %1$s/logs/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events { worker_connections 16; }
				http {
				    client_body_temp_path %1$s/temp/client_body;
				    proxy_temp_path %1$s/temp/proxy;
				    fastcgi_temp_path %1$s/temp/fastcgi;
				    uwsgi_temp_path %1$s/temp/uwsgi;
				    scgi_temp_path %1$s/temp/scgi;
				    include %1$s/compose.conf;
				}
				""".formatted(prefix));
		String binary = System.getenv().getOrDefault("NGINX", "/usr/sbin/nginx");
		Process test = new ProcessBuilder(binary, "-t", "-p", prefix.toString(), "-c",
				prefix.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("logs/nginx-t.out").toFile())
			.start();
		if (!test.waitFor(30, TimeUnit.SECONDS)) {
			test.destroyForcibly();
			return false;
		}
		return test.exitValue() == 0;
	}

	private static String upstream(Response response) {
		String value = String.valueOf(response.header("x-upstream"));
		// After a failed attempt nginx lists every upstream it tried: the last answered.
		String[] tried = value.split(",");
		return tried[tried.length - 1].trim();
	}

	private void check(boolean ok, String what) {
		this.summary.add((ok ? "ok    " : "FAIL  ") + what);
		if (!ok) {
			this.failures.add(what);
		}
		say((ok ? "ok: " : "FAIL: ") + what);
	}

	private static void say(String line) {
		System.out.println("[two-instances] " + line);
	}

	/** nginx as a non-daemon child process with its own prefix, config and temp paths. */
	static final class Nginx implements AutoCloseable {

		private final Process process;

		private final int port;

		private Nginx(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static Nginx start(Path prefix, int portA, int portB) throws Exception {
			Path absolute = prefix.toAbsolutePath();
			Files.createDirectories(absolute.resolve("logs"));
			Files.createDirectories(absolute.resolve("temp"));
			// Each run reads its own logs, not ones appended to by an earlier run.
			Files.deleteIfExists(absolute.resolve("logs/access.log"));
			Files.deleteIfExists(absolute.resolve("logs/error.log"));
			int port = AppProcess.freePort();
			String template = Files.readString(Path.of("deploy", "nginx", "two-instances.conf.template"));
			String config = template.replace("@PREFIX@", absolute.toString())
				.replace("@PORT@", Integer.toString(port))
				.replace("@APP_A@", "127.0.0.1:" + portA)
				.replace("@APP_B@", "127.0.0.1:" + portB);
			Path file = absolute.resolve("nginx.conf");
			Files.writeString(file, config);
			String binary = System.getenv().getOrDefault("NGINX", "/usr/sbin/nginx");
			Process process = new ProcessBuilder(binary, "-p", absolute.toString(), "-c", file.toString())
				.redirectErrorStream(true)
				.redirectOutput(absolute.resolve("logs/nginx.out").toFile())
				.start();
			Nginx nginx = new Nginx(process, port);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"nginx exited with " + process.exitValue() + "; see " + absolute.resolve("logs"));
				}
				try (HttpConnection http = new HttpConnection("127.0.0.1", port, "es")) {
					if (http.get("/actuator/health/readiness").status() == 200) {
						return nginx;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				Thread.sleep(100);
			}
			nginx.close();
			throw new IllegalStateException("nginx did not answer within 20 s");
		}

		int port() {
			return this.port;
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

}
