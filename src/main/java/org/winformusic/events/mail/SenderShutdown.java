package org.winformusic.events.mail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link OutboxSender} needs to stop cleanly: whether shutdown has begun, the drains
 * running on any thread, and the batches handed to SMTP right now.
 */
final class SenderShutdown {

	/** Set on shutdown: no batch is claimed or handed to SMTP after it. */
	private volatile boolean stopping;

	/** Between a start and the end of a stop (the sender's lifecycle state). */
	private volatile boolean started;

	/** Rows claimed by this instance and being sent right now, by batch. */
	private final Set<List<Long>> onTheWire = ConcurrentHashMap.newKeySet();

	/** Drains running on any thread. */
	private final AtomicInteger draining = new AtomicInteger();

	boolean stopping() {
		return this.stopping;
	}

	/** Shutdown has begun: nothing new is claimed or handed over. */
	void begin() {
		this.stopping = true;
	}

	/** The stop is complete. */
	void stopped() {
		this.started = false;
	}

	boolean started() {
		return this.started;
	}

	/**
	 * Started, also again after a stop: a context that is stopped and started (Spring's
	 * test context cache pauses a context another test class does not use, and restarts
	 * it for the next that does) sends again instead of staying stopped for good.
	 */
	void resume() {
		this.stopping = false;
		this.started = true;
	}

	void drainStarted() {
		this.draining.incrementAndGet();
	}

	void drainEnded() {
		this.draining.decrementAndGet();
	}

	/**
	 * Marks a batch as on the wire unless shutdown has begun; the flag is read after the
	 * batch is registered, so {@link #stillOnTheWire} either sees the batch or this sees
	 * the flag.
	 */
	boolean handOver(List<Long> ids) {
		this.onTheWire.add(ids);
		if (this.stopping) {
			this.onTheWire.remove(ids);
			return false;
		}
		return true;
	}

	/** The batch's outcome is recorded: it is no longer on the wire. */
	void landed(List<Long> ids) {
		this.onTheWire.remove(ids);
	}

	/**
	 * Waits at most {@code nanos} for the running drains to finish.
	 * @return the rows still on the wire after the wait
	 */
	List<Long> stillOnTheWire(long nanos) {
		long deadline = System.nanoTime() + nanos;
		while (this.draining.get() > 0 && System.nanoTime() < deadline) {
			try {
				TimeUnit.MILLISECONDS.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return this.onTheWire.stream().flatMap(List::stream).toList();
	}

}
