package org.winformusic.events.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.winformusic.events.benchmark.BenchmarkMain.Features;
import org.winformusic.events.benchmark.HttpConnection.Response;
import org.winformusic.events.benchmark.LoadGenerator.Result;
import org.winformusic.events.benchmark.Report.Row;

/** The scenarios of the benchmark against one running application. */
final class Scenarios {

	static final String EVENT_PAGE = "/events/mexico-workshop";

	static final String STATIC_FILE = "/css/app.css";

	/** Registrations per second no run will reach: sizes the "never full" events. */
	private static final int MAX_EXPECTED_PER_SECOND = 6_000;

	private static final int OUTBOX_MESSAGES = 10_000;

	/** A big workshop: registrations are spread over many events of this size. */
	private static final int SEATS_PER_EVENT = 1_000;

	private static final List<String> SEARCHES = List.of("garcía", "pena", "ordóñez", "jaguar", "maria.gonzalez",
			"sofía castañeda", "discos ñandú", "hotmail", "zúñiga mejía", "itzel");

	private static final List<String> FILTERS = List.of("status=WAITLISTED", "companyType=PUBLISHER&state=JAL",
			"associationInterest=YES&status=CONFIRMED", "state=CMX", "companyType=DISTRIBUTOR&q=discos",
			"status=CANCELLED");

	private final BenchmarkMain benchmark;

	private final AppProcess app;

	private final Features features;

	private final LongAdder publicResponses = new LongAdder();

	private final LongAdder sessionCookies = new LongAdder();

	private final AtomicInteger savedErrorPages = new AtomicInteger();

	Scenarios(BenchmarkMain benchmark, AppProcess app, Features features) {
		this.benchmark = benchmark;
		this.app = app;
		this.features = features;
	}

	void runWebScenarios() throws Exception {
		Result httpCeiling = run("ceiling-http", "8. HTTP ceiling: GET " + STATIC_FILE, this::staticFileCeiling);
		Result dbCeiling = run("ceiling-db", "8. database ceiling: JDBC insert transaction", this::databaseCeiling);
		run("event-page", "1. GET " + EVENT_PAGE + " (es)", () -> eventPage(httpCeiling));
		run("register", "2. registration POST, seats free", () -> registration(dbCeiling, false));
		run("register-waitlist", "2. registration POST, event full (waitlist)", () -> registration(dbCeiling, true));
		run("flow", "3. visitor flow: GET form, POST, GET manage page", () -> visitorFlow(dbCeiling));
		run("admin-search", "4. admin list, search q= (50 000 registrations)",
				() -> adminList(httpCeiling, "admin-search", "bench-search", true, 100));
		run("admin-filter", "4. admin list, filters (50 000 registrations)",
				() -> adminList(httpCeiling, "admin-filter", "bench-search", false, 100));
		run("admin-dashboard", "4. event dashboard (50 000 registrations)",
				() -> adminPage(httpCeiling, "admin-dashboard", "/admin/events/bench-search", "bench-search"));
		// The same event among 500 000 more in another one, then that big event itself.
		boolean big = this.benchmark.options().wants("admin-search-500k")
				|| this.benchmark.options().wants("admin-filter-500k")
				|| this.benchmark.options().wants("admin-search-of-550k")
				|| this.benchmark.options().wants("admin-filter-of-550k")
				|| this.benchmark.options().wants("admin-dashboard-500k")
				|| this.benchmark.options().wants("admin-index");
		if (big && this.features.admin()) {
			seedEvent("bench-huge", HUGE_EVENT);
		}
		run("admin-search-of-550k", "4. admin list, search q= (50 000 in the event, 550 000 in all)",
				() -> adminList(httpCeiling, "admin-search-of-550k", "bench-search", true, 100));
		run("admin-filter-of-550k", "4. admin list, filters (50 000 in the event, 550 000 in all)",
				() -> adminList(httpCeiling, "admin-filter-of-550k", "bench-search", false, 100));
		run("admin-search-500k", "4. admin list, search q= (500 000 in one event)",
				() -> adminList(httpCeiling, "admin-search-500k", "bench-huge", true, 200));
		run("admin-filter-500k", "4. admin list, filters (500 000 in one event)",
				() -> adminList(httpCeiling, "admin-filter-500k", "bench-huge", false, 200));
		run("admin-dashboard-500k", "4. event dashboard (500 000 in one event)",
				() -> adminPage(httpCeiling, "admin-dashboard-500k", "/admin/events/bench-huge", "bench-huge"));
		run("admin-index", "4. /admin, every event with its counts (550 000 in all)",
				() -> adminPage(httpCeiling, "admin-index", "/admin", "bench-search"));
	}

	/** Registrations in the one big event of the 500 000 scenarios. */
	private static final int HUGE_EVENT = 500_000;

	/** An event with {@code registrations} seeded (once per benchmark). */
	private void seedEvent(String slug, int registrations) throws Exception {
		BenchmarkDatabase database = this.benchmark.database();
		if (database.count("select count(*) from event where slug = ?", slug) == 0) {
			long started = System.nanoTime();
			long eventId = database.createEvent(slug, 0);
			database.seedRegistrations(eventId, registrations);
			BenchmarkMain.log("Seeded %d registrations in %s in %.1f s", registrations, slug,
					(System.nanoTime() - started) / 1e9);
		}
	}

	void runOutboxDrain() throws Exception {
		run("outbox", "6. outbox drain: 10 000 due messages to SMTP", this::outboxDrain);
	}

	void runCsvExport() throws Exception {
		run("csv", "5. CSV export, 100 000 registrations (-Xmx" + BenchmarkMain.RECOMMENDED_HEAP + ")",
				this::csvExport);
	}

	/**
	 * What a scenario does; returns the measured result or null when it added a row
	 * itself.
	 */
	private interface Scenario {

		Result run() throws Exception;

	}

	private Result run(String id, String label, Scenario scenario) {
		if (!this.benchmark.options().wants(id)) {
			return null;
		}
		this.labels.put(id, label);
		BenchmarkMain.log("Scenario %s: %s", id, label);
		try {
			return scenario.run();
		}
		catch (FeatureMissing ex) {
			this.benchmark.report().add(Row.missing(id, label, ex.getMessage()));
		}
		catch (Exception ex) {
			ex.printStackTrace(System.out);
			this.benchmark.report().add(Row.failed(id, label, null, ex.toString()));
		}
		return null;
	}

	private <U extends AutoCloseable> Result load(String id, int connections, LoadGenerator.UserFactory<U> users,
			LoadGenerator.Operation<U> operation) throws InterruptedException {
		Options options = new Options(this.benchmark.options().warmupSeconds, this.benchmark.options().measureSeconds);
		return LoadGenerator.run(id, connections, options.warmup, options.measure, users, operation,
				new CpuMeter(this.app.pid(), false), new CpuMeter(this.benchmark.database().pid(), true));
	}

	private record Options(int warmup, int measure) {
	}

	// 8. Ceilings

	private Result staticFileCeiling() throws Exception {
		Result result = load("ceiling-http", BenchmarkMain.CONNECTIONS, (i) -> http("es"),
				(http, n) -> expect(http.get(STATIC_FILE), 200, "ceiling-http"));
		add(Row.load("ceiling-http", "8. HTTP ceiling: GET " + STATIC_FILE, result, null, null, null,
				result.errorCount() == 0, noErrors(result)));
		return result;
	}

	private Result databaseCeiling() throws Exception {
		BenchmarkDatabase database = this.benchmark.database();
		long eventId = database.createEvent("bench-ceiling", 0);
		String insert = "insert into registration (event_id, status, full_name, email, company, job_title,"
				+ " company_type, state, city, phone, association_interest, referral_source, comments,"
				+ " privacy_consent_version, privacy_consent_at, news_opt_in, locale, created_at, updated_at,"
				+ " confirmed_at, search_text) values (?, 'CONFIRMED', ?, ?, 'Discos Benchmark', 'Gerente',"
				+ " 'INDEPENDENT_LABEL', 'CMX', 'Ciudad de México', '+52 55 1234 5678', 'YES', 'Redes', null,"
				+ " '2026-01', ?, true, 'es', ?, ?, ?, ?)";
		Result result = load("ceiling-db", BenchmarkMain.CONNECTIONS, (i) -> {
			Connection connection = database.connect();
			connection.setAutoCommit(false);
			return connection;
		}, (connection, n) -> {
			try (PreparedStatement statement = connection.prepareStatement(insert)) {
				Timestamp now = Timestamp.from(Instant.now());
				String email = "ceiling-" + n + "@bench.example.org";
				statement.setLong(1, eventId);
				statement.setString(2, "Visitante Benchmark " + n);
				statement.setString(3, email);
				statement.setTimestamp(4, now);
				statement.setTimestamp(5, now);
				statement.setTimestamp(6, now);
				statement.setTimestamp(7, now);
				statement.setString(8, "visitante benchmark " + n + " " + email + " discos benchmark");
				statement.executeUpdate();
			}
			connection.commit();
			return null;
		});
		long rows = database.count("select count(*) from registration where event_id = ?", eventId);
		boolean ok = rows == result.successesOverall() && result.errorCount() == 0;
		add(Row.load("ceiling-db", "8. database ceiling: JDBC insert transaction", result, null, null, null, ok,
				rowsCheck(rows, result)));
		return result;
	}

	// 1. Event page

	private Result eventPage(Result httpCeiling) throws Exception {
		Result result = load("event-page", BenchmarkMain.CONNECTIONS, (i) -> http("es-MX,es;q=0.9"),
				(http, n) -> expect(publicResponse(http.get(EVENT_PAGE)), 200, "event-page"));
		boolean met = result.perSecond() >= 3000 && result.p99() <= 50;
		add(Row.load("event-page", "1. GET " + EVENT_PAGE + " (es)", result, ratio(result, httpCeiling),
				">= 3000/s, p99 <= 50 ms", met, result.errorCount() == 0, noErrors(result)));
		return result;
	}

	// 2. Registration POST

	private Result registration(Result dbCeiling, boolean full) throws Exception {
		String id = full ? "register-waitlist" : "register";
		String label = full ? "2. registration POST, event full (waitlist)" : "2. registration POST, seats free";
		requireRegistration(">= 3000/s, p99 <= 50 ms");
		BenchmarkDatabase database = this.benchmark.database();
		String prefix = full ? "bench-full" : "bench-open";
		int events = full ? 1 : eventsForOneScenario();
		database.createEvents(prefix, events, full ? 1 : SEATS_PER_EVENT);
		Result result = load(id, BenchmarkMain.CONNECTIONS, (i) -> {
			HttpConnection http = http("es-MX,es;q=0.9");
			String formPath = "/events/" + prefix + "-1/register";
			Response form = publicResponse(http.get(formPath));
			if (form.status() != 200) {
				throw new IllegalStateException("GET " + formPath + " answered " + form.status());
			}
			return new Visitor(http, form.hiddenInputs());
		}, (visitor, n) -> {
			String formPath = "/events/" + prefix + "-" + (1 + n % events) + "/register";
			Response posted = publicResponse(visitor.http.postForm(formPath, visitor.form(n)));
			return expectRedirectTo(posted, "/r/", id);
		});
		String ofEvents = " from registration r join event e on e.id = r.event_id where e.slug like '" + prefix + "-%'";
		long rows = database.count("select count(*)" + ofEvents);
		long confirmed = database.count("select count(*)" + ofEvents + " and r.status = 'CONFIRMED'");
		long waitlisted = database.count("select count(*)" + ofEvents + " and r.status = 'WAITLISTED'");
		boolean statusesOk = full ? (confirmed <= 1 && waitlisted == rows - confirmed) : confirmed == rows;
		boolean ok = rows == result.successesOverall() && result.errorCount() == 0 && statusesOk;
		String check = rowsCheck(rows, result) + ", " + confirmed + " confirmed, " + waitlisted + " waitlisted";
		boolean met = result.perSecond() >= 3000 && result.p99() <= 50;
		add(Row.load(id, label, result, ratio(result, dbCeiling), ">= 3000/s, p99 <= 50 ms", met, ok, check));
		return result;
	}

	// 3. Visitor flow

	private Result visitorFlow(Result dbCeiling) throws Exception {
		requireRegistration(">= 1000 flows/s");
		BenchmarkDatabase database = this.benchmark.database();
		int events = eventsForOneScenario();
		database.createEvents("bench-flow", events, SEATS_PER_EVENT);
		Result result = load("flow", BenchmarkMain.CONNECTIONS, (i) -> http("es-MX,es;q=0.9"), (http, n) -> {
			// Visitors fill one event at a time, as people registering for one workshop
			// do: the next event opens when the previous one is full.
			String formPath = "/events/bench-flow-" + (1 + (n - 1) / SEATS_PER_EVENT) + "/register";
			// A new visitor each time: no cookies from the previous one.
			http.clearCookies();
			Response form = publicResponse(http.get(formPath));
			String error = expect(form, 200, "flow");
			if (error != null) {
				return error;
			}
			Visitor visitor = new Visitor(http, form.hiddenInputs());
			Response posted = publicResponse(http.postForm(formPath, visitor.form(n)));
			error = expectRedirectTo(posted, "/r/", "flow");
			if (error != null) {
				return error;
			}
			return expect(publicResponse(http.get(path(posted.header("location")))), 200, "flow");
		});
		long rows = database.count("select count(*) from registration r join event e on e.id = r.event_id"
				+ " where e.slug like 'bench-flow-%'");
		boolean ok = rows == result.successesOverall() && result.errorCount() == 0;
		add(Row.load("flow", "3. visitor flow: GET form, POST, GET manage page", result, ratio(result, dbCeiling),
				">= 1000 flows/s", result.perSecond() >= 1000, ok, rowsCheck(rows, result)));
		return result;
	}

	// 4. Admin list

	private Result adminList(Result httpCeiling, String id, String slug, boolean search, int p95Target)
			throws Exception {
		String label = labelOf(id);
		if (!this.features.admin()) {
			throw new FeatureMissing("p95 <= " + p95Target + " ms");
		}
		seedEvent(slug, slug.equals("bench-huge") ? HUGE_EVENT : 50_000);
		String base = "/admin/events/" + slug + "/registrations?";
		List<String> queries = search
				? SEARCHES.stream().map((q) -> "q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).toList()
				: FILTERS;
		Result result = load(id, BenchmarkMain.ADMIN_CONNECTIONS, (i) -> {
			HttpConnection http = http("es");
			logIn(http);
			return http;
		}, (http, n) -> {
			Response list = http.get(base + queries.get((int) (n % queries.size())));
			return expect(list, 200, id);
		});
		add(Row.load(id, label, result, ratio(result, httpCeiling), "p95 <= " + p95Target + " ms",
				result.p95() <= p95Target, result.errorCount() == 0, noErrors(result)));
		return result;
	}

	/** One admin page (a dashboard, the event list) under 8 staff. */
	private Result adminPage(Result httpCeiling, String id, String path, String seededSlug) throws Exception {
		String label = labelOf(id);
		if (!this.features.admin()) {
			throw new FeatureMissing("p95 <= 100 ms");
		}
		seedEvent(seededSlug, seededSlug.equals("bench-huge") ? HUGE_EVENT : 50_000);
		Result result = load(id, BenchmarkMain.ADMIN_CONNECTIONS, (i) -> {
			HttpConnection http = http("es");
			logIn(http);
			return http;
		}, (http, n) -> expect(http.get(path), 200, id));
		add(Row.load(id, label, result, ratio(result, httpCeiling), "p95 <= 100 ms", result.p95() <= 100,
				result.errorCount() == 0, noErrors(result)));
		return result;
	}

	private final Map<String, String> labels = new LinkedHashMap<>();

	private String labelOf(String id) {
		return this.labels.getOrDefault(id, id);
	}

	/** Logs a staff member in on this connection; the session cookie stays in its jar. */
	static void logIn(HttpConnection http) throws IOException {
		Response page = http.get("/admin/login");
		Map<String, String> form = new LinkedHashMap<>(page.hiddenInputs());
		form.put("username", BenchmarkMain.ADMIN_EMAIL);
		form.put("password", BenchmarkMain.ADMIN_PASSWORD);
		Response login = http.postForm("/admin/login", form);
		String location = login.header("location");
		if (login.status() / 100 != 3 || location == null || location.contains("error")) {
			throw new IllegalStateException("Admin login failed: " + login.status() + " " + location);
		}
	}

	// 5. CSV export

	private Result csvExport() throws Exception {
		String label = labelOf("csv");
		if (!this.features.export()) {
			throw new FeatureMissing("<= 3 s");
		}
		BenchmarkDatabase database = this.benchmark.database();
		long eventId = database.createEvent("bench-csv", 0);
		database.seedRegistrations(eventId, 100_000);
		double[] seconds = new double[4];
		long lines = 0;
		try (HttpConnection http = http("es")) {
			logIn(http);
			for (int i = 0; i < seconds.length; i++) {
				long start = System.nanoTime();
				Response csv = http.get("/admin/events/bench-csv/registrations.csv");
				byte[] content = csv.content();
				seconds[i] = (System.nanoTime() - start) / 1e9;
				if (csv.status() != 200) {
					throw new IllegalStateException("The export answered " + csv.status());
				}
				lines = 0;
				for (byte b : content) {
					if (b == '\n') {
						lines++;
					}
				}
				BenchmarkMain.log("CSV download %d: %.2f s, %d lines, %d bytes on the wire", i + 1, seconds[i], lines,
						csv.body().length);
			}
		}
		double[] warm = java.util.Arrays.copyOfRange(seconds, 1, seconds.length);
		java.util.Arrays.sort(warm);
		double median = warm[warm.length / 2];
		boolean alive = this.app.residentMegabytes() > 0;
		boolean ok = lines >= 100_000 && lines <= 100_002 && alive;
		add(Row.checkedFigure("csv", label, median, "s", "<= 3 s", median <= 3, ok,
				lines + " lines; first (cold) download " + Report.number(seconds[0]) + " s"));
		return null;
	}

	// 6. Outbox drain

	/**
	 * Marks the messages the registration scenarios queued as sent: the second instance
	 * polls the outbox every second, and the drain must measure exactly the seeded 10
	 * 000.
	 */
	void prepareOutboxForSecondInstance() throws Exception {
		if (this.features.outbox()) {
			this.benchmark.database()
				.execute("update outbox_message set status = 'SENT', sent_at = now(), locked_at = null,"
						+ " locked_by = null where status in ('PENDING', 'SENDING')");
		}
	}

	private Result outboxDrain() throws Exception {
		String label = "6. outbox drain: 10 000 due messages to SMTP";
		if (!this.features.outbox()) {
			throw new FeatureMissing(">= 300 messages/s");
		}
		BenchmarkDatabase database = this.benchmark.database();
		if (database.count("select count(*) from outbox_message where kind = 'CONFIRMED'") == 0) {
			// No registration scenario ran: one registration gives a real confirmation to
			// copy.
			requireRegistration(">= 300 messages/s");
			database.createEvent("bench-mail", 10);
			try (HttpConnection http = http("es")) {
				Response form = http.get("/events/bench-mail/register");
				Response posted = http.postForm("/events/bench-mail/register",
						new Visitor(http, form.hiddenInputs()).form(0));
				if (expectRedirectTo(posted, "/r/", "outbox") != null) {
					throw new IllegalStateException("Could not register to get a confirmation to copy");
				}
			}
		}
		long sinkBefore = this.benchmark.smtp().messages();
		// 10 000 copies of a real confirmation (HTML, text and event.ics), each to its
		// own address with its own Message-ID, all due now, about as many confirmed
		// registrations as there are (the registration scenarios leave tens of
		// thousands): each is composed for its own registration, its own check-in QR
		// code included, as a real drain is (CheckinQrCode keeps the symbols of recent
		// links, so copies about one registration would be cheaper than any real drain).
		// Every content column later migrations add (an inline image, ...) is copied too.
		String copied = String.join(", ",
				database.columns("outbox_message", "id", "recipient", "message_id", "status", "attempts",
						"next_attempt_at", "created_at", "locked_at", "locked_by", "sent_at", "last_error",
						"resent_from", "registration_id", "event_id"));
		long registrations = Math.min(OUTBOX_MESSAGES,
				database.count("select count(*) from registration where status = 'CONFIRMED'"));
		database.execute("insert into outbox_message (" + copied
				+ ", registration_id, event_id, recipient, message_id, status, attempts, next_attempt_at, created_at)"
				+ " select " + copied + ", r.id, r.event_id, 'drain-' || g || '@bench.example.org',"
				+ " '<drain-' || g || '@bench.example.org>', 'PENDING', 0, now(), now()"
				+ " from (select * from outbox_message where kind = 'CONFIRMED' order by id desc limit 1) t,"
				+ " generate_series(1, " + OUTBOX_MESSAGES + ") g"
				+ " join (select id, event_id, row_number() over (order by id desc) as n from registration"
				+ " where status = 'CONFIRMED' order by id desc limit " + registrations + ") r"
				+ " on r.n = 1 + (g - 1) % " + registrations);
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(300);
		String drain = " from outbox_message where message_id like '<drain-%'";
		long left = OUTBOX_MESSAGES;
		while (left > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			left = database.count("select count(*)" + drain + " and status in ('PENDING', 'SENDING')");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long sent = database.count("select count(*)" + drain + " and status = 'SENT'");
		long failed = database.count("select count(*)" + drain + " and status = 'FAILED'");
		long received = this.benchmark.smtp().messages() - sinkBefore;
		double perSecond = sent / seconds;
		boolean ok = sent == OUTBOX_MESSAGES && failed == 0 && received >= OUTBOX_MESSAGES;
		add(Row.checkedFigure("outbox", label, perSecond, "messages/s", ">= 300 messages/s", perSecond >= 300, ok,
				sent + " sent, " + failed + " failed, " + received + " received by the SMTP sink in "
						+ Report.number(seconds) + " s (polling every 1 s), about " + registrations + " registrations"
						+ ((left > 0) ? "; NOT DRAINED in 300 s" : "")));
		return null;
	}

	// Anonymous sessions

	void reportAnonymousSessions() throws Exception {
		long responses = this.publicResponses.sum();
		long cookies = this.sessionCookies.sum();
		long sessions = this.benchmark.database().count("select count(*) from spring_session");
		String check = cookies + " session cookies in " + responses + " public responses; " + sessions
				+ " rows in spring_session (admin sessions included)";
		this.benchmark.report()
			.add(Row.checkedFigure("anonymous-sessions", "anonymous visitors get no HTTP session", cookies,
					"Set-Cookie", "0", cookies == 0, cookies == 0, check));
	}

	// Helpers

	private void add(Row row) {
		this.benchmark.report().add(row);
	}

	/**
	 * Events of {@link #SEATS_PER_EVENT} seats enough for every registration of one
	 * scenario.
	 */
	private int eventsForOneScenario() {
		BenchmarkMain.Options options = this.benchmark.options();
		int registrations = MAX_EXPECTED_PER_SECOND * (options.warmupSeconds + options.measureSeconds + 10);
		return registrations / SEATS_PER_EVENT + 1;
	}

	private void requireRegistration(String target) {
		if (!this.features.registration()) {
			throw new FeatureMissing(target);
		}
	}

	private HttpConnection http(String language) {
		return new HttpConnection("127.0.0.1", this.app.port(), language);
	}

	private Response publicResponse(Response response) {
		this.publicResponses.increment();
		if (response.setsSessionCookie()) {
			this.sessionCookies.increment();
		}
		return response;
	}

	private String expect(Response response, int status, String scenario) {
		if (response.status() == status) {
			return null;
		}
		saveErrorPage(scenario, response);
		return Integer.toString(response.status());
	}

	private String expectRedirectTo(Response response, String prefix, String scenario) {
		String location = response.header("location");
		if (response.status() / 100 == 3 && location != null && path(location).startsWith(prefix)) {
			return null;
		}
		saveErrorPage(scenario, response);
		return response.status() + ((response.status() / 100 == 3) ? " to " + location : " instead of a redirect");
	}

	private void saveErrorPage(String scenario, Response response) {
		if (this.savedErrorPages.incrementAndGet() <= 5) {
			try {
				Files.writeString(
						this.benchmark.outputDirectory()
							.resolve("error-" + scenario + "-" + this.savedErrorPages.get() + ".html"),
						response.status() + " " + response.headers().stream().map((h) -> h[0] + ": " + h[1]).toList()
								+ "\n\n" + response.text());
			}
			catch (IOException ex) {
				// Only a debugging aid.
			}
		}
	}

	static String path(String location) {
		if (location == null) {
			return "";
		}
		int scheme = location.indexOf("://");
		if (scheme < 0) {
			return location;
		}
		int slash = location.indexOf('/', scheme + 3);
		return (slash < 0) ? "/" : location.substring(slash);
	}

	private static Double ratio(Result result, Result ceiling) {
		return (ceiling == null || ceiling.perSecond() == 0) ? null : result.perSecond() / ceiling.perSecond();
	}

	private static String noErrors(Result result) {
		return (result.errorCount() == 0) ? "no errors" : "errors " + result.errors();
	}

	private static String rowsCheck(long rows, Result result) {
		return rows + " rows for " + result.successesOverall() + " successes"
				+ ((rows == result.successesOverall()) ? "" : " MISMATCH")
				+ ((result.errorCount() == 0) ? "" : "; errors " + result.errors());
	}

	static long elapsedMillis(long startNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
	}

	/** A visitor with the registration form's hidden fields (CSRF token and the like). */
	static final class Visitor implements AutoCloseable {

		private final HttpConnection http;

		private final Map<String, String> hidden;

		Visitor(HttpConnection http, Map<String, String> hidden) {
			this.http = http;
			this.hidden = hidden;
		}

		Map<String, String> form(long n) {
			Map<String, String> form = new LinkedHashMap<>(this.hidden);
			form.put("fullName", "Visitante Benchmark Núñez " + n);
			form.put("email", "visitante-" + n + "-" + BenchmarkMain.unique() + "@bench.example.org");
			form.put("company", "Discos Ñandú " + (n % 1000));
			form.put("jobTitle", "Gerente de A&R");
			form.put("companyType", "INDEPENDENT_LABEL");
			form.put("state", "CMX");
			form.put("city", "Ciudad de México");
			form.put("phone", "+52 55 1234 5678");
			form.put("associationInterest", "YES");
			form.put("referralSource", "Redes sociales");
			form.put("comments", "");
			form.put("privacyConsent", "true");
			form.put("newsOptIn", "true");
			form.put("website", "");
			return form;
		}

		@Override
		public void close() {
			this.http.close();
		}

	}

	/** The scenario's feature has not landed in this build. */
	static final class FeatureMissing extends RuntimeException {

		FeatureMissing(String target) {
			super(target);
		}

	}

}
