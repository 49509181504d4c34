package org.winformusic.events.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application started as production starts it: {@code java -jar} in a process of its
 * own, configured through environment variables, listening on 127.0.0.1 on a free port.
 */
final class AppProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final double startupSeconds;

	private AppProcess(Process process, int port, double startupSeconds) {
		this.process = process;
		this.port = port;
		this.startupSeconds = startupSeconds;
	}

	/**
	 * Starts the jar and waits until {@code /actuator/health} answers UP.
	 * @param jvmOptions e.g. {@code -Xmx512m}
	 * @param environment settings, as production passes them
	 * @param log where the application's output goes
	 */
	static AppProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		return start(jar, jvmOptions, environment, log, 180);
	}

	/** As above, waiting at most {@code timeoutSeconds} for UP (a loaded machine). */
	static AppProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log,
			int timeoutSeconds) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		Files.createDirectories(log.getParent());
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		long started = System.nanoTime();
		Process process = builder.start();
		AppProcess app = new AppProcess(process, port, 0);
		long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		try (HttpConnection http = new HttpConnection("127.0.0.1", port, "es")) {
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"The application exited with " + process.exitValue() + " during start-up; see " + log);
				}
				try {
					HttpConnection.Response health = http.get("/actuator/health");
					if (health.status() == 200 && health.text().contains("\"UP\"")) {
						double seconds = (System.nanoTime() - started) / 1e9;
						return new AppProcess(process, port, seconds);
					}
				}
				catch (IOException ex) {
					http.close();
				}
				Thread.sleep(50);
			}
		}
		app.close();
		throw new IllegalStateException("The application was not healthy within " + timeoutSeconds + " s; see " + log);
	}

	/**
	 * Runs a java command to completion (the jar tools, a CDS training run), bounded in
	 * time.
	 */
	static void runToExit(List<String> arguments, Map<String, String> environment, Path log, int timeoutSeconds)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
		builder.environment().put("SERVER_PORT", Integer.toString(freePort()));
		Files.createDirectories(log.getParent());
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process process = builder.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new IllegalStateException("Did not finish within " + timeoutSeconds + " s: " + arguments);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("Exited with " + process.exitValue() + "; see " + log);
		}
	}

	/**
	 * The JDK the application runs on: {@code BENCHMARK_APP_JAVA_HOME} when set (e.g. a
	 * JDK 25, to measure its ahead-of-time cache), else the benchmark's own.
	 */
	static String javaHome() {
		String home = System.getenv("BENCHMARK_APP_JAVA_HOME");
		return (home != null && !home.isBlank()) ? home : System.getProperty("java.home");
	}

	static String java() {
		return Path.of(javaHome(), "bin", "java").toString();
	}

	/**
	 * The feature release (17, 25, ...) of {@link #javaHome()}, from its release file.
	 */
	static int javaFeatureVersion() {
		try {
			for (String line : Files.readAllLines(Path.of(javaHome(), "release"))) {
				if (line.startsWith("JAVA_VERSION=")) {
					String version = line.substring(line.indexOf('"') + 1);
					return Integer.parseInt(version.split("[.\"]")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Fall through: assume the running JVM's.
		}
		return Runtime.version().feature();
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	double startupSeconds() {
		return this.startupSeconds;
	}

	/** Resident memory of the application process, from {@code /proc/<pid>/status}. */
	long residentMegabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
				}
			}
		}
		catch (IOException ex) {
			// Not on Linux: reported as unknown.
		}
		return -1;
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
