package org.winformusic.events.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Waits, before a start-up is timed, until the machine's CPUs are mostly idle: the
 * start-up target is for a quiet machine, and what the benchmark itself left running (the
 * JVM of the previous start exiting, PostgreSQL vacuuming the rows a scenario just
 * seeded) would otherwise be in the figure. Bounded: after {@link #MAX_WAIT_SECONDS} the
 * start goes ahead and the log says how busy the machine still was.
 */
final class QuietMachine {

	/**
	 * At most this share of all CPUs busy (other processes, or the hypervisor's steal).
	 */
	static final double QUIET = 0.15;

	static final int MAX_WAIT_SECONDS = 60;

	private QuietMachine() {
	}

	/**
	 * Waits for one quiet second (at most {@link #MAX_WAIT_SECONDS}); how busy it was.
	 */
	static double await() throws InterruptedException {
		long started = System.nanoTime();
		double busy = 1;
		for (int second = 0; second < MAX_WAIT_SECONDS; second++) {
			long[] before = cpuTicks();
			Thread.sleep(1000);
			busy = busyShare(before, cpuTicks());
			if (busy <= QUIET) {
				break;
			}
		}
		BenchmarkMain.log("Machine %.0f %% busy after waiting %.0f s for it to be quiet", busy * 100,
				(System.nanoTime() - started) / 1e9);
		return busy;
	}

	/**
	 * The share of CPU time that was not idle between two readings of
	 * {@code /proc/stat}'s {@code cpu} line (user nice system idle iowait irq softirq
	 * steal); 0 when unknown.
	 */
	static double busyShare(long[] before, long[] after) {
		if (before.length < 8 || after.length < 8) {
			return 0;
		}
		long total = 0;
		for (int i = 0; i < 8; i++) {
			total += after[i] - before[i];
		}
		long idle = (after[3] - before[3]) + (after[4] - before[4]);
		return (total > 0) ? 1 - (double) idle / total : 0;
	}

	private static long[] cpuTicks() {
		try {
			String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
			return Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
		}
		catch (IOException | RuntimeException ex) {
			return new long[0];
		}
	}

	static String describe(double busy) {
		return String.format(Locale.ROOT, "%.0f %% busy", busy * 100);
	}

}
