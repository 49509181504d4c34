package org.winformusic.events.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: a fixed number of platform threads, one per connection (virtual
 * user), each repeating one operation as fast as the server answers. Runs a warm-up, then
 * a measured period; only operations that start inside the measured period count towards
 * the figures, every successful operation (warm-up too) counts towards the correctness
 * check. Bounded in time and in operations per thread.
 */
final class LoadGenerator {

	/** No thread runs more operations than this, whatever the duration. */
	static final int MAX_OPERATIONS_PER_THREAD = 5_000_000;

	private LoadGenerator() {
	}

	/**
	 * What one virtual user does.
	 *
	 * @param <U> the user's state: its connection, cookies, CSRF token
	 */
	interface Operation<U> {

		/**
		 * Runs once.
		 * @return {@code null} when it succeeded, otherwise a short error key ("500",
		 * "200 instead of a redirect", "IOException")
		 */
		String run(U user, long sequence) throws Exception;

	}

	interface UserFactory<U> {

		U create(int index) throws Exception;

	}

	static <U extends AutoCloseable> Result run(String name, int threads, int warmupSeconds, int measureSeconds,
			UserFactory<U> users, Operation<U> operation, CpuMeter... meters) throws InterruptedException {
		long[][] latencies = new long[threads][];
		int[] counts = new int[threads];
		Map<String, LongAdder> errors = new ConcurrentHashMap<>();
		LongAdder successesOverall = new LongAdder();
		LongAdder measuredSuccesses = new LongAdder();
		AtomicLong sequence = new AtomicLong();
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(threads);
		long[] window = new long[2];
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			int index = t;
			workers[t] = new Thread(() -> {
				long[] mine = new long[1 << 14];
				int count = 0;
				U user = null;
				try {
					user = users.create(index);
				}
				catch (Exception ex) {
					errors.computeIfAbsent("setup: " + describe(ex), (k) -> new LongAdder()).increment();
				}
				ready.countDown();
				try {
					go.await();
					if (user == null) {
						return;
					}
					long measureFrom = window[0];
					long measureUntil = window[1];
					for (int i = 0; i < MAX_OPERATIONS_PER_THREAD; i++) {
						long start = System.nanoTime();
						if (start >= measureUntil) {
							break;
						}
						String error;
						try {
							error = operation.run(user, sequence.incrementAndGet());
						}
						catch (Exception ex) {
							error = describe(ex);
						}
						long elapsed = System.nanoTime() - start;
						if (error == null) {
							successesOverall.increment();
						}
						if (start >= measureFrom) {
							if (error == null) {
								measuredSuccesses.increment();
								if (count == mine.length) {
									mine = Arrays.copyOf(mine, count * 2);
								}
								mine[count++] = elapsed;
							}
							else {
								errors.computeIfAbsent(error, (k) -> new LongAdder()).increment();
							}
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					latencies[index] = mine;
					counts[index] = count;
					if (user != null) {
						try {
							user.close();
						}
						catch (Exception ex) {
							// Closing a connection after the run.
						}
					}
					done.countDown();
				}
			}, "load-" + name + "-" + t);
			workers[t].setDaemon(true);
			workers[t].start();
		}
		if (!ready.await(120, TimeUnit.SECONDS)) {
			throw new IllegalStateException(name + ": virtual users not ready within 120 s");
		}
		long now = System.nanoTime();
		window[0] = now + TimeUnit.SECONDS.toNanos(warmupSeconds);
		window[1] = window[0] + TimeUnit.SECONDS.toNanos(measureSeconds);
		go.countDown();
		sleepUntil(window[0]);
		for (CpuMeter meter : meters) {
			meter.start();
		}
		sleepUntil(window[1]);
		for (CpuMeter meter : meters) {
			meter.stop();
		}
		// Every thread stops starting operations at the end of the window; allow the last
		// ones (and a slow CSV or a stuck request) a bounded time to finish.
		if (!done.await(warmupSeconds + measureSeconds + 90L, TimeUnit.SECONDS)) {
			errors.computeIfAbsent("threads still running at the deadline", (k) -> new LongAdder()).increment();
		}
		int total = 0;
		for (int count : counts) {
			total += count;
		}
		long[] all = new long[total];
		int at = 0;
		for (int t = 0; t < threads; t++) {
			if (latencies[t] != null) {
				System.arraycopy(latencies[t], 0, all, at, counts[t]);
				at += counts[t];
			}
		}
		Arrays.sort(all, 0, at);
		Map<String, Long> errorCounts = new TreeMap<>();
		errors.forEach((key, adder) -> errorCounts.put(key, adder.sum()));
		return new Result(name, threads, measureSeconds, measuredSuccesses.sum(), successesOverall.sum(),
				percentile(all, at, 0.50), percentile(all, at, 0.95), percentile(all, at, 0.99),
				(at == 0) ? 0 : all[at - 1] / 1_000_000.0, errorCounts,
				(meters.length > 0) ? meters[0].usedMillis() : -1, (meters.length > 1) ? meters[1].usedMillis() : -1);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left;
		while ((left = nanoTime - System.nanoTime()) > 0) {
			TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
		}
	}

	private static double percentile(long[] sorted, int size, double p) {
		if (size == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * size) - 1;
		return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000_000.0;
	}

	private static String describe(Exception ex) {
		String name = ex.getClass().getSimpleName();
		return (ex.getMessage() != null && ex.getMessage().length() < 60) ? name + ": " + ex.getMessage() : name;
	}

	/**
	 * What one scenario measured.
	 *
	 * @param successes successful operations inside the measured period
	 * @param successesOverall successful operations, warm-up included (what the database
	 * must hold)
	 * @param errors failed operations inside the measured period, by kind
	 * @param appCpuMillis CPU the application used in the measured period, -1 if unknown
	 * @param dbCpuMillis CPU PostgreSQL used in the measured period, -1 if unknown
	 * @param appCpuMillis CPU the application used in the measured period, -1 if unknown
	 * @param dbCpuMillis CPU PostgreSQL used in the measured period, -1 if unknown
	 */
	record Result(String name, int threads, int seconds, long successes, long successesOverall, double p50, double p95,
			double p99, double max, Map<String, Long> errors, double appCpuMillis, double dbCpuMillis) {

		/**
		 * Application CPU milliseconds per successful operation in the measured period.
		 */
		double appCpuPerOperation() {
			return (this.successes == 0 || this.appCpuMillis < 0) ? -1 : this.appCpuMillis / this.successes;
		}

		/**
		 * PostgreSQL CPU milliseconds per successful operation in the measured period.
		 */
		double dbCpuPerOperation() {
			return (this.successes == 0 || this.dbCpuMillis < 0) ? -1 : this.dbCpuMillis / this.successes;
		}

		double perSecond() {
			return (double) this.successes / this.seconds;
		}

		long errorCount() {
			return this.errors.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
