package org.winformusic.events.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.winformusic.events.benchmark.HttpConnection.Response;

/**
 * The production start recipe, run as the README says ({@code scripts/start.sh}: the
 * extracted jar, the class cache and its training run, Spring AOT, the recommended JVM
 * options) against an embedded PostgreSQL and an SMTP sink: readiness must answer UP and
 * the public event page and the staff login page must render. Plain {@code ./mvnw verify}
 * runs the application in JVM mode only, so this is what proves the build-time bean graph
 * works. Run by {@code scripts/start-check.sh} (and {@code .ci/run}); exits 1 on failure.
 */
public final class StartRecipeCheck {

	private static final Path OUTPUT = Path.of("target", "start-check");

	/**
	 * Training run plus start: about 30 s on a quiet 2-core machine, minutes on a loaded
	 * one.
	 */
	private static final int TIMEOUT_SECONDS = 600;

	private StartRecipeCheck() {
	}

	public static void main(String[] args) throws Exception {
		Files.createDirectories(OUTPUT);
		List<String> failures = new ArrayList<>();
		try (BenchmarkDatabase database = BenchmarkDatabase.start(); SmtpSink smtp = new SmtpSink()) {
			int port = AppProcess.freePort();
			ProcessBuilder builder = new ProcessBuilder("scripts/start.sh");
			builder.environment().put("SPRING_DATASOURCE_URL", database.jdbcUrl());
			builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
			builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
			builder.environment().put("SPRING_MAIL_HOST", "127.0.0.1");
			builder.environment().put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));
			builder.environment().put("APP_MAIL_FROM", "WIN Events <events@example.org>");
			// A first start on an empty database: without the first admin it stops
			// (README
			// "First admin").
			builder.environment().put("APP_ADMIN_EMAIL", BenchmarkMain.ADMIN_EMAIL);
			builder.environment().put("APP_ADMIN_PASSWORD", BenchmarkMain.ADMIN_PASSWORD);
			builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			builder.redirectErrorStream(true).redirectOutput(OUTPUT.resolve("app.log").toFile());
			long started = System.nanoTime();
			Process process = builder.start();
			try (HttpConnection http = new HttpConnection("127.0.0.1", port, "es")) {
				boolean ready = awaitReadiness(process, http, started);
				System.out.printf("[start-check] readiness %s after %.1f s (training run included)%n",
						ready ? "UP" : "NOT UP", (System.nanoTime() - started) / 1e9);
				if (!ready) {
					failures.add("readiness did not answer UP; see " + OUTPUT.resolve("app.log"));
				}
				else {
					expect(http.get("/events/mexico-workshop"), "Hoja de ruta", "event page", failures);
					expect(http.get("/admin/login"), "password", "staff login page", failures);
				}
			}
			finally {
				// Still in the training run, java is the script's child; after it, the
				// script
				// has become java (exec).
				process.descendants().forEach(ProcessHandle::destroy);
				process.destroy();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
		if (!Files.readString(OUTPUT.resolve("app.log")).contains("Starting AOT-processed")) {
			failures.add("the application did not start in AOT mode; see " + OUTPUT.resolve("app.log"));
		}
		failures.forEach((failure) -> System.out.println("[start-check] FAILED: " + failure));
		System.out.println(failures.isEmpty() ? "[start-check] ok" : "[start-check] failed");
		System.exit(failures.isEmpty() ? 0 : 1);
	}

	private static boolean awaitReadiness(Process process, HttpConnection http, long started)
			throws InterruptedException {
		long deadline = started + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				Response readiness = http.get("/actuator/health/readiness");
				if (readiness.status() == 200 && readiness.text().contains("\"UP\"")) {
					return true;
				}
			}
			catch (IOException ex) {
				http.close();
			}
			Thread.sleep(100);
		}
		return false;
	}

	private static void expect(Response page, String text, String what, List<String> failures) {
		if (page.status() != 200 || !page.text().contains(text)) {
			failures.add(what + ": HTTP " + page.status() + ", expected 200 with \"" + text + "\"");
		}
		else {
			System.out.println("[start-check] " + what + ": 200");
		}
	}

}
