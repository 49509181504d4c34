package org.winformusic.events.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process (and, for PostgreSQL, its backends) used, from {@code /proc}: on a
 * machine shared with other work, CPU milliseconds per operation stay comparable between
 * runs when requests per second do not.
 */
final class CpuMeter {

	private static final double MILLIS_PER_TICK = 10.0;

	private final long pid;

	private final boolean withDescendants;

	private long startTicks;

	private double usedMillis;

	CpuMeter(long pid, boolean withDescendants) {
		this.pid = pid;
		this.withDescendants = withDescendants;
	}

	void start() {
		this.startTicks = ticks();
	}

	void stop() {
		this.usedMillis = (ticks() - this.startTicks) * MILLIS_PER_TICK;
	}

	double usedMillis() {
		return this.usedMillis;
	}

	private long ticks() {
		// Exited children (closed backends) are counted in the parent's cutime/cstime.
		long total = ticks(this.pid, true);
		if (this.withDescendants) {
			total += ProcessHandle.of(this.pid)
				.stream()
				.flatMap(ProcessHandle::descendants)
				.mapToLong((child) -> ticks(child.pid(), false))
				.sum();
		}
		return total;
	}

	private static long ticks(long pid, boolean withWaitedChildren) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// Fields after the command: state(0) ... utime(11) stime(12) cutime(13)
			// cstime(14).
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			if (withWaitedChildren) {
				ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
